package main

import (
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWatchKillLoop SIGKILLs `memories watch` at random moments while files keep arriving,
// restarts it, and checks in the end that every file is on the server exactly once.
// MEMORIES_PROOF_WATCH_KILLS sets the number of kills (make test: 4; make proof: 30);
// MEMORIES_PROOF_SEED repeats a run's choices.
func TestWatchKillLoop(t *testing.T) {
	kills := int(envInt("MEMORIES_PROOF_WATCH_KILLS", 4))
	seed := envInt("MEMORIES_PROOF_SEED", time.Now().UnixNano()%1_000_000)
	t.Logf("watch kill loop: seed %d, %d kills", seed, kills)
	rng := rand.New(rand.NewPCG(uint64(seed), 18))
	bin := buildBinary(t)
	url := startSandbox(t, bin, "--parse-delay", "50ms")
	// The reply to an upload comes after the video is stored: a kill in between loses it.
	putFaults(t, url, `{"latency":"20ms","reply_delay":"150ms"}`)
	dir, env := t.TempDir(), cliEnv(url, "sk-watch-kill", t.TempDir())
	args := []string{"watch", "--json", "--settle=200ms", "--scope", "kills", "--recursive", dir}
	sizes := map[int]string{}
	add := func() {
		i := len(sizes)
		name := filepath.Join(fmt.Sprintf("d%d", i%3), fmt.Sprintf("f%03d.mp4", i))
		data := putVideo(t, filepath.Join(dir, name), fmt.Sprintf("file %d %s", i, strings.Repeat("x", i)))
		sizes[len(data)] = name
	}
	for k := range kills {
		for range rng.IntN(3) {
			add()
		}
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for range 1 + rng.IntN(3) {
			time.Sleep(time.Duration(rng.IntN(600)) * time.Millisecond)
			add()
		}
		time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		t.Logf("kill %d: %d files so far", k+1, len(sizes))
	}
	final := exec.Command(bin, args...)
	final.Env = env
	var stderr strings.Builder
	final.Stderr = &stderr
	if err := final.Start(); err != nil {
		t.Fatal(err)
	}
	defer final.Process.Kill()
	deadline := time.Now().Add(3 * time.Minute)
	for len(listSizes(t, bin, env)) < len(sizes) && time.Now().Before(deadline) {
		time.Sleep(300 * time.Millisecond)
	}
	time.Sleep(time.Second) // anything still to come would be a duplicate
	final.Process.Signal(syscall.SIGINT)
	if err := final.Wait(); err != nil {
		t.Errorf("the last watch ended with %v:\n%s", err, stderr.String())
	}
	got := listSizes(t, bin, env)
	for size, name := range sizes {
		if got[size] != 1 {
			t.Errorf("%s is on the server %d times, want exactly once", name, got[size])
		}
	}
	if total := sumCounts(got); total != len(sizes) {
		t.Errorf("the server holds %d videos for %d files", total, len(sizes))
	}
}

// listSizes counts the videos of scope "kills" on the server by size.
func listSizes(t *testing.T, bin string, env []string) map[int]int {
	t.Helper()
	p := runFor(time.Minute, bin, env, "list", "--json", "--scope", "kills")
	rows, err := jsonLines(p.stdout)
	if p.code != 0 || err != nil {
		t.Fatalf("list: %v (%v)", p, err)
	}
	count := map[int]int{}
	for _, r := range rows {
		size, _ := r["size"].(float64)
		count[int(size)]++
	}
	return count
}

func sumCounts(m map[int]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}
