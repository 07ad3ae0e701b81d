package main

import (
	"fmt"
	"testing"
	"time"

	"memories-desktop/backend/store"
)

// TestKilledBatchKeepsEveryItem SIGKILLs `memories download` of 2,000 ids the moment its first
// request reaches the service: the whole batch must already be recorded, so `resume` knows every
// id the user asked for (issue 22.6: a kill after 3 s once left 976 of 2,000 unrecorded).
func TestKilledBatchKeepsEveryItem(t *testing.T) {
	bin := buildBinary(t)
	e := newTestEnv(t)
	const n = 2000
	args := []string{"download", "--json", "-o", t.TempDir()}
	for i := 0; i < n; i++ {
		args = append(args, fmt.Sprintf("VI%018d", 600000000000000000+i))
	}
	cmd := e.start(bin, args...)
	for deadline := time.Now().Add(time.Minute); e.sb.Stats().Calls == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			kill(t, cmd)
			t.Fatal("no request within a minute")
		}
	}
	kill(t, cmd)
	db, err := store.Open(e.profileDir(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	recorded, cursor := 0, "" // in any state: under load, a few may have failed (unknown ids) already
	for {
		page, err := db.Jobs(store.JobQuery{Before: cursor, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		recorded += len(page.Jobs)
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	if recorded != n {
		t.Fatalf("%d of %d jobs recorded when the first request went out", recorded, n)
	}
}
