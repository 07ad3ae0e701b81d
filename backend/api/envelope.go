package api

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// envelope is the JSON wrapper around every answer (docs/API.md §4.1, §4.2): v1 sends a string code
// ("0000"), v2 an integer mirroring the HTTP status, and infrastructure errors a Spring-style body
// without code.
type envelope struct {
	Code    envelopeCode    `json:"code"`
	Msg     string          `json:"msg"`
	Message string          `json:"message"`
	Error   string          `json:"error"` // Spring error pages
	Data    json.RawMessage `json:"data"`
	Success *bool           `json:"success"`
	Failed  *bool           `json:"failed"`
}

// envelopeCode keeps the code exactly as sent ("0429" stays "0429", 401 becomes "401") and
// remembers whether it was a JSON number.
type envelopeCode struct {
	text    string
	numeric bool
}

// UnmarshalJSON accepts a string, a number or null.
func (c *envelopeCode) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &c.text)
	}
	if string(b) == "null" {
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	c.text, c.numeric = n.String(), true
	return nil
}

// decodeEnvelope parses body; ok is false when the body is not a JSON object.
func decodeEnvelope(body []byte) (env envelope, ok bool) {
	if err := json.Unmarshal(body, &env); err != nil {
		return envelope{}, false
	}
	return env, true
}

// succeeded reports whether the envelope signals success: "0000" ("SUCCESS" in the oldest search
// example, docs/API.md §13.8), the v2 integer 200, or, when no code was sent at all, success:true
// without failed:true.
func (e envelope) succeeded() bool {
	switch {
	case e.Code.text == "0000" || e.Code.text == "SUCCESS":
		return true
	case e.Code.numeric:
		return e.Code.text == "200"
	case e.Code.text != "":
		return false
	}
	return e.Success != nil && *e.Success && (e.Failed == nil || !*e.Failed)
}

// message is the most useful human text the envelope carries.
func (e envelope) message() string {
	for _, m := range []string{e.Msg, e.Message, e.Error} {
		if m != "" {
			return m
		}
	}
	return ""
}

// number reports the code as an integer, for v2 codes that mirror HTTP statuses.
func (c envelopeCode) number() (int, bool) {
	n, err := strconv.Atoi(c.text)
	return n, err == nil && c.numeric
}
