package store

import (
	"encoding/binary"
	"memories-desktop/backend/contract"
	"strconv"
	"strings"
)

// jobHeaderLen is the fixed part of a job summary: kind code, state code, BE updated ms.
const jobHeaderLen = 10

// jobSummary is the decoded view of one summary row; its slices alias bbolt memory and are
// only valid inside the transaction.
type jobSummary struct {
	kind, state byte
	updated     int64
	scope, tags []byte
	text        []byte // lower-cased searchable fields separated by NUL
}

// encodeJobSummary builds the row Jobs() filters on.
func encodeJobSummary(j *contract.Job) []byte {
	b := make([]byte, 0, 64+len(j.Name)+len(j.Result.Path))
	b = append(b, code(jobKindCodes, j.Kind), code(jobStateCodes, j.State))
	b = binary.BigEndian.AppendUint64(b, uint64(j.Updated))
	b = appendField(b, j.Scope)
	b = appendField(b, joinTags(j.Tags))
	return appendField(b, jobSearchText(j))
}

// jobSearchText is what a free-text search matches: name, id, marker, video nos, task id, path.
func jobSearchText(j *contract.Job) string {
	parts := []string{j.Name, strconv.FormatUint(j.ID, 10), j.Marker, j.Result.TaskID, j.Result.Path}
	parts = append(parts, j.Result.VideoNos...)
	return strings.ToLower(strings.Join(parts, "\x00"))
}

// decodeJobSummary parses a row; ok is false for a damaged row, which queries then skip.
func decodeJobSummary(v []byte) (s jobSummary, ok bool) {
	if len(v) < jobHeaderLen {
		return s, false
	}
	s.kind, s.state = v[0], v[1]
	s.updated = int64(binary.BigEndian.Uint64(v[2:jobHeaderLen]))
	r := fieldReader{rest: v[jobHeaderLen:]}
	s.scope, s.tags, s.text = r.next(), r.next(), r.next()
	return s, !r.bad
}
