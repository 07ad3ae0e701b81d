package store

import (
	"encoding/binary"
	"memories-desktop/backend/contract"
	"strings"
)

// videoHeaderLen is the fixed part of a video summary: BE size.
const videoHeaderLen = 8

// videoSummary is the decoded view of one time-index row; its slices alias bbolt memory and are
// only valid inside the transaction.
type videoSummary struct {
	size                  int64
	status, tags          []byte
	nameLower, videoLower []byte
}

// encodeVideoSummary builds the row Videos() filters and sorts on.
func encodeVideoSummary(v *contract.CachedVideo) []byte {
	b := make([]byte, 0, 32+len(v.Name)+len(v.VideoNo))
	b = binary.BigEndian.AppendUint64(b, uint64(v.Size))
	b = appendField(b, v.Status)
	b = appendField(b, joinTags(v.Tags))
	b = appendField(b, strings.ToLower(strings.TrimSpace(v.Title+" "+v.Name))) // search finds either
	return appendField(b, strings.ToLower(v.VideoNo))
}

// decodeVideoSummary parses a row; ok is false for a damaged row, which queries then skip.
func decodeVideoSummary(v []byte) (s videoSummary, ok bool) {
	if len(v) < videoHeaderLen {
		return s, false
	}
	s.size = int64(binary.BigEndian.Uint64(v[:videoHeaderLen]))
	r := fieldReader{rest: v[videoHeaderLen:]}
	s.status, s.tags, s.nameLower, s.videoLower = r.next(), r.next(), r.next(), r.next()
	return s, !r.bad
}
