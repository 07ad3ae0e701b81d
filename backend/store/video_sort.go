package store

import "encoding/binary"

// Sort orders accepted by VideoQuery.Sort.
const (
	SortCreatedDesc = "created_desc" // newest first (the default)
	SortCreatedAsc  = "created_asc"
	SortName        = "name" // case-insensitive
	SortSizeDesc    = "size_desc"
)

// videoOrder turns a row into a byte key whose ascending order is the requested order. Every key
// ends with the video number, so keys are unique and a cursor is simply the last key shown.
type videoOrder struct {
	code    byte // first byte of the cursor, so a cursor cannot be replayed under another sort
	reverse bool // walk the time index backwards, so rows arrive nearly in order
	// byTime: the walk meets rows in this order but for ties in created time, so a page can
	// end the walk early (see video_page.go).
	byTime bool
	key    func(dst []byte, created int64, s videoSummary, no []byte) []byte
}

var videoOrders = map[string]videoOrder{
	SortCreatedDesc: {code: 1, reverse: true, byTime: true, key: func(dst []byte, created int64, _ videoSummary, no []byte) []byte {
		return append(binary.BigEndian.AppendUint64(dst, ^uint64(created)), no...)
	}},
	SortCreatedAsc: {code: 2, byTime: true, key: func(dst []byte, created int64, _ videoSummary, no []byte) []byte {
		return append(binary.BigEndian.AppendUint64(dst, uint64(created)), no...)
	}},
	SortName: {code: 3, key: func(dst []byte, _ int64, s videoSummary, no []byte) []byte {
		return append(append(append(dst, s.nameLower...), 0), no...)
	}},
	SortSizeDesc: {code: 4, key: func(dst []byte, _ int64, s videoSummary, no []byte) []byte {
		return append(binary.BigEndian.AppendUint64(dst, ^uint64(s.size)), no...)
	}},
}
