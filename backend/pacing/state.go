package pacing

import (
	"encoding/json"
	"time"
)

// Meta is the part of the profile database the pacer's state lives in (store.DB).
type Meta interface {
	GetMeta(key string) ([]byte, error)
	PutMeta(key string, value []byte) error
}

// The pacer's last send times are kept in the database, so that separate CLI runs (one process
// each) still respect "1 upload per minute".
const metaKey = "pacer"

// Load reads the send times Save stored; nil when there are none or they cannot be read (the
// pacer then starts fresh, which errs on the side of one early request, never a lost job).
func Load(db Meta) map[Endpoint]time.Time {
	raw, err := db.GetMeta(metaKey)
	if err != nil || raw == nil {
		return nil
	}
	var ms map[Endpoint]int64
	if json.Unmarshal(raw, &ms) != nil {
		return nil
	}
	out := make(map[Endpoint]time.Time, len(ms))
	for ep, t := range ms {
		out[ep] = time.UnixMilli(t)
	}
	return out
}

// Save stores p's last send times in db.
func Save(db Meta, p *Pacer) error {
	ms := map[Endpoint]int64{}
	for ep, t := range p.Snapshot() {
		ms[ep] = t.UnixMilli()
	}
	raw, err := json.Marshal(ms)
	if err != nil {
		return err
	}
	return db.PutMeta(metaKey, raw)
}
