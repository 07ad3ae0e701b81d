package main

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/core"
)

// A bound method that panics (here Jobs before the backend is open: a nil core) returns an
// error the UI shows, a sentence and the advice to report it with the log, instead of leaving
// the page's promise unsettled.
func TestPanickingBoundMethodReturnsAnError(t *testing.T) {
	a := NewApp(t.TempDir())
	close(a.ready) // a.core stays nil, so the call panics inside core
	_, err := a.Jobs(contract.JobQuery{})
	if !errors.Is(err, core.ErrBug) {
		t.Fatalf("Jobs on a nil core: err = %v, want core.ErrBug", err)
	}
	info := core.Describe(err)
	if info.Code != errcode.Internal || !strings.Contains(info.Message, "internal error") ||
		!strings.Contains(info.Next, "report it with the log") {
		t.Fatalf("Describe = %+v", info)
	}
}

// Every method Wails binds (the exported methods of *App) returns an error and defers settle
// first, so no bound call can panic past it.
func TestBoundMethodsSettle(t *testing.T) {
	settled := map[string]bool{}
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv != nil && fn.Name.IsExported() && defersSettleFirst(fn) {
				settled[fn.Name.Name] = true
			}
		}
	}
	typ := reflect.TypeOf(&App{})
	errType := reflect.TypeOf((*error)(nil)).Elem()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		if out := m.Type.NumOut(); out == 0 || m.Type.Out(out-1) != errType {
			t.Errorf("bound method %s returns no error: a panic in it could not reach the page", m.Name)
		}
		if !settled[m.Name] {
			t.Errorf("bound method %s does not start with `defer settle(&err)`", m.Name)
		}
	}
}

func defersSettleFirst(fn *ast.FuncDecl) bool {
	if fn.Body == nil || len(fn.Body.List) == 0 {
		return false
	}
	d, ok := fn.Body.List[0].(*ast.DeferStmt)
	if !ok {
		return false
	}
	id, ok := d.Call.Fun.(*ast.Ident)
	return ok && id.Name == "settle"
}
