package api

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitizeFilename(t *testing.T) {
	long := strings.Repeat("é", 150) + ".mp4" // 304 bytes
	cases := []struct{ name, in, want string }{
		{"plain", "clip.mp4", "clip.mp4"},
		{"unicode kept", "été à Paris 🎬.mov", "été à Paris 🎬.mov"},
		{"unix traversal", "../../etc/passwd", "passwd"},
		{"windows path", `C:\x\y.mp4`, "y.mp4"},
		{"mixed separators", `a/b\..\c.mp4`, "c.mp4"},
		{"nul byte", "a\x00b.mp4", "a_b.mp4"},
		{"newline", "a\nb\r.mp4", "a_b_.mp4"},
		{"reserved characters", `a<b>c:d"e|f?g*h.mp4`, "a_b_c_d_e_f_g_h.mp4"},
		{"bidi override", "clip\u202egpj.exe", "clip_gpj.exe"},
		{"dots and spaces trimmed", " .hidden.mp4. . ", "hidden.mp4"},
		{"dot runs collapsed", "a..b...mp4", "a.b.mp4"},
		{"device name", "CON", "_CON"},
		{"device name with extension", "nul.mp4", "_nul.mp4"},
		{"device name lookalike kept", "CONSOLE.mp4", "CONSOLE.mp4"},
		{"com port", "com1.txt", "_com1.txt"},
		{"invalid utf8", "a\xffb.mp4", "a_b.mp4"},
		{"only dots", "..", "fallback.mp4"},
		{"empty", "", "fallback.mp4"},
		{"only separators", "///", "fallback.mp4"},
		{"trailing separator", "dir/", "fallback.mp4"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := SanitizeFilename(tc.in, "fallback.mp4"); got != tc.want {
				t.Fatalf("SanitizeFilename(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("long name keeps extension", func(t *testing.T) {
		got := SanitizeFilename(long, "x")
		if len(got) > MaxFilenameBytes || !strings.HasSuffix(got, ".mp4") || !utf8.ValidString(got) ||
			!strings.HasPrefix(got, "ééé") {
			t.Fatalf("got %q (%d bytes)", got, len(got))
		}
	})
	t.Run("hostile fallback", func(t *testing.T) {
		if got := SanitizeFilename("", "../"); got != "download" {
			t.Fatalf("got %q", got)
		}
	})
}

func TestFilenameFromContentDisposition(t *testing.T) {
	cases := []struct{ name, header, want string }{
		{"none", "", ""},
		{"inline without name", "inline", ""},
		{"quoted", `attachment; filename="clip one.mp4"`, "clip one.mp4"},
		{"token", `attachment; filename=clip.mp4`, "clip.mp4"},
		{"escaped quote", `attachment; filename="a\"b.mp4"`, "a_b.mp4"},
		{"extended wins", `attachment; filename="plain.mp4"; filename*=UTF-8''%E2%82%AC%20rates.mp4`, "€ rates.mp4"},
		{"extended only", `attachment; filename*=utf-8'en'caf%C3%A9.mov`, "café.mov"},
		{"extended with slash", `attachment; filename*=UTF-8''%2Fetc%2Fpasswd`, "passwd"},
		{"extended with dotdot", `attachment; filename*=UTF-8''..%2F..%2F.ssh%2Fauthorized_keys`, "authorized_keys"},
		{"extended nul", `attachment; filename*=UTF-8''a%00b.mp4`, "a_b.mp4"},
		{"unsupported charset falls back", `attachment; filename="plain.mp4"; filename*=ISO-8859-1''caf%E9.mov`, "plain.mp4"},
		{"traversal", `attachment; filename="../../etc/passwd"`, "passwd"},
		{"windows", `attachment; filename="C:\\x\\y.mp4"`, "y.mp4"},
		{"malformed unquoted spaces", `attachment; filename=my clip.mp4`, "my clip.mp4"},
		{"malformed duplicate", `attachment; filename="a.mp4"; filename="b/../c.mp4"`, "c.mp4"},
		{"malformed extended", `attachment; filename*=UTF-8''x%2Fy.mp4; filename*=UTF-8''z.mp4`, "z.mp4"},
		{"only traversal", `attachment; filename="../.."`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := FilenameFromContentDisposition(tc.header); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("very long", func(t *testing.T) {
		got := FilenameFromContentDisposition(`attachment; filename="` + strings.Repeat("a", 5000) + `.mkv"`)
		if len(got) != MaxFilenameBytes-1 || !strings.HasSuffix(got, "a.mkv") {
			t.Fatalf("got %d bytes %q…", len(got), got[:10])
		}
	})
}

// checkSafeFilename fails unless s meets every promise SanitizeFilename makes.
func checkSafeFilename(t *testing.T, in, s string) {
	t.Helper()
	switch {
	case s == "" || s == "." || s == "..":
		t.Fatalf("%q → unusable %q", in, s)
	case len(s) > MaxFilenameBytes || !utf8.ValidString(s):
		t.Fatalf("%q → %d bytes, valid UTF-8 %v", in, len(s), utf8.ValidString(s))
	case strings.ContainsAny(s, `/\<>:"|?*`) || strings.Contains(s, ".."):
		t.Fatalf("%q → %q keeps a separator, reserved character or ..", in, s)
	case strings.ContainsFunc(s, unicode.IsControl):
		t.Fatalf("%q → %q keeps a control character", in, s)
	case strings.Trim(s, ". ") != s || isReservedDeviceName(s):
		t.Fatalf("%q → %q has edge dots/spaces or is a device name", in, s)
	}
}

func FuzzSanitizeFilename(f *testing.F) {
	for _, seed := range []string{"clip.mp4", "../../etc/passwd", `C:\x\y.mp4`, "a\x00b", "\n", "CON.mp4",
		"..", ". .", strings.Repeat("é", 120) + ".mp4", "\xff\xfe", "a/b/", "\u202e.exe", "com1 .txt"} {
		f.Add(seed, "fallback.mp4")
	}
	f.Add("", "")
	f.Add("..", "../..")
	f.Fuzz(func(t *testing.T, name, fallback string) {
		checkSafeFilename(t, name, SanitizeFilename(name, fallback))
		if s := FilenameFromContentDisposition(`attachment; filename="` + name + `"`); s != "" {
			checkSafeFilename(t, name, s)
		}
	})
}
