package transfer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// funcIndex is every function and method declared in a package's non-test files, by name
// ("name" for a function, "Type.name" for a method), with the file that declares it.
type funcIndex struct {
	pkg   string
	decls map[string]*ast.FuncDecl
	file  map[string]string
	// methods maps a method's bare name to its keys, to resolve x.name calls.
	methods map[string][]string
}

func parsePackage(t *testing.T, dir, pkg string) *funcIndex {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	ix := &funcIndex{pkg: pkg, decls: map[string]*ast.FuncDecl{}, file: map[string]string{}, methods: map[string][]string{}}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			key := fd.Name.Name
			if fd.Recv != nil {
				key = recvName(fd.Recv.List[0].Type) + "." + key
			}
			if _, seen := ix.decls[key]; seen {
				continue // the same function for another system (build tags)
			}
			ix.decls[key], ix.file[key] = fd, pkg+"/"+filepath.Base(name)
			if fd.Recv != nil {
				ix.methods[fd.Name.Name] = append(ix.methods[fd.Name.Name], key)
			}
		}
	}
	return ix
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

// downloadStages are the files a download passes through, in the order it reads: the flow
// itself (the local check and the fetch, then the save), then the partial file, its proof, and
// the commit in safefile.
var downloadStages = []string{
	"transfer/download.go", "transfer/download_save.go", "transfer/download_content.go",
	"transfer/download_part.go", "transfer/download_proof.go", "safefile/",
}

// uploadStages are the files an upload passes through: the flow (send, record), the look for a
// copy an earlier attempt left, and the check that the file did not change while it was sent.
var uploadStages = []string{"transfer/upload.go", "transfer/reconcile.go", "transfer/upload_torn.go"}

func stageOf(stages []string, file string) int {
	for i, s := range stages {
		if file == s || strings.HasSuffix(s, "/") && strings.HasPrefix(file, s) {
			return i
		}
	}
	return -1
}

// callEdges walks the calls from entry (in transfer) and returns every call made by a function
// it reaches, as caller and callee keys ("pkg:name"). Calls into safefile are followed there. A
// method whose name more than one type declares is not followed: the walk cannot tell which.
func callEdges(pkgs map[string]*funcIndex, entry string) [][2]string {
	var edges [][2]string
	seen := map[string]bool{}
	var walk func(pkg, key string)
	walk = func(pkg, key string) {
		ix := pkgs[pkg]
		id := pkg + ":" + key
		if seen[id] || ix.decls[key] == nil {
			return
		}
		seen[id] = true
		ast.Inspect(ix.decls[key].Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			to, toKey := pkg, ""
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				toKey = fn.Name
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && pkgs[x.Name] != nil && x.Name != pkg {
					to, toKey = x.Name, fn.Sel.Name
				} else if keys := ix.methods[fn.Sel.Name]; len(keys) == 1 {
					toKey = keys[0]
				}
			}
			if pkgs[to].decls[toKey] != nil {
				edges = append(edges, [2]string{id, to + ":" + toKey})
				walk(to, toKey)
			}
			return true
		})
	}
	walk("transfer", entry)
	return edges
}

// TestDownloadRouteReadsInStageOrder keeps the download flow cut by stage: from runDownload, no
// call goes back to a file of an earlier stage (so any route to the final rename visits each
// file once, in order), no other file calls into the flow's files, and the flow's own files
// read top-down (a function is written below the one that calls it).
func TestDownloadRouteReadsInStageOrder(t *testing.T) {
	checkRoute(t, "runDownload", downloadStages, 2)
}

// TestUploadRouteReadsInStageOrder is the same for an upload, from runUpload.
func TestUploadRouteReadsInStageOrder(t *testing.T) {
	checkRoute(t, "runUpload", uploadStages, 1)
}

// checkRoute checks the calls reached from entry against stages; the first flowFiles of them are
// the flow itself, which must read top-down.
func checkRoute(t *testing.T, entry string, stages []string, flowFiles int) {
	t.Helper()
	pkgs := map[string]*funcIndex{"transfer": parsePackage(t, ".", "transfer"), "safefile": parsePackage(t, "../safefile", "safefile")}
	file := func(id string) string {
		pkg, key, _ := strings.Cut(id, ":")
		return pkgs[pkg].file[key]
	}
	pos := func(id string) token.Pos {
		pkg, key, _ := strings.Cut(id, ":")
		return pkgs[pkg].decls[key].Pos()
	}
	edges := callEdges(pkgs, entry)
	if len(edges) < 20 {
		t.Fatalf("the walk from %s found only %d calls; is it still the entry?", entry, len(edges))
	}
	reached := map[string]bool{file("transfer:" + entry): true}
	last := len(stages) - 1
	for _, e := range edges {
		from, to := file(e[0]), file(e[1])
		reached[to] = true
		fs, ts := stageOf(stages, from), stageOf(stages, to)
		switch {
		case ts < 0:
		case fs < 0 && (ts < last || !strings.HasSuffix(stages[last], "/")):
			t.Errorf("%s (%s) calls back into the flow: %s (%s)", e[0], from, e[1], to)
		case ts < fs:
			t.Errorf("%s (%s) goes back a stage to %s (%s)", e[0], from, e[1], to)
		case from == to && fs < flowFiles && pos(e[1]) < pos(e[0]):
			t.Errorf("%s does not read top-down: it calls %s, written above it", e[0], e[1])
		}
	}
	for _, s := range stages {
		if !reached[s] && !strings.HasSuffix(s, "/") {
			t.Errorf("%s is not on the route from %s; the stage list is out of date", s, entry)
		}
	}
}
