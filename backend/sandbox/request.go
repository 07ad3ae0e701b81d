package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
)

// maxJSONBody bounds the JSON request bodies; the largest documented one (50 links) is far smaller.
const maxJSONBody = 1 << 20

// errEmptyBody is returned by decodeJSON for a request without a body.
var errEmptyBody = badParam("request body is required")

// decodeJSON reads a JSON request body into v. Form or multipart bodies are refused with a hint,
// the way a Spring @RequestBody endpoint would refuse them.
func decodeJSON(r *http.Request, v any) error {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data" {
		return badParam("send a JSON body (Content-Type: application/json), not form fields")
	}
	err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxJSONBody)).Decode(v)
	switch {
	case errors.Is(err, io.EOF):
		return errEmptyBody
	case err != nil:
		return badParam("malformed JSON body: %v", err)
	}
	return nil
}

// optionalNamespace reads a unique_id from a JSON body: "default" when absent, error when empty.
func optionalNamespace(ns *string) (string, error) {
	if ns == nil {
		return defaultNamespace, nil
	}
	return checkNamespace(*ns)
}
