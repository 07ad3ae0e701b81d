package i18n

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// catalogue reads one language's file as ids → plural forms (a plain message is "other").
func catalogue(t *testing.T, tag string) map[string]map[string]string {
	t.Helper()
	raw, err := catalogues.ReadFile("locales/" + tag + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", tag, err)
	}
	out := map[string]map[string]string{}
	for id, v := range m {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[id] = map[string]string{"other": s}
			continue
		}
		forms := map[string]string{}
		if err := json.Unmarshal(v, &forms); err != nil {
			t.Fatalf("%s %s: neither a message nor plural forms: %v", tag, id, err)
		}
		out[id] = forms
	}
	return out
}

var placeholder = regexp.MustCompile(`\{\{\.(\w+)\}\}`)

func placeholders(s string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	sort.Strings(names)
	return names
}

// pluralForms are the CLDR plural forms a language uses for whole numbers (counts), found by
// asking CLDR's rules about every count up to 10 000 and a few millions.
func pluralForms(tag string) []string {
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two",
		plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	var forms []string
	counts := []int{1_000_000, 2_000_000, 10_000_000}
	for n := range 10_001 {
		counts = append(counts, n)
	}
	for _, n := range counts {
		if f := names[plural.Cardinal.MatchPlural(language.MustParse(tag), n, 0, 0, 0, 0)]; !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	slices.Sort(forms)
	return forms
}

// Every language has exactly the ids English has, with the same placeholders, and the plural
// forms its grammar needs where English has plural forms.
func TestCataloguesMatchEnglish(t *testing.T) {
	en := catalogue(t, "en")
	if got := pluralForms("de"); !slices.Equal(got, []string{"one", "other"}) {
		t.Fatalf("German plural forms %v", got) // the probe itself
	}
	files, _ := fs.Glob(catalogues, "locales/*.json")
	if len(files) != len(Languages) {
		t.Errorf("%d catalogue files for %d languages: each file needs its line in Languages", len(files), len(Languages))
	}
	for _, l := range Languages[1:] {
		other := catalogue(t, l.Tag)
		for id, forms := range en {
			got, ok := other[id]
			if !ok {
				t.Errorf("%s lacks %q", l.Tag, id)
				continue
			}
			want := placeholders(forms["other"])
			for form, text := range got {
				if p := placeholders(text); !slices.Equal(p, want) {
					t.Errorf("%s %q (%s) has placeholders %v, English %v", l.Tag, id, form, p, want)
				}
			}
			if len(forms) > 1 {
				for _, need := range pluralForms(l.Tag) {
					if got[need] == "" {
						t.Errorf("%s %q lacks the plural form %q", l.Tag, id, need)
					}
				}
			}
		}
		for id := range other {
			if _, ok := en[id]; !ok {
				t.Errorf("%s has %q, which English has not", l.Tag, id)
			}
		}
	}
}

// idUse finds catalogue ids in Go source: a quoted id ("cli.usage"), or a quoted prefix that
// code completes ("jobState." + state) — every id under such a prefix counts as used.
var idUse = regexp.MustCompile(`"([a-zA-Z][\w-]*(?:\.[\w-]+)*\.?)"`)

// Every English message is used by some Go code, and every id the code names exists: a
// message nothing shows is dead weight for translators.
func TestEveryMessageIsUsed(t *testing.T) {
	en := catalogue(t, "en")
	root := filepath.Join("..", "..")
	quoted := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "frontend" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range idUse.FindAllStringSubmatch(string(src), -1) {
			quoted[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id := range en {
		if quoted[id] {
			continue
		}
		used := false
		for q := range quoted {
			if strings.HasSuffix(q, ".") && strings.HasPrefix(id, q) {
				used = true
				break
			}
		}
		if !used {
			t.Errorf("no Go code uses %q", id)
		}
	}
}
