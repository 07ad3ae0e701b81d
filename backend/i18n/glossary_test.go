package i18n

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The glossary (glossary.json) names one rendering of each product term per language. These tests
// hold both catalogues to it — the Go one here and the frontend's — and keep the table in
// docs/TRANSLATING.md equal to it.

type glossaryEntry struct {
	Term  string `json:"term"`  // what the glossary shows
	Use   string `json:"use"`   // what a translation of a message using the term must contain
	Avoid string `json:"avoid"` // a rendering this language must not use for the term
}

type glossaryTerm struct {
	En            string `json:"en"`
	Match         string `json:"match"`
	Ignore        string `json:"ignore"`
	CaseSensitive bool   `json:"caseSensitive"`
	langs         map[string]glossaryEntry
	match, ignore *regexp.Regexp
	use, avoid    map[string]*regexp.Regexp
}

type glossary struct {
	Languages []string
	Terms     []*glossaryTerm
	Tone      map[string]glossaryEntry  // the form of address; avoid lists the words that break it
	toneBreak map[string]*regexp.Regexp // case-sensitive
}

func readGlossary(t *testing.T) glossary {
	t.Helper()
	raw, err := os.ReadFile("glossary.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Languages []string                 `json:"languages"`
		Terms     []json.RawMessage        `json:"terms"`
		Tone      map[string]glossaryEntry `json:"tone"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatalf("glossary.json: %v", err)
	}
	g := glossary{Languages: file.Languages, Tone: file.Tone, toneBreak: map[string]*regexp.Regexp{}}
	for _, lang := range g.Languages {
		r, err := regexp.Compile(g.Tone[lang].Avoid)
		if err != nil || g.Tone[lang].Term == "" || g.Tone[lang].Avoid == "" {
			t.Fatalf("glossary.json: tone of %s needs a term and a valid avoid (%v)", lang, err)
		}
		g.toneBreak[lang] = r
	}
	for _, rt := range file.Terms {
		term := &glossaryTerm{langs: map[string]glossaryEntry{}, use: map[string]*regexp.Regexp{}, avoid: map[string]*regexp.Regexp{}}
		if err := json.Unmarshal(rt, term); err != nil {
			t.Fatalf("glossary.json: %v", err)
		}
		var byLang map[string]json.RawMessage
		_ = json.Unmarshal(rt, &byLang)
		flags := "(?i)"
		if term.CaseSensitive {
			flags = ""
		}
		compile := func(what, re string) *regexp.Regexp {
			r, err := regexp.Compile(flags + re)
			if err != nil {
				t.Fatalf("glossary.json, %q: %s: %v", term.En, what, err)
			}
			return r
		}
		term.match = compile("match", term.Match)
		if term.Ignore != "" {
			term.ignore = compile("ignore", term.Ignore)
		}
		for _, lang := range g.Languages {
			var e glossaryEntry
			if err := json.Unmarshal(byLang[lang], &e); err != nil || e.Term == "" || e.Use == "" {
				t.Fatalf("glossary.json, %q: %s needs a term and a use", term.En, lang)
			}
			term.langs[lang] = e
			term.use[lang] = compile(lang+" use", e.Use)
			if e.Avoid != "" {
				term.avoid[lang] = compile(lang+" avoid", e.Avoid)
			}
		}
		g.Terms = append(g.Terms, term)
	}
	return g
}

// Text that is not prose in any language: placeholders, code, flags, command names, addresses.
var (
	notProse = regexp.MustCompile("`[^`]*`" + // code
		`|\{\{\.\w+\}\}|\{\w+\}` + // placeholders
		`|\bmemories [a-z-]+` + // a command
		`|\S+://\S*|\S*\w\.\w+/\S*` + // addresses
		`|\S*=\S*|--[\w-]+` + // env assignments, flags
		`|(?:(?:plural|select|selectordinal), |\} )=?\w+ \{`) // an ICU case's key
	enCommandPrefix = regexp.MustCompile(`^[a-z][\w-]*: |\b[\w-]+ --[\w-]+`) // "watch: …", "upload --force"
)

func prose(s string) string { return notProse.ReplaceAllString(s, " ") }

func enProse(s string) string { return prose(enCommandPrefix.ReplaceAllString(s, " ")) }

// termProblems says how one translated message breaks the glossary ("" when it does not).
func termProblems(g glossary, lang, en, tr string) []string {
	enText, trText := enProse(en), prose(tr)
	var used []*glossaryTerm
	for _, term := range g.Terms {
		text := enText
		if term.ignore != nil {
			text = term.ignore.ReplaceAllString(text, " ")
		}
		if term.match.MatchString(text) {
			used = append(used, term)
		}
	}
	var problems []string
	for _, term := range used {
		e := term.langs[lang]
		// a term left in English on purpose is a value the user types (--type caption)
		literal := false
		for _, w := range term.match.FindAllString(enText, -1) {
			literal = literal || regexp.MustCompile(`(^|\P{L})`+regexp.QuoteMeta(w)+`($|\P{L})`).MatchString(trText)
		}
		if !literal && !term.use[lang].MatchString(trText) {
			problems = append(problems, "“"+term.En+"” should be “"+e.Term+"”")
		}
		if avoid := term.avoid[lang]; avoid != nil {
			for _, bad := range avoid.FindAllString(trText, -1) {
				// another term of the message may use these words (a job's task id)
				excused := slices.ContainsFunc(used, func(o *glossaryTerm) bool { return o != term && o.use[lang].MatchString(bad) })
				if !excused {
					problems = append(problems, "“"+term.En+"” is not “"+bad+"” but “"+e.Term+"”")
				}
			}
		}
	}
	return problems
}

// flat joins a Go message's plural forms (the term may be in any of them).
func flat(forms map[string]string) string {
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(forms[k] + "\n")
	}
	return b.String()
}

func frontendCatalogue(t *testing.T, tag string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "lib", "i18n", "locales", tag+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("frontend %s: %v", tag, err)
	}
	return m
}

// Every message that uses a product term in English uses the glossary's rendering in each
// language, in both catalogues, and never a rendering the glossary rules out.
func TestCataloguesFollowTheGlossary(t *testing.T) {
	g := readGlossary(t)
	goEn := catalogue(t, "en")
	feEn := frontendCatalogue(t, "en")
	for _, lang := range g.Languages {
		t.Run(lang, func(t *testing.T) {
			check := func(side, id, en, tr string) {
				for _, p := range termProblems(g, lang, en, tr) {
					t.Errorf("%s %s: %s\n  en: %s\n  %s: %s", side, id, p, en, lang, tr)
				}
			}
			goCat := catalogue(t, lang)
			for id, forms := range goEn {
				if tr, ok := goCat[id]; ok {
					check("Go", id, flat(forms), flat(tr))
				}
			}
			feCat := frontendCatalogue(t, lang)
			for id, en := range feEn {
				// kbd.* name keys as keyboards label them (Delete is Entf), not the product's words.
				if tr, ok := feCat[id]; ok && !strings.HasPrefix(id, "kbd.") {
					check("frontend", id, en, tr)
				}
			}
		})
	}
}

// Each language addresses the user one way in both catalogues (German du, Spanish tú).
func TestCataloguesKeepOneTone(t *testing.T) {
	g := readGlossary(t)
	for _, lang := range g.Languages {
		messages := map[string]string{}
		for id, forms := range catalogue(t, lang) {
			messages["Go "+id] = flat(forms)
		}
		for id, m := range frontendCatalogue(t, lang) {
			messages["frontend "+id] = m
		}
		for id, m := range messages {
			for _, line := range strings.Split(m, "\n") {
				if bad := g.toneBreak[lang].FindString(line); bad != "" {
					t.Errorf("%s %s: “%s” breaks the tone (%s): %s", lang, id, bad, g.Tone[lang].Term, line)
				}
			}
		}
	}
}

// The check itself: a wrong rendering, a ruled-out one and a term the user types are told apart.
func TestGlossaryCheck(t *testing.T) {
	g := readGlossary(t)
	cases := []struct {
		lang, en, tr string
		problems     int
	}{
		{"zh-Hans", "cancelled {{.Count}} jobs", "已取消 {{.Count}} 个作业", 0},
		{"zh-Hans", "job {id}", "任务 {id}", 2}, // not 作业, and 任务 is the import task
		{"zh-Hans", "only jobs whose name, task id or path", "只看名称、任务 ID 或路径包含此内容的作业", 0},
		{"de", "Task <code>{taskId}</code>", "Auftrag <code>{taskId}</code>", 2},
		{"de", "Remove tag {tag}", "Tag {tag} entfernen", 0},
		{"de", "Resume them now", "Setzen Sie sie jetzt fort", 0},
		{"es", "search: --type must be visual, audio or caption", "search: --type debe ser visual, audio o caption", 0},
		{"es", "what is seen (scene captions)", "lo que se ve (subtítulos de escena)", 2},
		{"es", "Wait for a moment.", "Espera un rato.", 0},
		{"es", "{{.File}} changed while it was being uploaded", "{{.File}} cambió mientras se subía", 0},
		{"zh-Hans", "list past jobs: see `memories history`", "列出过去的作业：见 `memories history`", 0},
		{"es", "{noun, select, download {# downloads} other {# transfers}}", "{noun, select, download {# descargas} other {# transferencias}}", 0},
	}
	for _, c := range cases {
		if got := termProblems(g, c.lang, c.en, c.tr); len(got) != c.problems {
			t.Errorf("%s %q → %q: %d problems, want %d: %q", c.lang, c.en, c.tr, len(got), c.problems, got)
		}
	}
}

// docs/TRANSLATING.md shows the glossary: its table has exactly the rows of glossary.json.
func TestGlossaryTableInDocs(t *testing.T) {
	g := readGlossary(t)
	raw, err := os.ReadFile(filepath.Join("..", "..", "docs", "TRANSLATING.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(raw), "\n## Glossary\n")
	if !ok {
		t.Fatal("docs/TRANSLATING.md has no “## Glossary” section")
	}
	var got []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "## ") {
			break
		}
		if strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| English ") {
			got = append(got, line)
		}
	}
	var want []string
	for _, term := range g.Terms {
		row := "| " + term.En
		for _, lang := range g.Languages {
			row += " | " + term.langs[lang].Term
		}
		want = append(want, row+" |")
	}
	tone := "| form of address"
	for _, lang := range g.Languages {
		tone += " | " + g.Tone[lang].Term
	}
	want = append(want, tone+" |")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the glossary table in docs/TRANSLATING.md differs from backend/i18n/glossary.json; it should read:\n%s", strings.Join(want, "\n"))
	}
}
