package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"memories-desktop/backend/sources"
)

// bigLinkList is n lines (over 16 MiB, where the old reader stopped without a word) cycling
// through 120 TikTok posts spelled with a different query string on every line.
func bigLinkList(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "https://www.tiktok.com/@user%03d/video/%d?is_from_webapp=1&line=%07d\n", i%120, 7300000000000000000+i%120, i)
	}
	return b.String()
}

// TestImport400000LinesReadsEveryLine pipes 25 MB into the real binary's standard input, as a
// shell would (and without the race detector's cost on 400,000 parsed links).
func TestImport400000LinesReadsEveryLine(t *testing.T) {
	t.Parallel() // slow and independent (its own sandbox, folders and processes)
	bin := buildBinary(t)
	e := newTestEnv(t)
	text := bigLinkList(400_000)
	if len(text) <= 16<<20 {
		t.Fatalf("the list is only %d bytes", len(text))
	}
	r := e.pipe(bin, text, "import", "--json", "-").want(t, 0)
	if !strings.Contains(r.stderr, "400,000 lines: 120 links") || !strings.Contains(r.stderr, "399,880 duplicates") {
		t.Fatalf("summary: %s", r.stderr)
	}
	if rows := r.lines(t); len(rows) != 3 || e.sb.Stats().Imports != 3 {
		t.Fatalf("%d tasks printed, %d sent; want 3 (50+50+20)", len(rows), e.sb.Stats().Imports)
	}

	bad := text + "https://www.tiktok.com/@cut/vid\n" // the last line, past 24 MB, is not a link
	r = e.pipe(bin, bad, "import", "-").want(t, 2)
	if !strings.Contains(r.stderr, "line 400001: ") || e.sb.Stats().Imports != 3 {
		t.Fatalf("the bad last line was not found: %s", r.stderr)
	}
}

// pipe runs the binary with stdin as its standard input.
func (e *testEnv) pipe(bin, stdin string, args ...string) runResult {
	e.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = e.environ()
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.Run()
	return runResult{cmd.ProcessState.ExitCode(), out.String(), errOut.String()}
}

func TestImportLineTooLongIsNamed(t *testing.T) {
	e := newTestEnv(t)
	text := bigLinkList(10) + strings.Repeat("x", sources.MaxLineBytes+1) + "\n" + bigLinkList(10)
	r := e.run(text, "import", "-").want(t, 2)
	if !strings.Contains(r.stderr, "line 11 is longer than") || e.sb.Stats().Calls != 0 {
		t.Fatalf("stderr %q, %d calls", r.stderr, e.sb.Stats().Calls)
	}
}
