package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// Answers that are not the file are never saved as it: an HTML page, a JSON error sent as
// octet-stream, an empty body and a gzip-encoded body each fail the job with a message naming
// what arrived, leaving nothing under the final name and no partial file.
func TestNonMediaAnswersAreNotSaved(t *testing.T) {
	e := newFaultEnv(t)
	var zipped bytes.Buffer
	z := gzip.NewWriter(&zipped)
	z.Write(e.data)
	z.Close()
	for _, c := range []struct {
		name, says string
		answer     func(w http.ResponseWriter)
	}{
		{"HTML page", "web page", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("\n<!DOCTYPE html>" + htmlPage))
		}},
		{"JSON as octet-stream", "JSON", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte(`{"code":"0500","msg":"internal error"}`))
		}},
		{"empty body", "empty file", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "video/mp4")
			w.Header().Set("Content-Length", "0")
		}},
		{"gzip-encoded body", "gzip-encoded", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "video/mp4")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(zipped.Bytes())
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e.setHook(onDownloadWhile(func() bool { return true }, c.answer))
			r := e.fetch(t, 1)
			wantSays(t, r, c.says, "nothing was saved")
			e.wantNothingFinal(t)
			if left, _ := os.ReadDir(e.out); len(left) != 0 {
				t.Fatalf("left in the folder: %v", left)
			}
		})
	}
}

// A server-chosen name with a program's extension is saved under the video's .mp4 instead.
func TestRunnableExtensionIsNotKept(t *testing.T) {
	e := newFaultEnv(t)
	e.setHook(onDownloadWhile(func() bool { return true }, func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="clip.EXE"`)
		w.Write(e.data)
	}))
	e.run("", "download-asset", "-o", e.out, e.asset).want(t, 0)
	if got, _ := os.ReadFile(filepath.Join(e.out, "clip.mp4")); !bytes.Equal(got, e.data) {
		names, _ := os.ReadDir(e.out)
		t.Fatalf("clip.mp4 holds %d bytes; the folder has %v", len(got), names)
	}
	if _, err := os.Lstat(filepath.Join(e.out, "clip.EXE")); err == nil {
		t.Fatal("saved under the server's .EXE name")
	}
}
