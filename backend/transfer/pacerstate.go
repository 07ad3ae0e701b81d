package transfer

import (
	"encoding/json"
	"time"

	"memories-desktop/backend/store"
)

// The pacer's last send times are kept in the database, so that separate CLI runs (one process
// each) still respect "1 upload per minute".
const pacerKey = "pacer"

func loadPacer(db *store.DB) map[Endpoint]time.Time {
	raw, err := db.GetMeta(pacerKey)
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

func savePacer(db *store.DB, p *Pacer) {
	ms := map[Endpoint]int64{}
	for ep, t := range p.Snapshot() {
		ms[ep] = t.UnixMilli()
	}
	if raw, err := json.Marshal(ms); err == nil {
		db.PutMeta(pacerKey, raw)
	}
}
