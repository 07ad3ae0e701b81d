package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// These tests kill a real `memories` process with SIGKILL in the middle of its work, then check
// that `memories resume` finishes the job without a duplicate upload or a partial file under
// the final name.

func (e *testEnv) environ() []string {
	env := os.Environ()
	for k, v := range e.env {
		env = append(env, k+"="+v)
	}
	return env
}

func (e *testEnv) start(bin string, args ...string) *exec.Cmd {
	e.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = e.environ()
	if err := cmd.Start(); err != nil {
		e.t.Fatal(err)
	}
	return cmd
}

func kill(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
}

// runBinary runs the built binary to its end; a run that hangs is stopped with SIGQUIT after a
// minute, so the failure shows every goroutine's stack instead of a test timeout.
func (e *testEnv) runBinary(bin string, args ...string) runResult {
	e.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = e.environ()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		e.t.Fatal(err)
	}
	timer := time.AfterFunc(time.Minute, func() { cmd.Process.Signal(syscall.SIGQUIT) })
	defer timer.Stop()
	code := 0
	if err := cmd.Wait(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			e.t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	return runResult{code, out.String(), errOut.String()}
}

func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestKilledUploadResumesWithoutDuplicate(t *testing.T) {
	t.Parallel() // slow and independent (its own sandbox, folders and processes)
	bin := buildBinary(t)
	e := newTestEnvWith(t, sandbox.Options{ParseDelay: 200 * time.Millisecond})
	e.sb.SetFaults(sandbox.Faults{ReplyDelay: time.Minute}) // the video is stored, the reply never comes
	src := writeVideo(t, t.TempDir(), "kill.mp4", mediatest.MP4(bytes.Repeat([]byte("k"), 2<<20)))
	cmd := e.start(bin, "upload", "--json", src)
	until(t, "the upload to reach the server", func() bool { return len(e.sb.Videos("")) == 1 })
	kill(t, cmd)
	e.sb.SetFaults(sandbox.Faults{})

	r := e.runBinary(bin, "resume", "--json").want(t, 0)
	rows := r.lines(t)
	if len(rows) != 1 || rows[0]["video_no"] != e.sb.Videos("")[0].VideoNo || rows[0]["file"] != src {
		t.Fatalf("resume printed %v", rows)
	}
	if n := e.sb.Stats().Uploads; n != 1 {
		t.Fatalf("%d uploads reached the server, want exactly 1", n)
	}
	hist := e.runBinary(bin, "history", "--json").want(t, 0).lines(t)
	if len(hist) != 1 || hist[0]["state"] != "done" || hist[0]["kind"] != "upload_file" {
		t.Fatalf("history %v", hist)
	}
}

func TestKilledDownloadResumesWithoutPartialFile(t *testing.T) {
	bin := buildBinary(t)
	e := newTestEnv(t)
	data := mediatest.MP4(bytes.Repeat([]byte("0123456789"), 300_000)) // 3 MB
	src := writeVideo(t, t.TempDir(), "big.mp4", data)
	no := e.run("", "upload", "--json", src).want(t, 0).lines(t)[0]["video_no"].(string)
	e.sb.SetFaults(sandbox.Faults{DownloadRate: 500_000})
	out := t.TempDir()
	final, part := filepath.Join(out, no+".mp4"), ""
	cmd := e.start(bin, "download", "-o", out, no)
	until(t, "a partial download", func() bool {
		parts, _ := filepath.Glob(filepath.Join(out, no+".mp4.*.part")) // the job's own part
		if len(parts) != 1 {
			return false
		}
		part = parts[0]
		st, err := os.Stat(part)
		return err == nil && st.Size() > 100_000
	})
	kill(t, cmd)
	if _, err := os.Stat(final); err == nil {
		t.Fatal("a file exists under the final name after the kill")
	}
	e.sb.SetFaults(sandbox.Faults{})

	rows := e.runBinary(bin, "resume", "--json").want(t, 0).lines(t)
	got, _ := os.ReadFile(final)
	if len(rows) != 1 || !bytes.Equal(got, data) || rows[0]["fingerprint"] != fingerprintOf(data) {
		t.Fatalf("resume printed %v; file has %d bytes", rows, len(got))
	}
	if _, err := os.Stat(part); err == nil {
		t.Fatal(".part left behind")
	}
}

func TestDatabaseHeldByAnotherProcessFailsFast(t *testing.T) {
	e := newTestEnv(t)
	e.holdDatabase(t)
	start := time.Now()
	r := e.run("", "history").want(t, 1)
	if !strings.Contains(r.stderr, "is using") || time.Since(start) > 5*time.Second {
		t.Fatalf("after %s: %s", time.Since(start), r.stderr)
	}
}

func TestHistoryRetryAndCancel(t *testing.T) {
	e := newTestEnv(t)
	e.sb.SetFaults(sandbox.Faults{JSONOnDownload: true})
	row := e.run("", "download", "--json", "-o", t.TempDir(), "VI404").want(t, 1).lines(t)[0]
	id := strings.TrimSuffix(strings.TrimSuffix(jsonString(row["job_id"]), ".0"), "\\n")
	if row["code"] != "not_found" {
		t.Fatalf("failure line %v", row)
	}
	failed := e.run("", "history", "--json", "--state", "failed").want(t, 0).lines(t)
	if len(failed) != 1 || jsonString(failed[0]["job_id"]) != id {
		t.Fatalf("history --state failed: %v", failed)
	}
	e.run("", "cancel", id).want(t, 0)
	if rows := e.run("", "history", "--json", "--state", "canceled").want(t, 0).lines(t); len(rows) != 1 {
		t.Fatalf("cancelled jobs: %v", rows)
	}
	e.run("", "cancel", id).want(t, 2) // already cancelled
	e.run("", "retry", "abc").want(t, 2)
	e.run("", "history", "--limit", "0").want(t, 2)
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
