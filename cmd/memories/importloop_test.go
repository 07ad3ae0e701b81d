package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/sandbox"
)

// TestImportKillLoop SIGKILLs `memories import -` at random moments while `memories sandbox` holds
// every answer back (latency, and the import's reply after its task exists: the window in which a
// killed client loses the task id), then runs `memories resume` (itself killed one time in
// three). Across the run no link may reach the service twice; after each resume every job of the
// command is either done or failed as "maybe sent" (never re-sent), the command's tasks were
// recorded all or none, and the service holds no link that no job asked for.
// MEMORIES_PROOF_KILLS sets the number of kills (make test: 4; make proof: 60),
// MEMORIES_PROOF_LATENCY_MS the most latency an iteration draws (default 600), MEMORIES_PROOF_SEED
// repeats a run's choices.
func TestImportKillLoop(t *testing.T) {
	want := int(envInt("MEMORIES_PROOF_KILLS", 4))
	seed := envInt("MEMORIES_PROOF_SEED", time.Now().UnixNano()%1_000_000)
	t.Logf("import kill loop: seed %d, %d kills (MEMORIES_PROOF_SEED=%d repeats it)", seed, want, seed)
	bin := buildBinary(t)
	l := &importLoop{t: t, bin: bin, url: startSandbox(t, bin), rng: rand.New(rand.NewPCG(uint64(seed), 22)),
		maxLatency: int(envInt("MEMORIES_PROOF_LATENCY_MS", 600))}
	for i := 0; l.kills < want && i < 4*want; i++ {
		l.iteration(i)
	}
	l.checkScopes()
	st := l.stats()
	t.Logf("import kill loop: seed %d: %d iterations, %d kills, %d runs finished first, %d links asked, %d import requests "+
		"(%d links) reached the service, %d links sent twice, %d tasks left for a person to check (maybe sent), "+
		"%d commands re-run (killed before recording), %d violations", seed, l.iterations, l.kills, l.early, l.asked,
		st.Imports, st.ImportLinks, st.RepeatedLinks, l.maybeSent, l.reruns, len(l.violations))
	if st.RepeatedLinks != 0 {
		l.violations = append(l.violations, fmt.Sprintf("%d links reached the service twice", st.RepeatedLinks))
	}
	for _, v := range l.violations {
		t.Error(v)
	}
}

type importLoop struct {
	t                                *testing.T
	bin, url, dataDir, scope         string
	rng                              *rand.Rand
	maxLatency, latency              int
	iterations, kills, early, reruns int
	asked, maybeSent, next           int
	violations                       []string
	scopes                           []scopeLinks
}

func (l *importLoop) env() []string { return cliEnv(l.url, "sk-import-loop", l.dataDir) }

func (l *importLoop) failf(format string, args ...any) {
	at := fmt.Sprintf("iteration %d (scope %s, latency %d ms): ", l.iterations, l.scope, l.latency)
	l.violations = append(l.violations, at+fmt.Sprintf(format, args...))
}

// iteration imports 51–180 new links under a kill, resumes, and checks what the service got.
func (l *importLoop) iteration(i int) {
	l.iterations++
	l.scope, l.dataDir = fmt.Sprintf("imports-%d", i), l.t.TempDir()
	l.latency = 50 + l.rng.IntN(l.maxLatency)
	putFaults(l.t, l.url, fmt.Sprintf(`{"latency":"%dms","reply_delay":"%dms"}`, l.latency, l.latency))
	links := make([]string, 51+l.rng.IntN(130))
	for k := range links {
		l.next++
		links[k] = fmt.Sprintf("https://www.tiktok.com/@proof/video/%d", 7300000000000000000+l.next)
	}
	l.asked += len(links)
	l.killDuring(links)
	if l.rng.IntN(3) == 0 {
		l.killDuring(nil) // the resume itself is cut off
	}
	p := runFor(3*time.Minute, l.bin, l.env(), "resume", "--json")
	if p.timedOut || (p.code != 0 && p.code != 1) {
		l.failf("resume: %v", p)
	}
	l.check(links)
}

// killDuring runs `memories import -` with links (or `memories resume` when links is nil) and
// SIGKILLs it after a random 50 to 650 ms plus three latencies.
func (l *importLoop) killDuring(links []string) {
	args := []string{"resume", "--json"}
	if links != nil {
		args = []string{"import", "--json", "--scope", l.scope, "-"}
	}
	cmd := exec.Command(l.bin, args...)
	cmd.Env = l.env()
	cmd.Stdin = strings.NewReader(strings.Join(links, "\n"))
	if killAtRandom(l.t, cmd, l.rng, l.latency) {
		l.kills++
	} else {
		l.early++
	}
}

// check reads the history after the resume: the command's tasks recorded all or none, each done
// or failed as maybe sent. A command killed before it recorded anything is run again, as a person
// would. What the service received is checked at the end (checkScopes).
func (l *importLoop) check(links []string) {
	p := runFor(time.Minute, l.bin, l.env(), "history", "--json", "--limit", "1000")
	rows, err := jsonLines(p.stdout)
	if p.code != 0 || err != nil {
		l.failf("history: %v (%v)", p, err)
		return
	}
	tasks := (len(links) + 49) / 50
	if len(rows) == 0 {
		l.reruns++
		if p := runFor(3*time.Minute, l.bin, l.env(), "import", "--json", "--scope", l.scope, strings.Join(links, "\n")); p.code != 0 {
			l.failf("re-running the import: %v", p)
		}
		return
	}
	if len(rows) != tasks {
		l.failf("%d of the command's %d tasks recorded", len(rows), tasks)
	}
	done, maybe := 0, 0
	for _, r := range rows {
		n := len(r["links"].([]any))
		switch {
		case r["state"] == "done":
			done += n
		case r["state"] == "failed" && r["code"] == "maybe_sent":
			maybe += n
			l.maybeSent++
		default:
			l.failf("job %v is %v (%v) after resume", r["job_id"], r["state"], r["error"])
		}
	}
	l.scopes = append(l.scopes, scopeLinks{l.scope, l.dataDir, done, maybe})
}

// scopeLinks is what one iteration's jobs say the service should hold: the links of its done
// tasks, and at most those of its tasks that may have been sent too.
type scopeLinks struct {
	scope, dataDir string
	done, maybe    int
}

// checkScopes lists each iteration's scope on the service once every answer is in: one video per
// link of a done task, and none for a link that no task may have sent.
func (l *importLoop) checkScopes() {
	putFaults(l.t, l.url, `{}`)
	for _, sc := range l.scopes {
		l.scope, l.dataDir = sc.scope, sc.dataDir
		held := 0
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			p := runFor(time.Minute, l.bin, l.env(), "list", "--json", "--scope", sc.scope)
			rows, _ := jsonLines(p.stdout)
			if held = len(rows); held >= sc.done {
				break
			}
		}
		if held < sc.done || held > sc.done+sc.maybe {
			l.failf("the service holds %d videos; done tasks asked for %d, tasks that may have been sent %d", held, sc.done, sc.maybe)
		}
	}
}

// stats reads the sandbox's counters.
func (l *importLoop) stats() sandbox.Stats {
	var st sandbox.Stats
	resp, err := http.Get(l.url + "/_sandbox/stats")
	if err != nil {
		l.t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		l.t.Fatal(err)
	}
	return st
}
