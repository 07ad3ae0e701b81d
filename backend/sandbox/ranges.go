package sandbox

import (
	"net/http"
	"strconv"
	"strings"
)

// byteRange is the part of a body to send.
type byteRange struct {
	start, length int64
	partial       bool
}

// status is 206 for a range, 200 for the whole body.
func (r byteRange) status() int {
	if r.partial {
		return http.StatusPartialContent
	}
	return http.StatusOK
}

// parseRange interprets a single "bytes=" range of a body of size bytes. Absent, malformed or
// multi-range headers select the whole body (servers may ignore Range); false means the range
// cannot be satisfied (416).
func parseRange(header string, size int64) (byteRange, bool) {
	whole := byteRange{length: size}
	spec, ok := strings.CutPrefix(strings.TrimSpace(header), "bytes=")
	if !ok || strings.Contains(spec, ",") {
		return whole, true
	}
	first, last, ok := strings.Cut(strings.TrimSpace(spec), "-")
	if !ok {
		return whole, true
	}
	if first == "" {
		return suffixRange(last, size)
	}
	return boundedRange(first, last, size)
}

// suffixRange handles "bytes=-N": the last N bytes.
func suffixRange(last string, size int64) (byteRange, bool) {
	n, err := strconv.ParseInt(last, 10, 64)
	if err != nil {
		return byteRange{length: size}, true
	}
	if n <= 0 {
		return byteRange{}, false
	}
	n = min(n, size)
	return byteRange{start: size - n, length: n, partial: true}, true
}

// boundedRange handles "bytes=A-" and "bytes=A-B".
func boundedRange(first, last string, size int64) (byteRange, bool) {
	start, err := strconv.ParseInt(first, 10, 64)
	if err != nil || start < 0 {
		return byteRange{length: size}, true
	}
	if start >= size {
		return byteRange{}, false
	}
	end := size - 1
	if last != "" {
		e, err := strconv.ParseInt(last, 10, 64)
		if err != nil || e < start {
			return byteRange{length: size}, true
		}
		end = min(e, end)
	}
	return byteRange{start: start, length: end - start + 1, partial: true}, true
}
