package core

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "memories-desktop/"

// layers is the package picture, bottom first. The rule: a package imports packages of its own
// layer or below, never above. The contract (the types and names the front ends and the engine
// share) sits just above the leaves it is made of, so everything else can use its types directly
// and nothing needs an alias.
var layers = [][]string{
	// leaves: import nothing of ours
	{"backend/contract/choice", "backend/contract/conn", "backend/contract/errcode", "backend/contract/jobkind",
		"backend/contract/jobstate", "backend/contract/mode", "backend/events", "backend/version", "backend/formats",
		"backend/media", "backend/clock", "backend/safefile", "backend/applog", "backend/notify"},
	{"backend/contract"},
	// parts of the engine
	{"backend/api", "backend/sources", "backend/progress", "backend/store", "backend/diskcache", "backend/preview",
		"backend/sandbox", "backend/subtitle", "backend/pacing", "backend/validate", "backend/preflight",
		"backend/settings", "backend/clock/clocktest", "backend/media/mediatest", "backend/autostart",
		"backend/notify/notifytest", "backend/i18n"},
	{"backend/transfer", "backend/watch"},
	{"backend/core"},
	// the front ends
	{"", "cmd/memories"},
}

// TestNoPackageImportsUp checks every package of backend/ and the two front ends against the
// picture above; a package the picture does not place fails too, so a new one is placed.
func TestNoPackageImportsUp(t *testing.T) {
	layer := map[string]int{}
	for i, names := range layers {
		for _, n := range names {
			layer[strings.TrimSuffix(module+n, "/")] = i
		}
	}
	dirs := append(packageDirs(t, "../../backend"), "../..", "../../cmd/memories")
	for _, dir := range dirs {
		path := importPath(dir)
		own, placed := layer[path]
		if !placed {
			t.Errorf("%s is not in the package picture (layers_test.go)", path)
			continue
		}
		for _, up := range importsAbove(frontEndImports(t, dir), layer, own) {
			t.Errorf("%s (layer %d) imports %s (layer %d): imports run down only", path, own, up, layer[up])
		}
	}
}

// importsAbove lists the imports of ours that sit in a layer above own (unplaced ones included).
func importsAbove(imports map[string]bool, layer map[string]int, own int) []string {
	var out []string
	for imp := range imports {
		if l, ok := layer[imp]; strings.HasPrefix(imp, module) && (!ok || l > own) {
			out = append(out, imp)
		}
	}
	return out
}

// TestLayerRuleSeesAnImportUp proves the rule can fail: store importing core is reported.
func TestLayerRuleSeesAnImportUp(t *testing.T) {
	layer := map[string]int{module + "backend/store": 2, module + "backend/core": 4, module + "backend/contract": 1}
	got := importsAbove(map[string]bool{module + "backend/core": true, module + "backend/contract": true}, layer, 2)
	if len(got) != 1 || got[0] != module+"backend/core" {
		t.Fatalf("imports above = %v, want just backend/core", got)
	}
}

// packageDirs lists the directories under root holding non-test Go files.
func packageDirs(t *testing.T, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		if dir := filepath.Dir(p); !seen[dir] {
			seen[dir] = true
			out = append(out, dir)
		}
		return nil
	})
	if err != nil || len(out) < 20 {
		t.Fatalf("found %d packages under %s: %v", len(out), root, err)
	}
	return out
}

// importPath is dir's import path (dir is relative to this package).
func importPath(dir string) string {
	wd, _ := os.Getwd()
	rel, _ := filepath.Rel(filepath.Join(wd, "../.."), filepath.Join(wd, dir))
	if rel == "." {
		return strings.TrimSuffix(module, "/")
	}
	return module + filepath.ToSlash(rel)
}
