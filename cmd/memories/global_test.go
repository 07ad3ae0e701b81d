package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/version"
)

func TestVersionFlagPrintsTheInjectedVersion(t *testing.T) {
	e := newTestEnv(t)
	r := e.run("", "--version")
	if r.code != exitOK || r.stdout != "memories "+version.Version+"\n" || r.stderr != "" {
		t.Fatalf("--version: %+v", r)
	}
}

func TestLogLevelDebugLogsRequestsToTheFileAndStderrWithoutTheKey(t *testing.T) {
	e := newTestEnv(t)
	r := e.run("", "--log-level", "debug", "list")
	if r.code != exitOK {
		t.Fatalf("list: %+v", r)
	}
	file, err := os.ReadFile(filepath.Join(e.env["MEMORIES_DATA_DIR"], "logs", "memories.log"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"stderr": r.stderr, "file": string(file)} {
		if !strings.Contains(text, "msg=request") || !strings.Contains(text, "status=200") {
			t.Errorf("%s lacks the request:\n%s", name, text)
		}
		if strings.Contains(text, cliTestKey) {
			t.Errorf("%s holds the key:\n%s", name, text)
		}
	}
}

func TestBadLogLevelIsAUsageErrorBeforeAnythingIsSent(t *testing.T) {
	e := newTestEnv(t)
	for _, args := range [][]string{{"--log-level", "loud", "list"}, {"--log-level"}} {
		r := e.run("", args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "log") {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	if n := e.sb.Stats().Calls; n != 0 {
		t.Fatalf("%d requests were sent", n)
	}
}

func TestBashCompletionOffersCommandsAndLevels(t *testing.T) {
	e := newTestEnv(t)
	script := e.run("", "completion", "bash").stdout
	cases := map[string]string{
		"COMP_WORDS=(memories down); COMP_CWORD=1":                 "download download-asset",
		"COMP_WORDS=(memories --log-level w); COMP_CWORD=2":        "warn",
		"COMP_WORDS=(memories completion f); COMP_CWORD=2":         "fish",
		"COMP_WORDS=(memories upload ./v); COMP_CWORD=2":           "",
		"COMP_WORDS=(memories --log-level debug st); COMP_CWORD=3": "status",
	}
	for words, want := range cases {
		out, err := exec.Command("bash", "-c", script+words+`; _memories; echo "${COMPREPLY[*]}"`).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("%s: got %q (%v), want %q", words, out, err, want)
		}
	}
}

func TestZshAndFishCompletionNameEveryCommand(t *testing.T) {
	e := newTestEnv(t)
	for _, shell := range []string{"zsh", "fish"} {
		script := e.run("", "completion", shell).stdout
		for name := range commands {
			if !strings.Contains(script, name) {
				t.Errorf("%s completion lacks %s", shell, name)
			}
		}
	}
	if r := e.run("", "completion", "tcsh"); r.code != exitUsage {
		t.Fatalf("tcsh: %+v", r)
	}
}
