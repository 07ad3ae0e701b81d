package formats

import (
	"strings"
	"testing"
)

func TestForNameIgnoresCaseAndFolders(t *testing.T) {
	for name, want := range map[string]string{
		"a.mp4": "video/mp4", "/x/B.MOV": "video/quicktime", "c.Avi": "video/x-msvideo",
		"dir.mp4/d.mkv": "video/x-matroska", "e.webm": "", "noext": "", ".mp4.txt": "",
	} {
		got, ok := ContentType(name)
		if got != want || ok != (want != "") {
			t.Errorf("ContentType(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestEveryFormatIsAVideoWithANameAndALowerCaseExtension(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range All() {
		if !strings.HasPrefix(f.MIME, "video/") || f.Name == "" || f.Ext != strings.ToLower(f.Ext) ||
			!strings.HasPrefix(f.Ext, ".") || seen[f.Ext] {
			t.Errorf("bad or repeated format %+v", f)
		}
		seen[f.Ext] = true
	}
	if len(seen) != 4 {
		t.Fatalf("formats = %v, want the 4 the endpoint accepts", Extensions())
	}
}

func TestListAndAllAreCopies(t *testing.T) {
	if got := List("or"); got != ".mp4, .mov, .avi or .mkv" {
		t.Fatalf("List = %q", got)
	}
	All()[0].Ext = ".changed"
	Extensions()[0] = ".changed"
	if table[0].Ext != ".mp4" {
		t.Fatal("a caller changed the table")
	}
}
