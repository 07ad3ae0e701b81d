package api

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// answer describes a canned HTTP response.
type answer struct {
	status      int
	contentType string
	body        string
}

func (a answer) serve(w http.ResponseWriter, _ *http.Request) {
	if a.contentType != "" {
		w.Header().Set("Content-Type", a.contentType)
	}
	w.WriteHeader(a.status)
	io.WriteString(w, a.body)
}

func v1(code, msg string) answer {
	return answer{200, "application/json",
		`{"code":"` + code + `","msg":"` + msg + `","data":null,"success":false,"failed":true}`}
}

func v2(code int, msg string) answer {
	return answer{code, "application/json",
		`{"code":` + strconv.Itoa(code) + `,"msg":"` + msg + `","data":null,"success":false,"failed":true}`}
}

const springPage = `{"timestamp":"2025-08-12T10:00:00.000+00:00","path":"/serve/api/v1/list_unique_ids",` +
	`"status":503,"error":"Service Unavailable","requestId":"a1b2c3"}`

func TestErrorClassification(t *testing.T) {
	cases := []struct {
		name      string
		answer    answer
		kind      error
		code      string
		status    int
		retryable bool
	}{
		{"0001 bad params", v1("0001", "parameter error"), ErrBadRequest, "0001", 200, false},
		{"0001 routing miss", v1("0001", "No static resource api."), ErrBadRequest, "0001", 200, false},
		{"0001 video not found", v1("0001", "video not found"), ErrNotFound, "0001", 200, false},
		{"0003", v1("0003", "missing parameter"), ErrBadRequest, "0003", 200, false},
		{"0401", v1("0401", "invalid key"), ErrUnauthorized, "0401", 200, false},
		{"0402", v1("0402", "insufficient points"), ErrNoCredits, "0402", 200, false},
		{"0403", v1("0403", "account disabled"), ErrForbidden, "0403", 200, false},
		{"0409", v1("0409", "duplicate"), ErrConflict, "0409", 200, false},
		{"0429", v1("0429", "Request has exceeded the limit."), ErrRateLimited, "0429", 200, true},
		{"9009", v1("9009", "permission denied"), ErrPermission, "9009", 200, false},
		{"unknown v1 code", v1("16", "stream capacity"), ErrUnexpected, "16", 200, false},
		{"v2 400", v2(400, "file is required"), ErrBadRequest, "400", 400, false},
		{"v2 400 asset not found", v2(400, "Asset not found"), ErrNotFound, "400", 400, false},
		{"v2 400 rate limit", v2(400, "Request has exceeded the limit."), ErrRateLimited, "400", 400, true},
		{"v2 401", v2(401, "Unauthorized"), ErrUnauthorized, "401", 401, false},
		{"v2 402", v2(402, "Payment Required"), ErrNoCredits, "402", 402, false},
		{"v2 404", v2(404, "Not Found"), ErrNotFound, "404", 404, false},
		{"v2 429", v2(429, "Too Many Requests"), ErrRateLimited, "429", 429, true},
		{"v2 500", v2(500, "Internal Server Error"), ErrServer, "500", 500, true},
		{"503 spring page", answer{503, "application/json", springPage}, ErrServer, "", 503, true},
		{"502 html page", answer{502, "text/html", "<html><body>Bad Gateway</body></html>"}, ErrServer, "", 502, true},
		{"404 html page", answer{404, "text/html", "<html>Not Found</html>"}, ErrUnexpected, "", 404, false},
		{"429 html page", answer{429, "text/html", "<html>slow down</html>"}, ErrRateLimited, "", 429, true},
		{"200 html page", answer{200, "text/html", "<html>captive portal</html>"}, ErrUnexpected, "", 200, false},
		{"200 empty body", answer{200, "", ""}, ErrUnexpected, "", 200, false},
		{"500 empty body", answer{500, "", ""}, ErrServer, "", 500, true},
		{"200 json array", answer{200, "application/json", "[1,2]"}, ErrUnexpected, "", 200, false},
		{"success false without code", answer{200, "application/json", `{"success":false,"failed":true,"msg":"no"}`},
			ErrUnexpected, "", 200, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t, tc.answer.serve)
			_, err := f.client.ListScopes(context.Background())
			var apiErr *Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("got %v, want *Error", err)
			}
			if !errors.Is(err, tc.kind) || apiErr.Code != tc.code || apiErr.HTTPStatus != tc.status {
				t.Fatalf("got %#v (%v), want kind %v code %q status %d", apiErr, err, tc.kind, tc.code, tc.status)
			}
			if apiErr.Op != "list_scopes" || Retryable(err) != tc.retryable {
				t.Fatalf("op %q retryable %v", apiErr.Op, Retryable(err))
			}
			assertNoKey(t, err)
		})
	}
}

func TestErrorMatchesOnlyItsKind(t *testing.T) {
	err := &Error{Op: "upload", HTTPStatus: 200, Code: "0429", kind: ErrRateLimited}
	for _, other := range []error{ErrBadRequest, ErrServer, ErrNetwork, ErrInvalidInput, ErrUnexpected} {
		if errors.Is(err, other) {
			t.Fatalf("rate limit error matches %v", other)
		}
	}
	if ErrRateLimited.Error() != "memories: rate limited" {
		t.Fatalf("sentinel text %q", ErrRateLimited.Error())
	}
	if got := err.Error(); got != "memories: upload: rate limited (code 0429, HTTP 200)" {
		t.Fatalf("Error() = %q", got)
	}
}

func TestSpringPageMessage(t *testing.T) {
	f := newFakeAPI(t, answer{503, "application/json", springPage}.serve)
	_, err := f.client.ListScopes(context.Background())
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Message != "Service Unavailable" {
		t.Fatalf("got %#v", err)
	}
}

func TestServerTextIsRedactedAndTruncated(t *testing.T) {
	msg := "bad key " + testKey + strings.Repeat(" é", 400) + "\x00\n"
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) { writeEnvelope(w, "0401", msg, nil) })
	_, err := f.client.ListScopes(context.Background())
	assertNoKey(t, err)
	var apiErr *Error
	if !errors.As(err, &apiErr) || !strings.Contains(apiErr.Message, "[redacted]") {
		t.Fatalf("got %v", err)
	}
	if len(apiErr.Message) > maxMessage || strings.ContainsAny(apiErr.Message, "\x00\n") ||
		!strings.HasSuffix(apiErr.Message, "...") {
		t.Fatalf("message not cleaned: %q", apiErr.Message)
	}
}

func TestKeyCutByTruncationIsStillRedacted(t *testing.T) {
	msg := strings.Repeat("x", maxMessage-20) + testKey
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) { writeEnvelope(w, "0401", msg, nil) })
	_, err := f.client.ListScopes(context.Background())
	if strings.Contains(err.Error(), testKey[:8]) {
		t.Fatalf("a prefix of the key survived: %v", err)
	}
}

func TestNetworkErrorIsWrappedAndRetryable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens here any more
	c := newTestClient(t, "http://"+addr+prefix)
	_, err = c.ListScopes(context.Background())
	if !errors.Is(err, ErrNetwork) || !Retryable(err) {
		t.Fatalf("got %v, want a retryable network error", err)
	}
	var opErr *net.OpError
	if !errors.As(err, &opErr) {
		t.Fatalf("the original cause is not reachable: %v", err)
	}
	assertNoKey(t, err)
}

func TestCancelledCallIsNotANetworkError(t *testing.T) {
	f := newFakeAPI(t, okJSON(nil))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := f.client.ListScopes(ctx)
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrNetwork) || Retryable(err) {
		t.Fatalf("got %v", err)
	}
}

func TestTruncatedJSONIsANetworkError(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "500")
		io.WriteString(w, `{"code":"0000","data":{"unique_ids":["a"`)
	})
	_, err := f.client.ListScopes(context.Background())
	if !errors.Is(err, ErrNetwork) || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("got %v", err)
	}
}

func TestErrorBodiesAreReadThroughALimit(t *testing.T) {
	// A valid envelope bigger than the limit: read whole it would say 0429; cut at 64 KiB it is
	// not JSON and classifies by its HTTP status.
	big := `{"code":"0429","msg":"` + strings.Repeat("x", 1<<20) + `"}`
	f := newFakeAPI(t, answer{500, "application/json", big}.serve)
	_, err := f.client.ListScopes(context.Background())
	if !errors.Is(err, ErrServer) || errors.Is(err, ErrRateLimited) {
		t.Fatalf("got %v", err)
	}
	d, err := f.client.Download(context.Background(), "VI1", "", DownloadOptions{})
	if d != nil || !errors.Is(err, ErrServer) {
		t.Fatalf("download got %v", err)
	}
}
