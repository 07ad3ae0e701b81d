package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Helpers shared by the proof tests (crash loop, fault matrix, secrets): the real binary run as a
// child process against a sandbox, with a time limit so a hang is a finding, not a stuck test.

// envInt reads a positive integer knob such as MEMORIES_PROOF_KILLS, else def.
func envInt(name string, def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv(name), 10, 64); err == nil && v > 0 {
		return v
	}
	return def
}

// proc is one finished run of the binary.
type proc struct {
	code           int
	stdout, stderr string
	timedOut       bool
}

func (p proc) String() string {
	return fmt.Sprintf("exit %d (timed out %v)\nstdout: %s\nstderr: %s", p.code, p.timedOut, p.stdout, p.stderr)
}

// runFor runs bin with env for at most limit.
func runFor(limit time.Duration, bin string, env []string, args ...string) proc {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	p := proc{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errOut.String()}
	p.timedOut = ctx.Err() != nil
	if err != nil && cmd.ProcessState == nil {
		p.code = -1
	}
	return p
}

// jsonLines decodes one JSON object per line.
func jsonLines(s string) ([]map[string]any, error) {
	var rows []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			return rows, fmt.Errorf("line %q: %w", l, err)
		}
		rows = append(rows, m)
	}
	return rows, nil
}

// putFaults switches a running sandbox's faults through its control endpoint.
func putFaults(t testing.TB, url, faults string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPut, url+"/_sandbox/faults", strings.NewReader(faults))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("set faults %s: %v %v", faults, err, resp)
	}
	resp.Body.Close()
}

// cliEnv is the environment of a run against url with its own data folder.
func cliEnv(url, key, dataDir string) []string {
	return append(os.Environ(), "MEMORIES_BASE_URL="+url, "MEMORIES_ASSET_BASE_URL="+url,
		"MEMORIES_API_KEY="+key, "MEMORIES_DATA_DIR="+dataDir, "MEMORIES_RATE_LIMITS=off")
}
