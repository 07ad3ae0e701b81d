package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
)

// seedDB writes a real database with a few hundred jobs and cached videos, for damaging.
func seedDB(t *testing.T) []byte {
	dir := t.TempDir()
	db, err := store.Open(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var videos []contract.CachedVideo
	for i := range 300 {
		j := contract.Job{Kind: jobkind.Download, Name: fmt.Sprintf("clip-%03d.mp4", i), Scope: "default",
			Params: []byte(`{"videoNo":"VI1","dest":"/tmp/x.mp4"}`)}
		if i%50 == 0 { // a few unfinished jobs for resume, which fail at once: their file is gone
			j = contract.Job{Kind: jobkind.UploadFile, Name: "gone.mp4", Scope: "default",
				Params: []byte(`{"path":"/nonexistent/gone.mp4","size":10}`)}
		}
		if err := db.CreateJob(&j); err != nil {
			t.Fatal(err)
		}
		if i%50 != 0 {
			db.SetState(j.ID, []jobstate.JobState{jobstate.Done, jobstate.Failed, jobstate.Canceled}[i%3], "")
		}
		videos = append(videos, contract.CachedVideo{VideoNo: fmt.Sprintf("VI%018d", i), Name: "n", Scope: "default",
			Status: "PARSE", Size: int64(i), Created: int64(1_700_000_000_000 + i)})
	}
	if err := db.PutVideos(videos); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := os.ReadFile(filepath.Join(dir, contract.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// damage overwrites one 4 KiB block, at a page boundary or anywhere, with random bytes.
func damage(raw []byte, rng *rand.Rand) []byte {
	out := append([]byte(nil), raw...)
	off := rng.IntN(len(out) - 4096)
	if rng.IntN(2) == 0 {
		off -= off % 4096
	}
	for i := range 4096 {
		out[off+i] = byte(rng.Uint32())
	}
	return out
}

// A damaged database never panics (Go exits 2 on a panic: the usage-error code), the message
// names the file, and doctor --repair always leaves a sound database behind.
func TestDamagedDatabaseNeverPanicsAndDoctorRepairsIt(t *testing.T) {
	t.Parallel() // slow and independent (its own sandbox, folders and processes)
	bin := buildBinary(t)
	raw := seedDB(t)
	seeds := 24 // about 20 s; MEMORIES_DAMAGE_SEEDS=200 for a longer run
	if n, err := strconv.Atoi(os.Getenv("MEMORIES_DAMAGE_SEEDS")); err == nil && n > 0 {
		seeds = n
	}
	damagedSeen := 0
	for seed := range seeds {
		if damagedRun(t, bin, raw, seed) {
			damagedSeen++
		}
	}
	t.Logf("%d seeds: %d damaged files found and repaired", seeds, damagedSeen)
	if damagedSeen < seeds/4 {
		t.Fatalf("only %d of %d damaged files were noticed", damagedSeen, seeds)
	}
}

// damagedRun damages a copy of raw with seed and runs the commands on it; it reports whether
// doctor found the damage (and then repaired it).
func damagedRun(t *testing.T, bin string, raw []byte, seed int) bool {
	e := newTestEnv(t)
	e.env["MEMORIES_BASE_URL"] = "http://127.0.0.1:1" // nothing is listening: no request may matter
	path := filepath.Join(e.profileDir(), contract.DatabaseFile)
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, damage(raw, rand.New(rand.NewPCG(uint64(seed), 13))), 0o600)
	for _, args := range [][]string{{"history", "--limit", "1000"}, {"resume"}, {"doctor"}} {
		r := e.runBinary(bin, args...)
		if r.code != 0 && r.code != 1 || strings.Contains(r.stderr, "goroutine ") {
			t.Fatalf("seed %d, %v: exit %d\n%s", seed, args, r.code, r.stderr)
		}
		if r.code == 1 && args[0] != "resume" && !strings.Contains(r.stderr+r.stdout, path) {
			t.Fatalf("seed %d, %v: the message does not name the file:\n%s", seed, args, r.stderr)
		}
	}
	if e.runBinary(bin, "doctor").code == 0 {
		return false
	}
	if r := e.runBinary(bin, "doctor", "--repair"); r.code != 0 || !strings.Contains(r.stdout, "kept at") {
		t.Fatalf("seed %d: repair exit %d\n%s%s", seed, r.code, r.stdout, r.stderr)
	}
	if r := e.runBinary(bin, "doctor"); r.code != 0 {
		t.Fatalf("seed %d: still damaged after repair:\n%s%s", seed, r.stdout, r.stderr)
	}
	if r := e.runBinary(bin, "history", "--limit", "1000", "--json"); r.code != 0 {
		t.Fatalf("seed %d: history after repair exit %d\n%s", seed, r.code, r.stderr)
	}
	return true
}

// profileDir is the database folder the CLI uses for the env's endpoints.
func (e *testEnv) profileDir() string {
	return settings.ProfileDir(e.env["MEMORIES_DATA_DIR"], false, e.env["MEMORIES_BASE_URL"], e.env["MEMORIES_ASSET_BASE_URL"])
}
