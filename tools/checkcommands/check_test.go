package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const repo = "../.."

func repoProvided(t *testing.T) provided {
	t.Helper()
	p, err := loadProvided(repo+"/scripts/deps/commands.map", repo+"/scripts/deps/base-packages.txt", repo+"/scripts/ensure-deps.sh")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// problemsIn checks files (name → text) written to a temp dir with the repository's map.
func problemsIn(t *testing.T, files map[string]string) []string {
	t.Helper()
	prov := repoProvided(t)
	t.Chdir(t.TempDir()) // scripts source their helpers relative to the working directory
	var paths []string
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, name)
	}
	problems, err := check(prov, paths)
	if err != nil {
		t.Fatal(err)
	}
	return problems
}

func TestRepositoryScriptsNeedNothingUnprovided(t *testing.T) {
	files, _ := filepath.Glob(repo + "/scripts/*.sh")
	gui, _ := filepath.Glob(repo + "/scripts/gui/*")
	files = append(append(files, gui...), repo+"/Makefile", repo+"/.ci/run")
	prov := repoProvided(t)
	t.Chdir(repo) // scripts source scripts/gui/lib.sh from the repository's root
	for i := range files {
		files[i] = strings.TrimPrefix(files[i], repo+"/")
	}
	problems, err := check(prov, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Errorf("unprovided commands:\n%s", strings.Join(problems, "\n"))
	}
}

// Each way a script can run ffmpeg (which no package that ensure-deps.sh installs provides) is
// found, and nothing else in the same script is reported.
func TestFfmpegIsFoundWhereverItRuns(t *testing.T) {
	cases := map[string]string{
		"plain":          "ffmpeg -i a.mp4 b.mp4",
		"probe":          "if command -v ffmpeg >/dev/null; then :; fi",
		"absolute":       "/usr/bin/ffmpeg -version",
		"substitution":   `x=$(ffmpeg -version | head -1)`,
		"pipeline":       "cat a | ffmpeg -i - b.mp4",
		"wrapped":        "timeout -k 1 20 env A=1 ffmpeg -version",
		"env -u":         "env -u DBUS_SESSION_BUS_ADDRESS A=1 ffmpeg -version",
		"timeout -s":     "timeout -s KILL 5 ffmpeg -version",
		"readiness wait": `wait_until "$WAIT" ffmpeg -version`,
		"eval":           `eval 'ffmpeg -version >/dev/null'`,
		"bash -c":        `bash -c 'ffmpeg -version'`,
		"in a function":  "mk() {\n  ffmpeg -f lavfi -i testsrc \"$1\"\n}\nmk x.mp4",
		"needed":         "need() { :; }\nneed xdotool ffmpeg",
	}
	for name, line := range cases {
		t.Run(name, func(t *testing.T) {
			got := problemsIn(t, map[string]string{"s.sh": "#!/usr/bin/env bash\nset -e\nwait_until() { :; }\n" + line + "\n"})
			if len(got) != 1 || !strings.Contains(got[0], "ffmpeg") {
				t.Fatalf("want one problem naming ffmpeg, got %q", got)
			}
		})
	}
}

func TestMakefileRecipesAreChecked(t *testing.T) {
	mk := "FF = ffmpeg -y\nTAGS = $(shell ffprobe -v 2>/dev/null)\n" +
		"all:\n\t@echo hi && $(FF) x.mp4 \\\n\t  y.mp4\n" +
		"ifeq ($(shell uname),Darwin)\n\tcodesign --sign - x\nendif\n"
	got := strings.Join(problemsIn(t, map[string]string{"Makefile": mk}), "\n")
	for _, want := range []string{"ffmpeg", "ffprobe"} {
		if !strings.Contains(got, want+":") {
			t.Errorf("%s not reported in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "codesign") {
		t.Errorf("a macOS-only block was checked:\n%s", got)
	}
}

// A mapped package is not enough: it must be in the base image or installed by ensure-deps.sh.
func TestMappedButUninstalledPackageFails(t *testing.T) {
	p := repoProvided(t)
	p.pkgOf["ffmpeg"] = "ffmpeg"
	if why := p.why("ffmpeg"); !strings.Contains(why, "neither in the base image nor in ensure-deps.sh") {
		t.Fatalf("why(ffmpeg) = %q", why)
	}
	if why := p.why("xdotool"); why != "" { // installed by ensure-deps.sh
		t.Fatalf("why(xdotool) = %q", why)
	}
	if why := p.why("sed"); why != "" { // in the base image
		t.Fatalf("why(sed) = %q", why)
	}
}

func TestBuiltinsFunctionsSourcedHelpersAndRepoPathsPass(t *testing.T) {
	got := problemsIn(t, map[string]string{
		"lib.sh": "helper() { grep -q x \"$1\"; }\n",
		"s.sh": "#!/usr/bin/env bash\nsource lib.sh\nhelper f\nlocal_fn() { :; }\nlocal_fn\n" +
			"scripts/gui-smoke.sh\n.tools/bin/wails build\n\"$BIN\" --version\nprintf '%s' x | read -r y\n",
	})
	if len(got) != 0 {
		t.Fatalf("want no problems, got %q", got)
	}
}

func TestUnknownPseudoPackageIsRefused(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "map")
	if err := os.WriteFile(m, []byte("ffmpeg @anything\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadProvided(m, repo+"/scripts/deps/base-packages.txt", repo+"/scripts/ensure-deps.sh"); err == nil {
		t.Fatal("a made-up @package was accepted")
	}
}
