package core

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// frontEnds are the two composition roots, relative to this package: the desktop app (package
// main at the repository root) and the CLI.
var frontEnds = []string{"../..", "../../cmd/memories"}

// frontEndMay lists the backend packages a front end may import besides core, and why:
//   - events: the Emitter a front end implements and the event names the app emits to its window;
//   - version: the one version string that --version and the User-Agent print;
//   - applog: the log file a front end opens before core exists (it needs the data folder first);
//   - clock: the time source a front end hands core (tests hand a fake one);
//   - contract and its enum packages: the types and names core's methods take and return, and
//     the UI is bound with;
//   - i18n: the message catalogues and the language a front end words its own text in.
//
// Everything else (api, transfer, store, settings, preflight, sources, validate, sandbox, …) is
// reached through core.Service.
var frontEndMay = map[string]bool{
	"memories-desktop/backend/core":     true,
	"memories-desktop/backend/events":   true,
	"memories-desktop/backend/version":  true,
	"memories-desktop/backend/applog":   true,
	"memories-desktop/backend/clock":    true,
	"memories-desktop/backend/contract": true,
	"memories-desktop/backend/i18n":     true,
}

// TestFrontEndsImportOnlyCore keeps the package graph UI/CLI → core → (api, transfer, store, …):
// every non-test Go file of a front end, whatever its build tags, imports no backend package
// outside frontEndMay.
func TestFrontEndsImportOnlyCore(t *testing.T) {
	for _, dir := range frontEnds {
		imports := frontEndImports(t, dir)
		if !imports["memories-desktop/backend/core"] {
			t.Fatalf("%s: core is not imported; is the path right? (%v)", dir, imports)
		}
		for _, path := range forbidden(imports) {
			t.Errorf("%s imports %s: front ends go through core (allowed: %v)", dir, path, keys(frontEndMay))
		}
	}
}

// forbidden are the backend packages in imports that a front end may not use.
func forbidden(imports map[string]bool) []string {
	var out []string
	for path := range imports {
		contract := strings.HasPrefix(path, "memories-desktop/backend/contract/")
		if strings.HasPrefix(path, "memories-desktop/") && !frontEndMay[path] && !contract {
			out = append(out, path)
		}
	}
	return out
}

// TestGraphRuleSeesAForbiddenImport proves the check above can fail: a file importing transfer
// is reported.
func TestGraphRuleSeesAForbiddenImport(t *testing.T) {
	dir := t.TempDir()
	src := "package main\n\nimport (\n\t\"memories-desktop/backend/core\"\n\t_ \"memories-desktop/backend/transfer\"\n)\n\nvar _ core.Job\n"
	if err := os.WriteFile(filepath.Join(dir, "bad.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	got := forbidden(frontEndImports(t, dir))
	if len(got) != 1 || got[0] != "memories-desktop/backend/transfer" {
		t.Fatalf("forbidden imports = %v, want just backend/transfer", got)
	}
}

// frontEndImports collects the import paths of dir's non-test Go files.
func frontEndImports(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	imports := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			imports[path] = true
		}
	}
	return imports
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
