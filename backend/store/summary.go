package store

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// Summaries are the compact rows that queries scan instead of JSON-decoding whole records: a
// fixed header, then length-prefixed fields. Tags are one field, each tag wrapped in NULs, so a
// tag filter is a single bytes.Contains.

// appendField appends s with its uvarint length.
func appendField(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// joinTags encodes tags as "\x00a\x00b\x00" ("" when there are none).
func joinTags(tags []string) string {
	if len(tags) == 0 {
		return ""
	}
	return "\x00" + strings.Join(tags, "\x00") + "\x00"
}

// tagNeedle is what hasTag looks for; nil when the query has no tag filter.
func tagNeedle(tag string) []byte {
	if tag == "" {
		return nil
	}
	return []byte("\x00" + tag + "\x00")
}

// hasTag reports whether an encoded tag field holds the needle (any tag when needle is nil).
func hasTag(tags, needle []byte) bool {
	return needle == nil || bytes.Contains(tags, needle)
}

// textNeedle lower-cases a search text once per query; nil means no text filter.
func textNeedle(text string) []byte {
	if text == "" {
		return nil
	}
	return []byte(strings.ToLower(text))
}

// fieldReader walks the fields after a summary's fixed header without allocating.
type fieldReader struct {
	rest []byte
	bad  bool
}

// next returns the following field, or nil and marks the reader bad on a truncated value.
func (r *fieldReader) next() []byte {
	n, w := binary.Uvarint(r.rest)
	if w <= 0 || n > uint64(len(r.rest)-w) {
		r.bad = true
		return nil
	}
	f := r.rest[w : w+int(n)]
	r.rest = r.rest[w+int(n):]
	return f
}

// checkTags refuses tags that would break the NUL-wrapped tag field.
func checkTags(tags []string) error {
	for _, t := range tags {
		if err := checkKeyPart("tag", t); err != nil {
			return err
		}
	}
	return nil
}
