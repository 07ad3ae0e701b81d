package store

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
)

// jobKeyLen is the width of a job key: BE created ms ‖ BE id.
const jobKeyLen = 16

// jobKey orders jobs by creation time, then id, so a cursor walk is a walk through time.
func jobKey(created int64, id uint64) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, jobKeyLen), uint64(created))
	return binary.BigEndian.AppendUint64(k, id)
}

// idKey is the key of the id → jobKey index.
func idKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

// scopePrefix starts every video key of one scope; the NUL keeps "ab" apart from "a" ‖ "b…".
func scopePrefix(scope string) []byte {
	return append([]byte(scope), 0)
}

// videoKey is the primary key of a cached video: one row per (scope, video no).
func videoKey(scope, videoNo string) []byte {
	return append(scopePrefix(scope), videoNo...)
}

// videoTimeKey orders one scope's videos by creation time for range filters and paging.
func videoTimeKey(scope string, created int64, videoNo string) []byte {
	k := binary.BigEndian.AppendUint64(scopePrefix(scope), uint64(created))
	return append(k, videoNo...)
}

// checkKeyPart refuses strings that would break the NUL-separated keys.
func checkKeyPart(field, s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%w: %s contains a NUL byte", ErrInvalid, field)
	}
	return nil
}

// encodeCursor turns a position into the opaque string handed to the UI.
func encodeCursor(raw []byte) string { return base64.RawURLEncoding.EncodeToString(raw) }

// decodeCursor reverses encodeCursor; "" means "from the start".
func decodeCursor(s string) ([]byte, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: malformed cursor", ErrInvalid)
	}
	return raw, nil
}

// pageLimit applies the default and the ceiling shared by every paged query.
func pageLimit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > 1000:
		return 1000
	}
	return n
}
