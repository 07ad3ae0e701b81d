package core

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// actions are what both front ends ask of core: each goes through the one Service method named
// here, with one request shape, from the app (bind_*.go) and the CLI alike.
var actions = []struct{ action, method string }{
	{"upload files", "EnqueueUploads"},
	{"upload from a link", "EnqueueURL"},
	{"import platform links", "EnqueueImport"},
	{"download videos or assets", "EnqueueDownloads"},
	{"retry a job", "RetryJob"},
	{"list the history", "Jobs"},
	{"list the library's videos", "Videos"},
	{"cancel a job", "CancelJob"},
	{"look for an earlier upload of a file", "FindDuplicate"},
	{"check upload metadata", "ValidateMeta"},
	{"read a transcript", "VideoTranscript"},
	{"read a summary", "VideoSummary"},
}

// dialects are methods that did an action of the table above a second way for one front end;
// they were merged into the method beside them and must not come back.
var dialects = map[string]string{
	"PlanFile": "EnqueueUploads", "PlanURL": "EnqueueURL", "PlanImportTask": "EnqueueImport",
	"PlanDownload": "EnqueueDownloads", "EnqueueAsset": "EnqueueDownloads", "Record": "EnqueueDownloads",
	"PlanLinks": "ParseLinks", "History": "Jobs", "Library": "Videos", "ListVideos": "Videos",
}

// stillTwo are the pairs left doing one action two ways, the app's first (see docs/ARCHITECTURE.md).
// None is left; a pair listed here must still exist, and its entry goes when it is merged.
var stillTwo [][2]string

// coreOnly are exported Service methods no front end calls yet: core's own parts use them across
// files (and its tests), and the app's coming watch-folder settings call AddWatch.
var coreOnly = []string{"AddWatch", "ApplySettings", "Client", "DownloadName", "ExportHistory", "Keyframe",
	"KeyframeFile", "LocalCopy", "PickerDir", "RememberPicker", "SandboxActive", "SuggestedName"}

// TestEachActionHasOneMethod fails when an action of the table is not done by its method for
// both front ends, when a merged dialect comes back, or when a pair of stillTwo is no longer
// there (then the list is stale).
func TestEachActionHasOneMethod(t *testing.T) {
	methods := serviceMethods(t)
	app, cli := frontEndCalls(t, "../.."), frontEndCalls(t, "../../cmd/memories")
	for _, a := range actions {
		switch {
		case !methods[a.method]:
			t.Errorf("%s: Service.%s does not exist", a.action, a.method)
		case !app[a.method] || !cli[a.method]:
			t.Errorf("%s: Service.%s is not used by both front ends (app %v, CLI %v)", a.action, a.method, app[a.method], cli[a.method])
		}
	}
	for old, merged := range dialects {
		if methods[old] {
			t.Errorf("Service.%s is back: the front ends %s through Service.%s", old, strings.ToLower(old[:1])+old[1:], merged)
		}
	}
	for _, pair := range stillTwo {
		if !methods[pair[0]] || !methods[pair[1]] || !app[pair[0]] || !cli[pair[1]] {
			t.Errorf("%s/%s are no longer two methods for the two front ends: take the pair out of stillTwo", pair[0], pair[1])
		}
	}
}

// TestEveryServiceMethodHasAFrontEnd: an exported Service method is called by the app or the
// CLI, or is listed in coreOnly.
func TestEveryServiceMethodHasAFrontEnd(t *testing.T) {
	app, cli := frontEndCalls(t, "../.."), frontEndCalls(t, "../../cmd/memories")
	for m := range serviceMethods(t) {
		if !app[m] && !cli[m] && !slices.Contains(coreOnly, m) {
			t.Errorf("Service.%s is exported but no front end calls it: unexport it, or list it in coreOnly", m)
		}
	}
}

// TestFrontEndCallsSeesMethodValues proves the scan sees calls and method values alike, and not
// a field or a package-qualified name.
func TestFrontEndCallsSeesMethodValues(t *testing.T) {
	src := "package main\nimport \"memories-desktop/backend/core\"\nfunc f(s *core.Service, p page) {\n" +
		"\ts.EnqueueUploads(b)\n\trun((*core.Service).RetryJob)\n\t_ = p.Jobs\n\tcore.ParseLinks(\"\")\n}\n"
	got := callsIn(t, parse(t, "x.go", src))
	if !got["EnqueueUploads"] || !got["RetryJob"] || got["Jobs"] || got["ParseLinks"] {
		t.Fatalf("calls = %v, want EnqueueUploads and RetryJob only", got)
	}
}

// serviceMethods are the exported methods of *Service.
func serviceMethods(t *testing.T) map[string]bool {
	out := map[string]bool{}
	for _, f := range parseDir(t, ".") {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() {
				continue
			}
			if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok && id.Name == "Service" {
					out[fn.Name.Name] = true
				}
			}
		}
	}
	return out
}

// frontEndCalls are the method names dir's non-test files call or take as values.
func frontEndCalls(t *testing.T, dir string) map[string]bool {
	out := map[string]bool{}
	for _, f := range parseDir(t, dir) {
		for name := range callsIn(t, f) {
			out[name] = true
		}
	}
	return out
}

// callsIn collects x.M(…) and (*T).M, leaving out pkg.Name (x is an imported package).
func callsIn(t *testing.T, f *ast.File) map[string]bool {
	t.Helper()
	imported := map[string]bool{}
	for _, spec := range f.Imports {
		path := strings.Trim(spec.Path.Value, `"`)
		name := filepath.Base(path)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		imported[name] = true
	}
	out := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		var sel *ast.SelectorExpr
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, _ = n.Fun.(*ast.SelectorExpr)
		case *ast.SelectorExpr:
			if _, ok := n.X.(*ast.ParenExpr); ok {
				sel = n // a method expression: (*core.Service).RetryJob
			}
		}
		if sel == nil {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && imported[id.Name] {
			return true
		}
		out[sel.Sel.Name] = true
		return true
	})
	return out
}

func parseDir(t *testing.T, dir string) []*ast.File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var files []*ast.File
	for _, p := range paths {
		if !strings.HasSuffix(p, "_test.go") {
			files = append(files, parse(t, p, nil))
		}
	}
	return files
}

func parse(t *testing.T, name string, src any) *ast.File {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
