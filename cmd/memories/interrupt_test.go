package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// runInterrupted runs a command in-process and cancels its context (what Ctrl+C and SIGTERM do
// in main) once ready reports true.
func (e *testEnv) runInterrupted(t *testing.T, ready func() bool, args ...string) runResult {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan runResult, 1)
	go func() {
		var out, errOut bytes.Buffer
		c := newCLI(strings.NewReader(""), &out, &errOut, func(k string) string { return e.env[k] })
		code := c.run(ctx, args)
		done <- runResult{code, out.String(), errOut.String()}
	}()
	until(t, "the moment to interrupt", ready)
	cancel()
	return <-done
}

// Ctrl+C keeps its promise: the interrupted download keeps its job and its .part, and `resume`
// finishes it; an upload the server stored while its reply was held is interrupted, not
// cancelled, and `resume` finds it there instead of sending it again.
func TestInterruptLeavesJobsResumable(t *testing.T) {
	e := newTestEnvWith(t, sandbox.Options{ParseDelay: 200 * time.Millisecond})
	data := mediatest.MP4(bytes.Repeat([]byte("0123456789"), 300_000))
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "a.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)

	e.sb.SetFaults(sandbox.Faults{DownloadRate: 500_000})
	out := t.TempDir()
	r := e.runInterrupted(t, func() bool {
		parts, _ := filepath.Glob(filepath.Join(out, "*.part"))
		st, err := os.Stat(strings.Join(parts, ""))
		return len(parts) == 1 && err == nil && st.Size() > 100_000
	}, "download", "-o", out, no).want(t, 1)
	if !strings.Contains(r.stderr, "memories resume") {
		t.Fatalf("stderr %q", r.stderr)
	}
	if rows := e.run("", "history", "--json", "--state", "interrupted").want(t, 0).lines(t); len(rows) != 1 {
		t.Fatalf("interrupted jobs after Ctrl+C: %v", rows)
	}
	if parts, _ := filepath.Glob(filepath.Join(out, "*.part")); len(parts) != 1 {
		t.Fatalf("partial files after Ctrl+C: %v", parts)
	}

	e.sb.SetFaults(sandbox.Faults{ReplyDelay: time.Minute})
	src := writeVideo(t, t.TempDir(), "late.mp4", mediatest.MP4(bytes.Repeat([]byte("L"), 100_000)))
	e.runInterrupted(t, func() bool { return len(e.sb.Videos("")) == 2 }, "upload", src).want(t, 1)
	if rows := e.run("", "history", "--json", "--state", "canceled").want(t, 0).lines(t); len(rows) != 0 {
		t.Fatalf("cancelled after Ctrl+C: %v", rows)
	}
	e.sb.SetFaults(sandbox.Faults{})

	rows := e.run("", "resume", "--json").want(t, 0).lines(t)
	got, _ := os.ReadFile(filepath.Join(out, no+".mp4"))
	if len(rows) != 2 || !bytes.Equal(got, data) {
		t.Fatalf("resume printed %v; the file has %d of %d bytes", rows, len(got), len(data))
	}
	if n := e.sb.Stats().Uploads; n != 2 {
		t.Fatalf("%d uploads reached the server, want 2 (the interrupted one once)", n)
	}
}

// A data folder held by a memories command is reported as such to Memories Desktop (which
// shares core.LockedMessage with the CLI), and one held by the app is named as the app.
func TestLockedFolderNamesItsHolder(t *testing.T) {
	e := newTestEnv(t)
	dir := e.env["MEMORIES_DATA_DIR"]
	data := mediatest.MP4(bytes.Repeat([]byte("h"), 600_000))
	no := e.run("", "upload", "--json", writeVideo(t, t.TempDir(), "h.mp4", data)).want(t, 0).lines(t)[0]["video_no"].(string)
	e.sb.SetFaults(sandbox.Faults{DownloadRate: 50_000}) // 12 s for the looks below, however busy the machine
	out := t.TempDir()
	e.runInterrupted(t, func() bool {
		if parts, _ := filepath.Glob(filepath.Join(out, "*.part")); len(parts) == 0 {
			return false // the command holds the folder from before its download starts
		}
		_, err := core.Start(dir, core.Options{OpenTimeout: 50 * time.Millisecond, Getenv: func(string) string { return "" }})
		if !errors.Is(err, contract.ErrLocked) {
			t.Fatalf("the app could open the folder the command holds: %v", err)
		}
		msg := core.LockedMessage(dir)
		if !strings.Contains(msg, "a memories command") || strings.Contains(msg, "Memories Desktop (") {
			t.Errorf("the app is told %q", msg)
		}
		return true
	}, "download", "-o", out, no)

	app, err := core.Start(dir, core.Options{Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if r := e.run("", "history").want(t, 1); !strings.Contains(r.stderr, "Memories Desktop (pid") {
		t.Fatalf("the CLI is told %q", r.stderr)
	}
}

// SIGTERM (what `kill` and service managers send) is handled as Ctrl+C by the real binary: the
// download is left interrupted, its .part kept, and `resume` finishes it.
func TestSIGTERMKeepsTheDownloadResumable(t *testing.T) {
	bin := buildBinary(t)
	p := &partEnv{testEnv: newTestEnv(t), out: t.TempDir(), data: mediatest.MP4(bytes.Repeat([]byte("T"), 2_000_000))}
	p.no = p.run("", "upload", "--json", writeVideo(t, t.TempDir(), "t.mp4", p.data)).want(t, 0).lines(t)[0]["video_no"].(string)
	p.sb.SetFaults(sandbox.Faults{DownloadRate: 500_000})
	cmd := p.start(bin, "download", "-o", p.out, p.no)
	until(t, "a partial download", func() bool {
		parts, _ := filepath.Glob(filepath.Join(p.out, "*.part"))
		st, err := os.Stat(strings.Join(parts, ""))
		return len(parts) == 1 && err == nil && st.Size() > 100_000
	})
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	if rows := p.run("", "history", "--json", "--state", "interrupted").want(t, 0).lines(t); len(rows) != 1 {
		t.Fatalf("interrupted jobs after SIGTERM: %v", rows)
	}
	p.sb.SetFaults(sandbox.Faults{})
	p.resumeExact(t)
}
