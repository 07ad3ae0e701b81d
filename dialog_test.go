package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestGtkFormatSafeEscapesPercent(t *testing.T) {
	in := `cannot open /home/me/100% done/%s%n/memories.db`
	if got, want := gtkFormatSafe("linux", in), `cannot open /home/me/100%% done/%%s%%n/memories.db`; got != want {
		t.Fatalf("linux: %q, want %q", got, want)
	}
	if got := gtkFormatSafe("windows", in); got != in {
		t.Fatalf("windows: %q, want it unchanged", got)
	}
}

// Every native message dialog goes through messageDialog, the one place that escapes its text:
// no other function calls the Wails runtime's MessageDialog.
func TestDialogsGoThroughOne(t *testing.T) {
	const wailsRuntime = "github.com/wailsapp/wails/v2/pkg/runtime"
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	calls := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		alias := ""
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == wailsRuntime {
				alias = "runtime"
				if imp.Name != nil {
					alias = imp.Name.Name
				}
			}
		}
		if alias == "" {
			continue
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, isIdent := sel.X.(*ast.Ident); isIdent && x.Name == alias && sel.Sel.Name == "MessageDialog" {
					calls++
					if fn.Name.Name != "messageDialog" {
						t.Errorf("%s: %s calls %s.MessageDialog directly; use messageDialog, which escapes the text for GTK",
							fset.Position(sel.Pos()), fn.Name.Name, alias)
					}
				}
				return true
			})
		}
	}
	if calls != 1 {
		t.Fatalf("found %d calls of the runtime's MessageDialog, want exactly the one in messageDialog", calls)
	}
}
