package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// TestDamagedDatabase overwrites one 4 KiB page of a real database with random bytes, many
// times, and runs the real binary on it: it must never panic or exit 2 (the usage code), and
// when it cannot read the database it must name the file. With `memories doctor` built in, the
// doctor must then leave a database that history opens. MEMORIES_PROOF_DB sets the count.
func TestDamagedDatabase(t *testing.T) {
	rounds := int(envInt("MEMORIES_PROOF_DB", 20))
	seed := envInt("MEMORIES_PROOF_SEED", time.Now().UnixNano()%1_000_000)
	rng := rand.New(rand.NewPCG(uint64(seed), 8))
	bin := buildBinary(t)
	pristine := populatedDatabase(t)
	counts := map[string]int{}
	for i := 0; i < rounds; i++ {
		dir := t.TempDir()
		page := damageCopy(t, pristine, filepath.Join(dir, "memories.db"), rng)
		outcome := checkDamaged(t, bin, dir, page)
		counts[outcome]++
	}
	t.Logf("damaged database: seed %d, %d pages overwritten: %v", seed, rounds, counts)
}

// populatedDatabase returns the bytes of a database holding a few dozen jobs.
func populatedDatabase(t *testing.T) []byte {
	e := newTestEnv(t)
	e.sb.SetFaults(sandbox.Faults{JSONOnDownload: true})
	for i := 0; i < 30; i++ {
		e.run("", "download", "-o", t.TempDir(), fmt.Sprintf("VI%d", 1000+i))
	}
	data, err := os.ReadFile(filepath.Join(e.env["MEMORIES_DATA_DIR"], "memories.db"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// damageCopy writes data to path with one random page overwritten, and returns the page number.
func damageCopy(t *testing.T, data []byte, path string, rng *rand.Rand) int {
	damaged := append([]byte(nil), data...)
	page := rng.IntN(len(damaged) / 4096)
	for i := page * 4096; i < (page+1)*4096; i++ {
		damaged[i] = byte(rng.Uint32())
	}
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	return page
}

// checkDamaged runs history (and doctor, when built in) on a damaged database and classifies the outcome.
func checkDamaged(t *testing.T, bin, dir string, page int) string {
	env := cliEnv("http://127.0.0.1:1", "sk-damaged", dir)
	p := runFor(time.Minute, bin, env, "history", "--json")
	switch {
	case strings.Contains(p.stderr, "panic") || strings.Contains(p.stderr, "goroutine "):
		t.Errorf("page %d: history panicked: %v", page, p)
		return "panic"
	case p.code == 2:
		t.Errorf("page %d: history exited 2, the usage code: %v", page, p)
		return "exit 2"
	case p.code != 0 && !strings.Contains(p.stderr, "memories.db"):
		t.Errorf("page %d: the message does not name the database file: %v", page, p)
		return "unclear error"
	case p.code != 0:
		return "clear error" + afterDoctor(t, bin, env, page)
	}
	return "read"
}

// afterDoctor runs `memories doctor --repair` (when built in) and then history, which must work.
func afterDoctor(t *testing.T, bin string, env []string, page int) string {
	if _, ok := commands["doctor"]; !ok {
		return ", no doctor"
	}
	d := runFor(time.Minute, bin, env, "doctor", "--repair")
	if p := runFor(time.Minute, bin, env, "history", "--json"); p.code != 0 {
		t.Errorf("page %d: history after doctor (%v): %v", page, d, p)
		return ", doctor did not repair"
	}
	return ", repaired by doctor"
}
