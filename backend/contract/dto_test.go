package contract_test

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// Every backend type a bound App method takes or returns is declared in package contract, so
// that package stays the one place to read the UI's types, under one name. (Types of package
// main, like SettingsState, are the app's own and are not qualified.)
func TestEveryBoundTypeIsInTheContract(t *testing.T) {
	declared := declaredTypes(t)
	seen := 0
	for _, fn := range boundMethods(t) {
		for _, name := range qualifiedTypes(fn.Type) {
			seen++
			if declared[name] == nil {
				t.Errorf("App.%s uses %s: declare it in backend/contract and use it from there", fn.Name.Name, name)
			}
		}
	}
	if seen < 20 {
		t.Fatalf("found only %d backend types in bound methods: is the scan looking at app.go and bind_*.go?", seen)
	}
}

// declaredTypes returns "contract.Type" → its definition for every type package contract
// declares (no aliases: a type has one name).
func declaredTypes(t *testing.T) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	for _, f := range parseDir(t, ".") {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok {
				for _, spec := range g.Specs {
					if ts, ok := spec.(*ast.TypeSpec); ok && !ts.Assign.IsValid() {
						out["contract."+ts.Name.Name] = ts.Type
					}
				}
			}
		}
	}
	return out
}

// boundMethods returns the exported methods of *App in the module's root package.
func boundMethods(t *testing.T) []*ast.FuncDecl {
	paths, _ := filepath.Glob(filepath.Join(repoRoot, "*.go"))
	var out []*ast.FuncDecl
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		for _, d := range parseFile(t, p).Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && isAppMethod(fn) {
				out = append(out, fn)
			}
		}
	}
	return out
}

func isAppMethod(fn *ast.FuncDecl) bool {
	if fn.Recv == nil || !fn.Name.IsExported() || len(fn.Recv.List) != 1 {
		return false
	}
	star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
	return ok && exprName(star.X) == "App"
}

// qualifiedTypes lists the pkg.Type names in a signature, through pointers, slices and maps.
func qualifiedTypes(sig *ast.FuncType) []string {
	var out []string
	ast.Inspect(sig, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if name := exprName(sel); name != "context.Context" {
				out = append(out, name)
			}
			return false
		}
		return true
	})
	return out
}

func exprName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprName(x.X) + "." + x.Sel.Name
	}
	return token.ILLEGAL.String()
}
