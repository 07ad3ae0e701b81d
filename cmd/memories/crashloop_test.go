package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// TestCrashLoop SIGKILLs the real CLI at random moments of uploads and downloads against
// `memories sandbox` with latency on, runs `memories resume`, and checks after every kill:
// the database opens and checks clean, every job finished, each upload exists exactly once on
// the server, every download is byte-identical, and no final name ever holds an incomplete file.
// MEMORIES_PROOF_KILLS sets the number of kills (make test: 8; make proof: 60),
// MEMORIES_PROOF_LATENCY_MS the most latency an iteration draws (default 600), and
// MEMORIES_PROOF_SEED repeats a run's choices.
func TestCrashLoop(t *testing.T) {
	t.Parallel() // slow and independent (its own sandbox, folders and processes)
	want := int(envInt("MEMORIES_PROOF_KILLS", 8))
	seed := envInt("MEMORIES_PROOF_SEED", time.Now().UnixNano()%1_000_000)
	t.Logf("crash loop: seed %d, %d kills (MEMORIES_PROOF_SEED=%d repeats it)", seed, want, seed)
	bin := buildBinary(t)
	url := startSandbox(t, bin)
	loop := &crashLoop{t: t, bin: bin, url: url, rng: rand.New(rand.NewPCG(uint64(seed), 13)),
		maxLatency: int(envInt("MEMORIES_PROOF_LATENCY_MS", 600))}
	for i := 0; loop.kills < want && i < 4*want; i++ {
		loop.iteration(i)
	}
	t.Logf("crash loop: seed %d: %d iterations, %d kills, %d runs finished before the kill, %d re-runs for unrecorded items, "+
		"%d uploads, %d downloads, %d violations", seed, loop.iterations, loop.kills, loop.early, loop.reruns,
		loop.uploads, loop.downloads, len(loop.violations))
	for _, v := range loop.violations {
		t.Error(v)
	}
}

type crashLoop struct {
	t                              *testing.T
	bin, url                       string
	rng                            *rand.Rand
	iterations, kills, early       int
	maxLatency, latency            int // milliseconds
	uploads, downloads, reruns     int
	violations                     []string
	scope, dataDir, srcDir, outDir string
	sources                        map[string]string // file name → sha256
	sizes                          map[string]int    // file name → size
}

func (l *crashLoop) failf(format string, args ...any) {
	at := fmt.Sprintf("iteration %d (scope %s, latency %d ms): ", l.iterations, l.scope, l.latency)
	l.violations = append(l.violations, at+fmt.Sprintf(format, args...))
}

func (l *crashLoop) env() []string { return cliEnv(l.url, "sk-crash-loop", l.dataDir) }

// iteration uploads 1–3 new files under a kill, resumes, then downloads them under a kill and resumes.
func (l *crashLoop) iteration(i int) {
	l.iterations++
	l.scope = fmt.Sprintf("crash-%d", i)
	l.dataDir, l.srcDir, l.outDir = l.t.TempDir(), l.t.TempDir(), l.t.TempDir()
	l.sources, l.sizes = map[string]string{}, map[string]int{}
	l.latency = 50 + l.rng.IntN(l.maxLatency)
	// The reply to an upload comes a latency after the video is stored: the window in which a
	// killed client loses it. Downloads are slowed so that kills land mid-body.
	putFaults(l.t, l.url, fmt.Sprintf(`{"latency":"%dms","reply_delay":"%dms","download_rate":3000000}`, l.latency, l.latency))
	files := l.writeSources(1 + l.rng.IntN(3))
	upload := []string{"upload", "--json", "--scope", l.scope}
	l.killDuring(append(upload, files...), nil)
	l.resumeAndCheck()
	l.rerunUnrecorded(upload, "file", files)
	nos := l.checkServerHasEachOnce()
	if len(nos) == 0 {
		return
	}
	download := []string{"download", "--json", "--scope", l.scope, "-o", l.outDir}
	l.killDuring(append(download, nos...), l.checkFinalNames)
	l.resumeAndCheck()
	l.rerunUnrecorded(download, "id", nos)
	l.checkDownloads()
	l.t.Logf("iteration %d: latency %d ms, %d files, %d kills so far, %d violations so far",
		l.iterations, l.latency, len(l.sources), l.kills, len(l.violations))
}

// writeSources creates n videos of distinct sizes (64 KiB to 1.6 MiB), the key that matches
// them with the server's listing, which names videos by its own internal names.
func (l *crashLoop) writeSources(n int) []string {
	var paths []string
	for j := 0; j < n; j++ {
		name := fmt.Sprintf("%s-%d.mp4", l.scope, j)
		data := mp4OfSize(name, 64<<10+j*(512<<10)+l.rng.IntN(500<<10), l.rng)
		p := filepath.Join(l.srcDir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			l.t.Fatal(err)
		}
		l.sources[name] = hashOf(data)
		l.sizes[name] = len(data)
		paths = append(paths, p)
	}
	return paths
}

// mp4OfSize is a real MP4 container (the sandbox's synthetic one, which uploads accept) whose
// media data box is replaced by n random bytes.
func mp4OfSize(seed string, n int, rng *rand.Rand) []byte {
	base := sandbox.SyntheticMP4(seed)
	at := bytes.LastIndex(base, []byte("mdat")) - 4
	out := binary.BigEndian.AppendUint32(append([]byte(nil), base[:at]...), uint32(8+n))
	out = append(out, "mdat"...)
	for i := 0; i < n; i++ {
		out = append(out, byte(rng.Uint32()))
	}
	return out
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// killAtRandom starts cmd and SIGKILLs it after a random 50 to 650 ms plus three latencies
// (milliseconds); false when it exited before that.
func killAtRandom(t *testing.T, cmd *exec.Cmd, rng *rand.Rand, latency int) bool {
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	select {
	case <-exited:
		return false
	case <-time.After(time.Duration(50+rng.IntN(600+3*latency)) * time.Millisecond):
		cmd.Process.Kill()
		<-exited
		return true
	}
}

// killDuring starts the CLI, SIGKILLs it after a random 50 to 650 ms plus three latencies, and
// runs check (if any) at once, before anything can tidy up.
func (l *crashLoop) killDuring(args []string, check func()) {
	cmd := exec.Command(l.bin, args...)
	cmd.Env = l.env()
	if killAtRandom(l.t, cmd, l.rng, l.latency) {
		l.kills++
	} else {
		l.early++
	}
	if check != nil {
		check()
	}
}

// resumeAndCheck runs `memories resume`, which must finish every job, then checks the database.
// One time in three the first resume is killed too, so recovery itself is interrupted.
func (l *crashLoop) resumeAndCheck() {
	if l.rng.IntN(3) == 0 {
		l.killDuring([]string{"resume", "--json"}, l.checkFinalNames)
	}
	if p := runFor(3*time.Minute, l.bin, l.env(), "resume", "--json"); p.code != 0 || p.timedOut {
		l.failf("resume: %v", p)
	}
	l.checkDatabase()
}

// rerunUnrecorded runs the command again for the items the killed run had not yet recorded as
// jobs, as a person would: nothing was promised for those, so resume rightly knows nothing of them.
func (l *crashLoop) rerunUnrecorded(command []string, field string, items []string) {
	p := runFor(time.Minute, l.bin, l.env(), "history", "--json", "--limit", "1000")
	rows, _ := jsonLines(p.stdout)
	recorded := map[string]bool{}
	for _, r := range rows {
		v, _ := r[field].(string)
		recorded[v] = true
	}
	var missing []string
	for _, it := range items {
		if !recorded[it] {
			missing = append(missing, it)
		}
	}
	if len(missing) == 0 {
		return
	}
	l.reruns++
	if p := runFor(3*time.Minute, l.bin, l.env(), append(command, missing...)...); p.code != 0 || p.timedOut {
		l.failf("re-running %v for the unrecorded %v: %v", command[0], missing, p)
	}
	l.checkDatabase()
}

// checkDatabase: `memories doctor` (when built in) finds nothing wrong, and history lists every
// job as done.
func (l *crashLoop) checkDatabase() {
	if _, ok := commands["doctor"]; ok {
		if p := runFor(time.Minute, l.bin, l.env(), "doctor"); p.code != 0 {
			l.failf("doctor: %v", p)
		}
	}
	p := runFor(time.Minute, l.bin, l.env(), "history", "--json", "--limit", "1000")
	rows, err := jsonLines(p.stdout)
	if p.code != 0 || err != nil {
		l.failf("history: %v (%v)", p, err)
	}
	for _, r := range rows {
		if r["state"] != "done" {
			l.failf("job %v (%v %v) is %v after resume: %v", r["job_id"], r["kind"], r["name"], r["state"], r["error"])
		}
	}
}

// checkServerHasEachOnce lists the scope on the server: each source exactly once, nothing else.
func (l *crashLoop) checkServerHasEachOnce() []string {
	p := runFor(time.Minute, l.bin, l.env(), "list", "--json", "--scope", l.scope)
	rows, err := jsonLines(p.stdout)
	if p.code != 0 || err != nil {
		l.failf("list: %v (%v)", p, err)
		return nil
	}
	count := map[int]int{}
	var nos []string
	for _, r := range rows {
		size, _ := r["size"].(float64)
		count[int(size)]++
		if id, _ := r["id"].(string); count[int(size)] == 1 {
			nos = append(nos, id)
		}
	}
	for name, size := range l.sizes {
		if count[size] != 1 {
			l.failf("%s is on the server %d times, want exactly once", name, count[size])
		}
	}
	l.uploads += len(l.sources)
	if len(rows) != len(l.sources) {
		l.failf("the server holds %d videos for %d uploads", len(rows), len(l.sources))
	}
	return nos
}

// finalFiles hashes every file in the output folder that is not a download in progress.
func (l *crashLoop) finalFiles() map[string]string {
	entries, err := os.ReadDir(l.outDir)
	if err != nil {
		l.t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".part") {
			continue
		}
		if !e.Type().IsRegular() {
			l.failf("%s under a final name is not a regular file (%v)", e.Name(), e.Type())
			continue
		}
		data, _ := os.ReadFile(filepath.Join(l.outDir, e.Name()))
		got[e.Name()] = hashOf(data)
	}
	return got
}

// checkFinalNames, right after a kill: whatever holds a final name is a complete source file.
func (l *crashLoop) checkFinalNames() {
	want := map[string]bool{}
	for _, h := range l.sources {
		want[h] = true
	}
	for name, h := range l.finalFiles() {
		if !want[h] {
			l.failf("after the kill, %s holds bytes that are not a complete upload", name)
		}
	}
}

// checkDownloads, after resume: one byte-identical copy of each source, and no .part left.
func (l *crashLoop) checkDownloads() {
	got := l.finalFiles()
	have := map[string]int{}
	for _, h := range got {
		have[h]++
	}
	for name, h := range l.sources {
		if have[h] != 1 {
			l.failf("%s was downloaded %d times byte-identical, want once (files: %v)", name, have[h], got)
		}
	}
	if entries, _ := os.ReadDir(l.outDir); len(entries) != len(l.sources) {
		l.failf("the download folder holds %d entries for %d videos", len(entries), len(l.sources))
	}
	l.downloads += len(got)
}
