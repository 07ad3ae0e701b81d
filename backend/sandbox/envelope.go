package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Envelope codes used by the v1 (Visual Search) API; see docs/API.md §4.1.
const (
	codeOK          = "0000"
	codeBadParam    = "0001"
	codeAuth        = "0401"
	codeRateLimited = "0429"
	codeNoCredits   = "0402"
)

// msgRateLimited is the documented text of a rate-limit answer.
const msgRateLimited = "Request has exceeded the limit."

// envelope is the v1 response body: code is a string and errors still travel with HTTP 200.
type envelope struct {
	Code    string `json:"code"`
	Msg     string `json:"msg"`
	Data    any    `json:"data"`
	Success bool   `json:"success"`
	Failed  bool   `json:"failed"`
}

// v2Envelope is the v2 (mavi-backend) body: code is an integer mirroring the HTTP status.
type v2Envelope struct {
	Code    int    `json:"code"`
	Msg     string `json:"msg"`
	Data    any    `json:"data"`
	Success bool   `json:"success"`
	Failed  bool   `json:"failed"`
}

// springError is the body of infrastructure errors (unknown route, wrong method, 503).
type springError struct {
	Timestamp string `json:"timestamp"`
	Path      string `json:"path"`
	Status    int    `json:"status"`
	Error     string `json:"error"`
	RequestID string `json:"requestId"`
}

// apiError is a v1 failure a handler returns; it becomes an HTTP 200 envelope with its code.
type apiError struct {
	code string
	msg  string
}

func (e *apiError) Error() string { return e.code + ": " + e.msg }

// badParam builds the "0001" error that the API uses for every invalid or missing parameter.
func badParam(format string, args ...any) error {
	return &apiError{code: codeBadParam, msg: fmt.Sprintf(format, args...)}
}

// writeJSON sends v as a JSON body with the given HTTP status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "sandbox: cannot encode response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeOK sends a v1 success envelope around data.
func writeOK(w http.ResponseWriter, data any) {
	writeJSON(w, http.StatusOK, envelope{Code: codeOK, Msg: "success", Data: data, Success: true})
}

// writeCode sends a v1 failure envelope; like the real service it uses HTTP 200.
func writeCode(w http.ResponseWriter, code, msg string) {
	writeJSON(w, http.StatusOK, envelope{Code: code, Msg: msg, Failed: true})
}

// writeV2 sends a v2 envelope whose integer code equals the HTTP status.
func writeV2(w http.ResponseWriter, status int, msg string, data any) {
	ok := status == http.StatusOK
	writeJSON(w, status, v2Envelope{Code: status, Msg: msg, Data: data, Success: ok, Failed: !ok})
}

// writeSpring sends an infrastructure error in the Spring Boot shape.
func writeSpring(w http.ResponseWriter, r *http.Request, status int) {
	writeJSON(w, status, springError{
		Timestamp: time.Now().UTC().Format("2006-01-02T15:04:05.000+00:00"),
		Path:      r.URL.Path,
		Status:    status,
		Error:     http.StatusText(status),
		RequestID: randomHex(4),
	})
}

// randomHex returns n random bytes as lower-case hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
