package contract_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/core"
	"memories-desktop/backend/settings"
)

// repoRoot is where the module starts, relative to this package.
const repoRoot = "../.."

// enumDirs names the package that declares each list contract.Enums binds, in the same order.
var enumDirs = []string{"backend/events", "backend/contract/errcode", "backend/contract/jobkind",
	"backend/contract/jobstate", "backend/contract/mode", "backend/contract/conn", "backend/contract/choice"}

// Each bound list holds exactly the constants its package declares, under their Go names: a
// constant added without its line in the list (or a stale line) fails here.
func TestEveryBoundListIsItsPackagesConstants(t *testing.T) {
	enums := contract.Enums()
	if len(enums) != len(enumDirs) {
		t.Fatalf("%d enums bound, %d packages expected", len(enums), len(enumDirs))
	}
	for i, dir := range enumDirs {
		got, want := boundPairs(enums[i]), declaredConsts(t, filepath.Join(repoRoot, dir))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: bound %v, declared %v", dir, got, want)
		}
	}
}

// boundPairs reads an EnumBind list ([]struct{Value; TSName}) as TS name → value.
func boundPairs(list any) map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(list)
	for i := range v.Len() {
		el := v.Index(i)
		out[el.FieldByName("TSName").String()] = el.FieldByName("Value").String()
	}
	return out
}

// declaredConsts returns the exported string constants of the Go package in dir, name → value.
func declaredConsts(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	for _, f := range parseDir(t, dir) {
		ast.Inspect(f, func(n ast.Node) bool {
			if spec, ok := n.(*ast.ValueSpec); ok && isConst(f, spec) {
				addStringConsts(out, spec)
			}
			return true
		})
	}
	return out
}

func isConst(f *ast.File, spec *ast.ValueSpec) bool {
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST && containsSpec(g, spec) {
			return true
		}
	}
	return false
}

func containsSpec(g *ast.GenDecl, spec *ast.ValueSpec) bool {
	for _, s := range g.Specs {
		if s == spec {
			return true
		}
	}
	return false
}

func addStringConsts(out map[string]string, spec *ast.ValueSpec) {
	for i, name := range spec.Names {
		if lit, ok := spec.Values[i].(*ast.BasicLit); ok && name.IsExported() && lit.Kind == token.STRING {
			out[name.Name], _ = strconv.Unquote(lit.Value)
		}
	}
}

// parseDir parses the non-test Go files of one package.
func parseDir(t *testing.T, dir string) []*ast.File {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var files []*ast.File
	for _, p := range paths {
		if !strings.HasSuffix(p, "_test.go") {
			files = append(files, parseFile(t, p))
		}
	}
	return files
}

func parseFile(t *testing.T, path string) *ast.File {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Every error core.Describe can produce carries a bound code: the app's own three, and the
// service's through api.KindCode (whose table has its own test in backend/api).
func TestDescribeReturnsBoundCodes(t *testing.T) {
	for _, err := range []error{
		&settings.FieldError{Field: "scope", Message: "empty"},
		fmt.Errorf("open: %w", contract.ErrLocked),
		errors.New("anything else"),
	} {
		if code := core.Describe(err).Code; !listed(code) {
			t.Errorf("Describe(%v) = %q, not in backend/contract/errcode", err, code)
		}
	}
}

func listed(code string) bool {
	for _, c := range errcode.All {
		if string(c.Value) == code {
			return true
		}
	}
	return false
}

// Every event the Go code emits is named by a constant of backend/events that is bound: a
// literal name, or one from elsewhere, would reach the UI without a generated TypeScript name.
func TestEveryEmittedEventIsBound(t *testing.T) {
	bound := boundPairs(contract.Enums()[0])
	emits := 0
	walkGoFiles(t, func(path string, f *ast.File) {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && isEmit(call) {
				emits++
				checkEventArg(t, path, call.Args[0], bound)
			}
			return true
		})
	})
	if emits < 6 {
		t.Fatalf("found only %d Emit calls: is the scan looking at the right files?", emits)
	}
}

// isEmit matches x.Emit(name, payload), the events.Emitter method.
func isEmit(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Emit" && len(call.Args) == 2
}

func checkEventArg(t *testing.T, path string, arg ast.Expr, bound map[string]string) {
	name, ok := eventsConstant(arg)
	if !ok {
		t.Errorf("%s: Emit(%T, …) does not name its event with a backend/events constant", path, arg)
		return
	}
	if _, ok := bound[name]; !ok {
		t.Errorf("%s: events.%s is emitted but not in events.Names", path, name)
	}
}

// eventsConstant returns X when arg is events.X.
func eventsConstant(arg ast.Expr) (string, bool) {
	sel, ok := arg.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return sel.Sel.Name, ok && pkg.Name == "events"
}

// walkGoFiles visits every non-test Go file of the module outside frontend/ and tool folders.
func walkGoFiles(t *testing.T, visit func(string, *ast.File)) {
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && skipDir(d.Name()) && path != repoRoot {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			visit(path, parseFile(t, path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "frontend" || name == "build" || name == "node_modules" || name == "tools"
}
