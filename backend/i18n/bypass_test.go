package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// wording are the packages that word things for people: the app's bound layer, the CLI, the
// engine and the packages whose texts reach a person (watch events, refusals, doctor notes, job
// names, notifications, dialogs). The sandbox is not among them: it emulates the service, and
// its texts are the service's wire text, which reaches people only as a technical detail; nor is
// media, whose parser's findings are the technical detail inside a refusal ("it is not a
// video: …", docs/TRANSLATING.md).
var wording = []string{".", "cmd/memories", "backend/core", "backend/watch", "backend/transfer", "backend/store",
	"backend/notify", "backend/preflight", "backend/sources", "backend/validate", "backend/settings",
	"backend/autostart", "backend/api", "backend/formats", "backend/subtitle"}

// peopleFields are the struct fields and dialog options whose text a person reads.
var peopleFields = []string{"Title", "Message", "Headline", "Tested", "Detail", "Reason", "Cause",
	"Summary", "Next", "Body", "DisplayName", "Buttons", "DefaultButton", "CancelButton", "Warnings", "Name"}

// technicalCalls take text that is not for people as it is: log lines (the log is for a bug
// report, in English), error values (what a person reads of one is worded by core/explain.go
// from its kind or code; its own text is the technical detail behind "details"), patterns, and
// the arguments of programs and of the system's interfaces.
// The service's answers that the client could not use keep its words (c.newError) as detail; a
// job's state-change notes (e.move) are its log, never shown; applog.Guard names a goroutine.
var technicalCalls = []string{"slog.", "log.", "errors.New", "fmt.Errorf", "regexp.", "exec.Command", "exec.CommandContext",
	"strings.", "bytes.", "filepath.", "os.", "http.", "url.", "json.", "panic", "newSentinel", "c.newError", "e.move",
	"applog.Guard"}

// allowed are the functions (file:function) whose English is deliberate, with the reason.
// A method named Error is an error's own text: technical detail, see technicalCalls.
var allowed = map[string]string{
	"main.go:appOptions":                            "the window's first title is the product's name, never translated",
	"cmd/memories/cli.go:help":                      "the global synopsis: flags and METAVARIABLES",
	"cmd/memories/completion.go:bashCompletion":     "shell code; its descriptions come from the catalogue",
	"cmd/memories/completion.go:zshCompletion":      "shell code; its descriptions come from the catalogue",
	"cmd/memories/completion.go:fishCompletion":     "shell code; its descriptions come from the catalogue",
	"backend/transfer/schedule.go:stopState":        "a state-change note (the job's log, see e.move), never shown",
	"cmd/memories/cli.go:init":                      "command synopses: flags and METAVARIABLES, the same in every language",
	"backend/api/errors.go:malformed":               "net/http's error texts, matched",
	"backend/api/classify.go:classify":              "a missing Content-Type, in an api.Error's technical detail",
	"backend/store/job_query.go:newJobFilter":       "the name of a filter in a programming error (an unknown code)",
	"backend/store/video.go:validateVideo":          "the name of a key part in a programming error",
	"backend/autostart/launchagent_darwin.go:entry": "a property list for launchd",
	"backend/formats/formats.go:-":                  "Format.Name is the English name in the upload rules' JSON; dialogs word formatName.<ext>",
	"harness.go:main":                               "the test harness's build-time self-check (not in the product)",
	"backend/core/demo_library.go:seedDemoVideos":   "a note for the developer who asked for demo videos (MEMORIES_SANDBOX_DEMO)",
}

// sentence finds two words in a row, as a sentence has ("not found", "Choose a quality");
// identifiers, paths, ids, formats and single words do not match.
var sentence = regexp.MustCompile(`[A-Za-z][a-z']+ [a-z][a-z']+`)

// verbs are fmt's placeholders, which are not words.
var verbs = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z]`)

// word finds a word of two letters or more, in a field people read ("Connected", "Yes").
var word = regexp.MustCompile(`[A-Za-z]{2,}`)

type bypass struct {
	where, text string
}

// bypasses lists the string literals in the Go files of dir (not tests) that look like text for
// people: a sentence anywhere outside a technical call, or any word given to a field people read.
func bypasses(t *testing.T, root, dir string, excused map[string]bool) []bypass {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []bypass
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		for _, decl := range f.Decls {
			fn, isFunc := decl.(*ast.FuncDecl)
			name := "-"
			if isFunc {
				name = fn.Name.Name
			}
			excuse, isAllowed := rel+":"+name, false
			if _, ok := allowed[excuse]; ok || name == "Error" {
				isAllowed = true
			}
			var stack []ast.Node
			ast.Inspect(decl, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || catalogueID.MatchString(s) || inTechnicalCall(stack) || isTag(stack) || isKey(stack) ||
					(dir == "." && toStderr(stack)) {
					return true
				}
				plain := verbs.ReplaceAllString(s, "")
				if !sentence.MatchString(plain) && !(forPeople(stack) && word.MatchString(plain)) {
					return true
				}
				if isAllowed {
					excused[excuse] = true
				} else {
					out = append(out, bypass{where: rel + ":" + strconv.Itoa(fset.Position(lit.Pos()).Line) + " (" + name + ")", text: s})
				}
				return true
			})
		}
	}
	return out
}

// inTechnicalCall reports whether the literal is an argument of a technical call, or a
// constant, a case label or a comparison (text matched, not shown).
func inTechnicalCall(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.CallExpr:
			callee := calleeName(n.Fun)
			for _, c := range technicalCalls {
				if callee == c || (strings.HasSuffix(c, ".") && strings.HasPrefix(callee, c)) {
					return true
				}
			}
		case *ast.CaseClause: // its labels are matched; its body is code like any other
			for _, label := range n.List {
				if label == stack[i+1] {
					return true
				}
			}
		case *ast.ImportSpec:
			return true
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (n.X == stack[len(stack)-1] || n.Y == stack[len(stack)-1]) {
				return true // a text compared with, not shown
			}
		case *ast.GenDecl:
			if n.Tok == token.CONST || n.Tok == token.IMPORT {
				return true
			}
		}
	}
	return false
}

// toStderr reports whether the literal is printed to stderr: the app's stderr is a log, which a
// window's user never sees (the CLI's is for people, and is checked).
func toStderr(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		if call, ok := stack[i].(*ast.CallExpr); ok && strings.HasPrefix(calleeName(call.Fun), "fmt.Fprint") && len(call.Args) > 0 {
			if sel, ok := call.Args[0].(*ast.SelectorExpr); ok && sel.Sel.Name == "Stderr" {
				return true
			}
		}
	}
	return false
}

// catalogueID is the shape of a message id ("conn.connected"): a name of the catalogue, not text.
var catalogueID = regexp.MustCompile(`^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+\.?$`)

// isKey reports whether the literal is a key in a composite literal (a map of texts matched, or
// of placeholders by name).
func isKey(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	kv, ok := stack[len(stack)-2].(*ast.KeyValueExpr)
	return ok && kv.Key == stack[len(stack)-1]
}

func isTag(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	f, ok := stack[len(stack)-2].(*ast.Field)
	return ok && f.Tag == stack[len(stack)-1]
}

// forPeople reports whether the literal is (part of) the value of a field people read.
func forPeople(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && slices.Contains(peopleFields, id.Name) {
				return true
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && slices.Contains(peopleFields, sel.Sel.Name) {
					return true
				}
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			return x.Name + "." + f.Sel.Name
		}
		return f.Sel.Name
	case *ast.IndexExpr:
		return calleeName(f.X)
	}
	return ""
}

// No sentence for people is written in Go code: it comes from the catalogue (i18n.T), so every
// language has it. A sentence that bypassed the catalogue fails here, with its place.
func TestNoSentenceBypassesTheCatalogue(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	excused := map[string]bool{}
	for _, dir := range wording {
		for _, b := range bypasses(t, root, dir, excused) {
			t.Errorf("%s: %q is English for people outside the catalogue (backend/i18n/locales)", b.where, b.text)
		}
	}
	for where := range allowed {
		if !excused[where] {
			t.Errorf("the allowlist excuses %s, which has no English left: take it off", where)
		}
	}
}

// The guard sees a sentence given to a refusal and a word given to a dialog button, also inside
// a switch's case or beside a comparison, and lets catalogue ids, placeholders' names, log lines,
// error values, case labels and compared texts through.
func TestGuardSeesABypass(t *testing.T) {
	dir := t.TempDir()
	src := `package x

func refuse() error {
	slog.Info("queue started again", "jobs", 3)
	if bad {
		return errors.New("the folder is not there")
	}
	ask(Options{Title: i18n.T("repair.title"), Buttons: []string{"Yes", i18n.T("repair.no")}})
	return &api.ValidationError{Field: "quality", Message: i18n.T("importRequest.quality", i18n.Args{"Min": "360"})} ||
		&api.ValidationError{Field: "quality", Message: "Choose a quality from 360 to 2160."}
}

func skip(kind string) {
	switch kind {
	case "a symbolic link":
		refuse(rel, "it is a symbolic link; watches upload only ordinary files")
	}
	if kind == "not a file" || note("the name is not valid") == ok {
		return
	}
}
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := bypasses(t, dir, ".", map[string]bool{})
	var texts []string
	for _, b := range got {
		texts = append(texts, b.text)
	}
	if !slices.Equal(texts, []string{"Yes", "Choose a quality from 360 to 2160.",
		"it is a symbolic link; watches upload only ordinary files", "the name is not valid"}) {
		t.Fatalf("the guard found %q", texts)
	}
}
