package main

import (
	"strings"
	"testing"
)

// missingVideo is a well-formed video number the sandbox has never seen.
const missingVideo = "VI000000000000000001"

// A failure is a diagnostic: on stderr, so `memories download X >list.txt` still shows it on the
// terminal, with nothing on stdout (which carries results) and exit status 1.
func TestFailedDownloadGoesToStderr(t *testing.T) {
	e := newTestEnv(t)
	r := e.run("", "download", "-o", t.TempDir(), missingVideo).want(t, 1)
	if r.stdout != "" {
		t.Fatalf("stdout holds %q, want nothing", r.stdout)
	}
	if !strings.Contains(r.stderr, "failed: ") || !strings.Contains(r.stderr, missingVideo) {
		t.Fatalf("stderr does not name the failure: %q", r.stderr)
	}
}

// A first download with pacing on starts at once, so nothing may claim it waits for a slot: the
// next slot the pacer reports once this one is taken belongs to the next request.
func TestFirstDownloadClaimsNoWait(t *testing.T) {
	e := newTestEnv(t)
	e.env["MEMORIES_RATE_LIMITS"] = "" // pacing on, the default
	r := e.run("", "download", "-o", t.TempDir(), missingVideo).want(t, 1)
	if strings.Contains(r.stderr, "waiting for the next") {
		t.Fatalf("a download that never waited says it does: %q", r.stderr)
	}
}

// With --json a failure is one JSON object on stdout, as README documents: scripts read one
// stream.
func TestFailedDownloadJSONStaysOnStdout(t *testing.T) {
	e := newTestEnv(t)
	r := e.run("", "download", "--json", "-o", t.TempDir(), missingVideo).want(t, 1)
	rows := r.lines(t)
	if len(rows) != 1 || rows[0]["state"] != "failed" || rows[0]["id"] != missingVideo || rows[0]["error"] == "" {
		t.Fatalf("want one failure object for %s, got %v", missingVideo, rows)
	}
}

// status, whose items fail one by one, follows the same rule: a failed item on stderr only.
func TestFailedStatusGoesToStderr(t *testing.T) {
	e := newTestEnv(t)
	e.env["MEMORIES_API_KEY"] = "sk-not-the-sandbox-key"
	r := e.run("", "status", missingVideo).want(t, 1)
	if r.stdout != "" || !strings.Contains(r.stderr, "failed: "+missingVideo) {
		t.Fatalf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
	rows := e.run("", "status", "--json", missingVideo).want(t, 1).lines(t)
	if len(rows) != 1 || rows[0]["id"] != missingVideo || rows[0]["error"] == "" {
		t.Fatalf("want one failure object, got %v", rows)
	}
}

// list and status only ask the server: they work while Memories Desktop holds the data folder.
func TestListAndStatusWorkWhileTheFolderIsHeld(t *testing.T) {
	e := newTestEnv(t)
	e.holdDatabase(t)
	e.run("", "list").want(t, 0)
	e.run("", "status", missingVideo).want(t, 0)
	if r := e.run("", "history"); r.code != 1 || !strings.Contains(r.stderr, "is using") {
		t.Fatalf("history on a held folder: exit %d, stderr %q", r.code, r.stderr)
	}
}
