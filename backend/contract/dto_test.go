package contract_test

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// Every backend type a bound App method takes or returns has its alias in contract.go, so that
// file stays the one place to read the UI's types. (Types of package main, like SettingsState,
// cannot be aliased and are skipped.)
func TestEveryBoundTypeIsInTheContract(t *testing.T) {
	aliased := contractAliases(t)
	seen := 0
	for _, fn := range boundMethods(t) {
		for _, name := range qualifiedTypes(fn.Type) {
			seen++
			if !aliased[name] {
				t.Errorf("App.%s uses %s: add its alias to backend/contract/contract.go", fn.Name.Name, name)
			}
		}
	}
	if seen < 20 {
		t.Fatalf("found only %d backend types in bound methods: is the scan looking at app.go and bind_*.go?", seen)
	}
}

// contractAliases returns "pkg.Type" for every alias declared in contract.go.
func contractAliases(t *testing.T) map[string]bool {
	out := map[string]bool{}
	ast.Inspect(parseFile(t, "contract.go"), func(n ast.Node) bool {
		if spec, ok := n.(*ast.TypeSpec); ok && spec.Assign.IsValid() {
			out[exprName(spec.Type)] = true
		}
		return true
	})
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
