package main

import (
	"context"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"memories-desktop/backend/i18n"
	"memories-desktop/backend/sandbox"
)

// The language tests set the process's language through the environment a command gets; they
// are not parallel, so no other command runs meanwhile, and English is restored after them.
func inLanguage(t *testing.T, e *testEnv, lang string) {
	t.Helper()
	e.env["LANG"] = lang
	t.Cleanup(func() { delete(e.env, "LANG"); i18n.SetDefault(i18n.English) })
}

// `LANG=zh_CN.UTF-8 memories …` speaks Chinese: help, a usage error (exit 2), a failed
// download with its explanation, and counts with their measure words.
func TestCLISpeaksTheLanguageOfLANG(t *testing.T) {
	e := newTestEnv(t)
	inLanguage(t, e, "zh_CN.UTF-8")
	checks := []struct {
		args []string
		code int
		want []string
	}{
		{nil, 2, []string{"用法：memories", "命令：", "取消排队中、已暂停或被中断的作业"}},
		{[]string{"list", "extra"}, 2, []string{"memories：list：多余的参数“extra”"}},
		{[]string{"history", "--limit", "0"}, 2, []string{"history：--limit 必须在 1 到 1000 之间"}},
		{[]string{"list", "--bogus"}, 2, []string{"用法：memories list", "只看此状态的视频", "未定义的参数：-bogus"}},
		{[]string{"list"}, 0, []string{`范围 "default" 中有 0 个视频`}},
		{[]string{"download", "-o", t.TempDir(), "VI404"}, 1, []string{"失败：", "memories.ai 找不到该视频或素材"}},
	}
	for _, c := range checks {
		r := e.run("", c.args...).want(t, c.code)
		for _, w := range c.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("memories %v: stderr lacks %q:\n%s", c.args, w, r.stderr)
			}
		}
	}
	e.env["LANG"] = "de_DE.UTF-8"
	if r := e.run("", "history", "--limit", "0").want(t, 2); !strings.Contains(r.stderr, "--limit muss zwischen 1 und 1000 liegen") {
		t.Errorf("German: %s", r.stderr)
	}
	e.env["LANG"] = "es_ES.UTF-8"
	if r := e.run("", "history", "--limit", "0").want(t, 2); !strings.Contains(r.stderr, "--limit debe estar entre 1 y 1000") {
		t.Errorf("Spanish: %s", r.stderr)
	}
}

// `LANG=de_DE.UTF-8` and `LANG=es_ES.UTF-8` start the CLI in that language, numbers included: the
// help, and check's report of a video with its decimals (fps, seconds, coordinates) written with the
// language's own separators. The wording is the catalogue's, looked up here, so a reworded
// catalogue value does not break the test; the English text must be gone.
func TestCLIFollowsLANGInGermanAndSpanish(t *testing.T) {
	e := newTestEnv(t)
	_, paths := media(t, "hevc-tags.mov")
	for _, lang := range []string{"de_DE.UTF-8", "es_ES.UTF-8"} {
		inLanguage(t, e, lang)
		l := i18n.New(i18n.Match(lang))
		help := e.run("").want(t, 2)
		if w := l.T("cli.commands"); w == i18n.English.T("cli.commands") || !strings.Contains(help.stderr, w) {
			t.Errorf("LANG=%s: the help lacks %q:\n%s", lang, w, help.stderr)
		}
		r := e.run("", "check", paths[0]).want(t, 0)
		for _, w := range []string{
			l.T("check.place", i18n.Args{"Place": l.Coordinates(48.8584, 2.2945)}),
			l.Duration(500 * time.Millisecond),
			l.Decimal(25, 3) + " fps",
		} {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("LANG=%s: check's report lacks %q:\n%s", lang, w, r.stdout)
			}
		}
		for _, english := range []string{"from the file", "at 48.8584", "0.5 s", ": ok: "} {
			if strings.Contains(r.stdout, english) {
				t.Errorf("LANG=%s: check's report still says %q:\n%s", lang, english, r.stdout)
			}
		}
	}
	if !strings.Contains(i18n.New("de").Coordinates(48.8584, 2.2945), "48,8584") {
		t.Fatal("German coordinates are not written with a decimal comma")
	}
}

// jobIDs differ from run to run; everything else in a JSON line must be the same bytes.
var jobID = regexp.MustCompile(`"job_id":\d+`)

// --json output is language-neutral: the same commands print the same bytes in every language,
// failures and their explanations included.
func TestJSONOutputIsTheSameInEveryLanguage(t *testing.T) {
	e := newTestEnv(t)
	dir := t.TempDir()
	src := writeVideo(t, dir, "clip.mp4", sandbox.SyntheticMP4("lang"))
	notes := writeVideo(t, dir, "notes.txt", []byte("not a video"))
	out := t.TempDir()
	e.run("", "upload", "--json", src).want(t, 0)
	commands := [][]string{
		{"check", "--json", src, notes},
		{"list", "--json"},
		{"status", "--json", "VI404"},
		{"download", "--json", "-o", out, "VI404"},
	}
	var english []string
	for _, lang := range []string{"", "zh_CN.UTF-8", "de_DE.UTF-8", "es_ES.UTF-8", "x-pseudo"} {
		inLanguage(t, e, lang)
		for i, args := range commands {
			r := e.run("", args...)
			got := jobID.ReplaceAllString(r.stdout, `"job_id":N`)
			if lang == "" {
				if got == "" {
					t.Fatalf("memories %v printed no JSON: %s", args, r.stderr)
				}
				english = append(english, got)
				continue
			}
			if got != english[i] {
				t.Errorf("LANG=%s memories %v:\n%s\nEnglish:\n%s", lang, args, got, english[i])
			}
		}
	}
}

// ours matches what is left of a human line once the pseudo-locale's brackets are removed: a
// word of two or more ASCII letters that is not a name the person gave, a path, a flag, a
// metavariable (CAPITALS) or a command name.
var asciiWord = regexp.MustCompile(`[A-Za-z][a-z]+`)

var fileName = regexp.MustCompile(`\w\.\w+$`)

// englishLeft returns the English words outside the pseudo-locale's brackets in s.
func englishLeft(s string, keep []string) []string {
	var left []string
	for _, field := range strings.Fields(i18n.OutsidePseudo(s)) {
		if strings.ContainsAny(field, "/-\\") || fileName.MatchString(field) || strings.Trim(field, ":,;.()\"“”") == "" {
			continue // a path, a file name, a flag or a command with a dash, or punctuation
		}
		for _, w := range asciiWord.FindAllString(field, -1) {
			known := false
			for _, k := range keep {
				if strings.EqualFold(w, k) {
					known = true
				}
			}
			if !known {
				left = append(left, w)
			}
		}
	}
	return left
}

// Under the pseudo-locale, no English word is left in the CLI's human output: a sentence that
// bypassed the catalogue would show unaccented, outside brackets.
func TestPseudoLocaleLeavesNoEnglishInHumanOutput(t *testing.T) {
	e := newTestEnv(t)
	inLanguage(t, e, "x-pseudo")
	keep := []string{"memories"}
	for name := range commands {
		keep = append(keep, name)
	}
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "VI-taken.mp4"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{
		nil, {"help"}, {"nonsense"}, {"list", "extra"}, {"list", "--bogus"}, {"list", "--status", "x"},
		{"history", "--limit", "0"}, {"history", "--limit", "x"}, {"download"}, {"download", "-o", out, "VI-taken"},
		{"download", "--overwrite", "--on-exists", "skip", "VI1"}, {"download", "-o", out, "VI404"},
		{"history"}, {"list"}, {"status"}, {"transcript"}, {"keyframe"}, {"search", "--phrase", "--image", "x.png"},
		{"search", "--type", "x", "y"}, {"watch"}, {"watches"}, {"watches", "pause", "nope"}, {"retry"}, {"cancel", "x"},
		{"import", "--quality", "1"}, {"import", "notalink", "https://www.tiktok.com/@someone"}, {"upload"}, {"upload-url"}, {"upload", "--lat", "north", "x.mp4"},
		{"completion", "tcsh"}, {"--log-level"}, {"doctor"}, {"list", "--tag", " "}, {"download", "-o", out, "../x"},
		{"history", "--state", "lost"}, {"upload", "--taken", "yesterday", "x.mp4"}, {"search", "--level", "huge", "dog"}, {"download", "-o", filepath.Join(out, "missing", "x.mp4"), "VI1"},
		{"check", filepath.Join(out, "VI-taken.mp4"), filepath.Join(out, "none.mp4")}, {"upload", filepath.Join(out, "VI-taken.mp4")},
	}
	for _, args := range runs {
		r := e.run("", args...)
		if left := englishLeft(r.stderr+"\n"+r.stdout, keep); len(left) > 0 {
			t.Errorf("memories %v leaves English %v:\n%s%s", args, left, r.stderr, r.stdout)
		}
	}
}

// Tables pad by terminal cells, not runes: a Chinese state takes two cells a character, so the
// columns after it still line up.
func TestColumnsPadByTerminalCells(t *testing.T) {
	for _, c := range []struct {
		s     string
		width int
		want  string
	}{
		{"已完成", 11, "已完成     "}, {"done", 11, "done       "}, {"12.0 MiB", -10, "  12.0 MiB"}, {"much too long", 4, "much too long"},
	} {
		if got := column(c.s, c.width); got != c.want {
			t.Errorf("column(%q, %d) = %q, want %q", c.s, c.width, got, c.want)
		}
	}
}

// damageRecords leaves the profile's database (the one with the jobs) readable by bbolt but
// wrong for the app: a job record that is not JSON and a bucket gone, which doctor reports in its
// own words.
func damageRecords(t *testing.T, dataDir string) {
	t.Helper()
	var paths []string
	filepath.WalkDir(dataDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "memories.db" {
			paths = append(paths, path)
		}
		return nil
	})
	damaged := 0
	for _, path := range paths {
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 10 * time.Second})
		if err != nil {
			continue
		}
		err = db.Update(func(tx *bolt.Tx) error {
			jobs := tx.Bucket([]byte("jobs"))
			if jobs == nil {
				return nil
			}
			key := make([]byte, 16)
			binary.BigEndian.PutUint64(key[8:], 7)
			if err := jobs.Put(key, []byte("not a job")); err != nil {
				return err
			}
			damaged++
			return tx.DeleteBucket([]byte("job_summary"))
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if damaged == 0 {
		t.Fatalf("no database with jobs among %v", paths)
	}
}

// Under the pseudo-locale, doctor's findings on a damaged database, a running watch's events
// (started, uploaded, a duplicate, a refused file) and an import job's name leave no English
// word outside brackets: each was once an English sentence written in Go.
func TestPseudoLocaleWordsDoctorWatchAndImports(t *testing.T) {
	e := newTestEnv(t)
	inLanguage(t, e, "x-pseudo")
	keep := []string{"memories"}
	for name := range commands {
		keep = append(keep, name)
	}
	check := func(what, text string) {
		t.Helper()
		if left := englishLeft(text, keep); len(left) > 0 {
			t.Errorf("%s leaves English %v:\n%s", what, left, text)
		}
	}
	r := e.run("", "import", "https://www.tiktok.com/@someone/video/7000000000000000001")
	check("import", r.stdout+r.stderr)
	r = e.run("", "history").want(t, 0)
	if !strings.Contains(r.stdout, "TikTok") {
		t.Fatalf("history lists no import:\n%s", r.stdout)
	}
	check("history", r.stdout+r.stderr)

	damageRecords(t, e.env["MEMORIES_DATA_DIR"])
	r = e.run("", "doctor").want(t, 1)
	if !strings.Contains(r.stdout, "7") || strings.Count(r.stdout, "\n") < 3 {
		t.Fatalf("doctor names no problems:\n%s%s", r.stdout, r.stderr)
	}
	check("doctor", r.stdout+r.stderr)
	r = e.run("", "doctor", "--repair").want(t, 0)
	check("doctor --repair", r.stdout+r.stderr)

	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &syncBuffer{}, &syncBuffer{}
	c := newCLI(strings.NewReader(""), out, errOut, func(k string) string { return e.env[k] })
	done := make(chan int, 1)
	go func() { done <- c.run(ctx, []string{"watch", "--settle", "100ms", dir}) }()
	stopped := false
	defer func() {
		if !stopped {
			cancel()
			<-done
		}
	}()
	waitFor := func(n int, marks ...string) {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for {
			s, all := errOut.String(), true
			for _, m := range marks {
				all = all && strings.Count(s, m) >= n
			}
			if all {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the watch did not print %q:\n%s", marks, s)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor(1, "- [") // the started event's detail
	putVideo(t, filepath.Join(dir, "clip.mp4"), "watched")
	waitFor(1, "clip.mp4 (VI")
	putVideo(t, filepath.Join(dir, "copy.mp4"), "watched")
	os.WriteFile(filepath.Join(dir, "notes.mp4"), []byte("not a video"), 0o644)
	waitFor(1, "copy.mp4 (VI", "notes.mp4 - [")
	cancel()
	<-done
	stopped = true
	check("watch", errOut.String())
}

// A job that failed under --json (so its message was worded in English) reads German in
// `LANG=de_DE memories history`, and English again in `history --json`.
func TestHistoryWordsAFailureInTheReadersLanguage(t *testing.T) {
	e := newTestEnv(t)
	src := writeVideo(t, t.TempDir(), "clip.mp4", sandbox.SyntheticMP4("credits"))
	e.sb.SetFaults(sandbox.Faults{NoCredits: true})
	e.run("", "upload", "--json", src).want(t, 1)
	inLanguage(t, e, "de_DE.UTF-8")
	r := e.run("", "history").want(t, 0)
	if !strings.Contains(r.stdout, "clip.mp4\n") || !strings.Contains(r.stdout, "\n        Das memories.ai-Konto hat kein Guthaben mehr. Lade das Konto") ||
		strings.Contains(r.stdout, "credits") {
		t.Fatalf("German history:\n%s", r.stdout)
	}
	r = e.run("", "history", "--json").want(t, 0)
	if !strings.Contains(r.stdout, `"error":"The memories.ai account has run out of credits. Recharge the account`) ||
		!strings.Contains(r.stdout, `"code":"no_credits"`) {
		t.Fatalf("history --json:\n%s", r.stdout)
	}
}
