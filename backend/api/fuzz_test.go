package api

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEnvelope: any body decodes or is refused without a panic, and an envelope never counts
// as a success when it carries an error code.
func FuzzEnvelope(f *testing.F) {
	for _, s := range []string{`{"code":"0000","msg":"ok","data":{}}`, `{"code":"0429","msg":"limit"}`,
		`{"code":200,"data":null}`, `{"code":401}`, `{"success":true}`, `{"success":true,"failed":true}`,
		`{"timestamp":1,"status":502,"error":"Bad Gateway"}`, `<html>`, `null`, `[]`, `{"code":1e400}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		env, ok := decodeEnvelope(body)
		if !ok {
			return
		}
		env.message()
		env.Code.number()
		if env.succeeded() && env.Code.text != "" && env.Code.text != "0000" && env.Code.text != "200" {
			t.Fatalf("%s counts as success with code %q", body, env.Code.text)
		}
	})
}

// FuzzContentDisposition: whatever header a server sends, the name is "" or a safe base name.
func FuzzContentDisposition(f *testing.F) {
	for _, s := range []string{`attachment; filename="clip.mp4"`, `attachment; filename*=UTF-8''%C3%A9t%C3%A9.mp4`,
		`attachment; filename=../../x.mp4`, `inline; filename="a\"b.mp4"; filename*=UTF-8''..%2F..%2Fetc`,
		`attachment; filename=a b c.mp4; filename=d.mp4`, `attachment; filename*=UTF-8''%ZZ`, `;;;`, ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		name := FilenameFromContentDisposition(h)
		switch {
		case name == "":
		case strings.ContainsAny(name, "/\\") || name == "." || name == "..":
			t.Fatalf("%q → %q is a path", h, name)
		case !utf8.ValidString(name) || len(name) > 200:
			t.Fatalf("%q → %q: invalid UTF-8 or over 200 bytes", h, name)
		case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
			t.Fatalf("%q → %q keeps a control character", h, name)
		}
	})
}
