package store

import (
	"encoding/json"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"testing"
)

// FuzzRecords feeds damaged bytes to the decoders of the store's records: the compact job and
// video summaries that queries scan, and the JSON job record. None may panic, and a summary's
// fields never add up to more bytes than the row holds (the reader invents nothing).
func FuzzRecords(f *testing.F) {
	j := contract.Job{ID: 7, Kind: jobkind.Download, State: jobstate.Done, Scope: "default", Name: "clip.mp4", Tags: []string{"a", "b"}}
	f.Add(encodeJobSummary(&j))
	raw, _ := json.Marshal(j)
	f.Add(raw)
	v := contract.CachedVideo{VideoNo: "VI1", Scope: "default", Name: "n", Tags: []string{"x"}}
	f.Add(encodeVideoSummary(&v))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, ok := decodeJobSummary(b); ok {
			if n := jobHeaderLen + len(s.scope) + len(s.tags) + len(s.text); n > len(b) {
				t.Fatalf("summary %x decoded to %d bytes of fields", b, n)
			}
		}
		decodeVideoSummary(b)
		var job contract.Job
		if json.Unmarshal(b, &job) == nil {
			validateJob(&job)
			jobSearchText(&job)
		}
	})
}
