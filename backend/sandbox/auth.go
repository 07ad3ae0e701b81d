package sandbox

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// Messages of the v1 authentication failures.
const (
	msgBadKey = "Unauthorized: invalid API key"
	msgBearer = "Unauthorized: send the raw API key in the Authorization header, without the \"Bearer \" prefix"
)

// checkKey validates the raw Authorization header and returns the v1 message on failure ("" = ok).
// The key itself never appears in the message.
func (s *Server) checkKey(r *http.Request) string {
	key := r.Header.Get("Authorization")
	switch {
	case strings.TrimSpace(key) == "":
		return msgBadKey
	case hasBearer(key):
		return msgBearer
	case s.opts.APIKey == "":
		return ""
	case subtle.ConstantTimeCompare([]byte(key), []byte(s.opts.APIKey)) != 1:
		return msgBadKey
	}
	return ""
}

// hasBearer reports whether the header uses the OAuth form that the current API rejects.
func hasBearer(key string) bool {
	return len(key) >= 7 && strings.EqualFold(key[:7], "bearer ")
}

// rejectAuth answers an authentication failure in the shape of the route's API generation.
func rejectAuth(w http.ResponseWriter, kind apiKind, msg string) {
	if kind == apiV2 {
		writeV2(w, http.StatusUnauthorized, "Unauthorized", nil)
		return
	}
	writeCode(w, codeAuth, msg)
}
