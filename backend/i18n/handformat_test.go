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

// No size, decimal or unit is formatted by hand in what the Go side shows people: numbers go
// through the Localizer (Size, SizeAtLeast, Duration, Decimal, Fixed, Number, Coordinates, or a
// number placeholder, which T formats for the language). This reads the source of the packages
// that word output (the app, the CLI, the engine and what it explains) and fails on a fmt format
// with a float verb ("%.1f", "%g": a "." in every language) and on a unit written beside a number
// ("%d B", "3 GB", "%s KiB").

// formatting lists the folders, from the repository's root, whose numbers reach people: those that
// word things (bypass_test.go), and the media parser's and the speed floor's, which are detail.
var formatting = append(slices.Clone(wording), "backend/media", "backend/progress")

// pendingFormats are literals, by file, in English sentences that are moving into the catalogue
// (their sizes then become placeholders); only these are let through, and one that is gone lets
// nothing through.
var pendingFormats = map[string][]string{
	"backend/progress/floor.go":            {`"%d B"`, `"%.1f KiB"`, `"%.1f MiB"`}, // the speed floor's error
	"backend/core/imports.go":              {`larger than 4 MB`},
	"backend/api/request.go":               {`larger than 32 MiB`},
	"backend/transfer/download_content.go": {`(0 bytes)`},
	"backend/transfer/upload_torn.go":      {`(%d bytes, was %d)`},
}

var (
	floatVerb = regexp.MustCompile(`%[-+# 0]*(\d+|\*)?(\.(\d+|\*))?[fFgGeE]`)
	handUnit  = regexp.MustCompile(`(\d|%[-+# 0]*\d*(\.\d+)?[dfgsv])\s?(B|KB|kB|MB|GB|TB|KiB|MiB|GiB|TiB|bytes|fps|ms)\b`)
	fmtFuncs  = map[string]int{"Sprintf": 0, "Printf": 0, "Errorf": 0, "Fprintf": 1, "Appendf": 1}
)

// handFormats lists the hand-written formats in one Go file.
func handFormats(fset *token.FileSet, f *ast.File) []string {
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "fmt" {
				return true
			}
			at, known := fmtFuncs[sel.Sel.Name]
			if !known || len(n.Args) <= at {
				return true
			}
			if lit, ok := n.Args[at].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && floatVerb.MatchString(s) {
					found = append(found, fset.Position(lit.Pos()).String()+": a float verb in "+lit.Value)
				}
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				return true
			}
			if s, err := strconv.Unquote(n.Value); err == nil && handUnit.MatchString(s) {
				found = append(found, fset.Position(n.Pos()).String()+": a unit written by hand in "+n.Value)
			}
		}
		return true
	})
	return found
}

func TestNoHandWrittenFormats(t *testing.T) {
	root := filepath.Join("..", "..")
	files := 0
	for _, dir := range formatting {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			rel := filepath.ToSlash(filepath.Join(dir, name))
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, filepath.Join(root, rel), nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files++
			for _, line := range handFormats(fset, f) {
				if !pending(rel, line) {
					t.Errorf("%s (format it through the Localizer: Size, Decimal, Fixed, Duration, or a number placeholder)", line)
				}
			}
		}
	}
	if files < 100 {
		t.Fatalf("read only %d files", files)
	}
}

func pending(file, line string) bool {
	for _, lit := range pendingFormats[file] {
		if strings.Contains(line, lit) {
			return true
		}
	}
	return false
}

// The check itself: it catches what it is for and lets the Localizer's own calls through.
func TestHandFormatsCheck(t *testing.T) {
	src := `package x
func f() {
	_ = fmt.Sprintf("%.1f MB", x)
	_ = fmt.Sprintf("%g", fps)
	fmt.Fprintf(w, "%5.3f  %s", score, name)
	_ = fmt.Errorf("%w: under %s/s", err, size)
	_ = "at most 20 MB"
	_ = fmt.Sprintf("%d B", n)
	_ = fmt.Sprintf("%s, %d%%", name, n)
	_ = i18n.Default().Size(n)
	_ = fmt.Sprintf("%dx%d", w, h)
}`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := handFormats(fset, f)
	if len(found) != 6 { // %.1f MB twice (verb and unit), %g, %5.3f, "20 MB", "%d B"
		t.Errorf("found %d, want 6:\n%s", len(found), strings.Join(found, "\n"))
	}
}
