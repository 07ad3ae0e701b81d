package formats_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/core"
	"memories-desktop/backend/formats"
	"memories-desktop/backend/preflight"
)

var webm = formats.Format{Ext: ".webm", MIME: "video/webm", Name: "WebM video"}

// A format added to the table is accepted by pre-flight, typed by the client, offered by the
// dialogs and named in the UI text: none of them keeps a copy of its own.
func TestEveryConsumerFollowsTheTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "clip.WEBM")
	if err := os.WriteFile(path, []byte("not really a video"), 0o600); err != nil {
		t.Fatal(err)
	}
	if v := preflight.CheckFile(path); v.Code != preflight.CodeUnsupportedExt {
		t.Fatalf("before: pre-flight code %q, want %q", v.Code, preflight.CodeUnsupportedExt)
	}
	defer formats.Add(webm)()
	if v := preflight.CheckFile(path); v.Code == preflight.CodeUnsupportedExt {
		t.Fatalf("pre-flight still refuses the extension: %s", v.Reason)
	}
	if got := uploadedPartType(t, "clip.WebM"); got != "video/webm" {
		t.Fatalf("client typed the part %q", got)
	}
	if f := core.VideoFilter(); !strings.Contains(f.Name, "webm") || !strings.Contains(f.Pattern, "*.webm;") ||
		!strings.Contains(f.Pattern, "*.WEBM") {
		t.Fatalf("dialog filter %+v", f)
	}
	if f := core.FilterFor("a.webm"); f.Name != "WebM video (.webm)" {
		t.Fatalf("save filter %+v", f)
	}
	if r := core.Rules(); !strings.HasSuffix(r.Extensions, " .mkv .webm") || r.Formats[len(r.Formats)-1] != webm {
		t.Fatalf("UI rules %+v", r)
	}
}

// A refused extension is named in pre-flight's reason from the table too.
func TestPreflightReasonListsTheTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("a link"), 0o600); err != nil {
		t.Fatal(err)
	}
	defer formats.Add(webm)()
	v := preflight.CheckFile(path)
	if !strings.Contains(v.Reason, ".mkv or .webm") {
		t.Fatalf("reason %q", v.Reason)
	}
}

// uploadedPartType uploads a few bytes as name and returns the Content-Type of the file part the
// server received.
func uploadedPartType(t *testing.T, name string) string {
	parts := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, header, err := r.FormFile("file")
		if err != nil {
			t.Errorf("no file part: %v", err)
			return
		}
		parts <- header.Header.Get("Content-Type")
		json.NewEncoder(w).Encode(map[string]any{"code": "0000", "msg": "success", "success": true,
			"data": map[string]string{"videoNo": "VI1", "videoStatus": "UNPARSE"}})
	}))
	defer srv.Close()
	c, err := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	body := strings.NewReader("abc")
	if _, err := c.UploadFile(context.Background(), api.UploadFileRequest{Name: name, Size: 3, Body: body}); err != nil {
		t.Fatal(err)
	}
	return <-parts
}

// The Linux desktop entry is a static file, so it cannot read the table: this keeps "Open with"
// offering exactly the formats the app accepts.
func TestDesktopEntryOpensExactlyTheTablesFormats(t *testing.T) {
	data, err := os.ReadFile("../../build/linux/memories-desktop.desktop")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range formats.All() {
		want = append(want, f.MIME)
	}
	line := "MimeType=" + strings.Join(want, ";") + ";"
	if !strings.Contains(string(data), "\n"+line+"\n") {
		t.Fatalf("the desktop entry should say %q", line)
	}
}
