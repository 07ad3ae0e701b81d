package i18n

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestMatchPicksTheShippedLanguage(t *testing.T) {
	for locale, want := range map[string]string{
		"zh_CN.UTF-8": "zh-Hans", "zh_SG": "zh-Hans", "zh-Hans-CN": "zh-Hans", "zh": "zh-Hans",
		"zh_TW.UTF-8": "en", // Traditional Chinese is not Simplified
		"de_DE.UTF-8": "de", "de_AT@euro": "de", "es_ES.UTF-8": "es", "es-MX": "es",
		"en_GB.UTF-8": "en", "fr_FR.UTF-8": "en", "C": "en", "POSIX": "en", "C.UTF-8": "en", "": "en",
		"x-pseudo": Pseudo, "pseudo": Pseudo, "en-XA": Pseudo, "garbage!!": "en",
	} {
		if got := Match(locale); got != want {
			t.Errorf("Match(%q) = %q, want %q", locale, got, want)
		}
	}
}

func TestFromEnvFollowsPOSIXOrderWithTheOverrideFirst(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	for _, c := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"LANG": "de_DE.UTF-8"}, "de"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_ES", "LC_ALL": "zh_CN.UTF-8"}, "zh-Hans"},
		{map[string]string{"LC_ALL": "zh_CN.UTF-8", "MEMORIES_LANG": "de"}, "de"},
		{map[string]string{"LANG": "C"}, "en"},
		{map[string]string{}, "en"},
	} {
		if got := FromEnv(env(c.vars)).Tag(); got != c.want {
			t.Errorf("FromEnv(%v) = %s, want %s", c.vars, got, c.want)
		}
	}
}

func TestPluralsAndPlaceholders(t *testing.T) {
	en, de, zh := New("en"), New("de"), New("zh-Hans")
	args := func(n int) Args { return Args{"Count": n, "Scope": "trips"} }
	for _, c := range []struct{ got, want string }{
		{en.T("list.count", args(1)), `1 video in scope "trips"`},
		{en.T("list.count", args(1234)), `1,234 videos in scope "trips"`},
		{de.T("list.count", args(1)), `1 Video im Bereich "trips"`},
		{de.T("list.count", args(1234)), `1.234 Videos im Bereich "trips"`},
		{zh.T("list.count", args(2)), `范围 "trips" 中有 2 个视频`},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestSizesAndDurationsFollowTheLanguage(t *testing.T) {
	en, de := New("en"), New("de")
	for _, c := range []struct{ got, want string }{
		{en.Size(512), "512 bytes"},
		{en.Size(1), "1 byte"},
		{en.Size(12*1024*1024 + 100), "12.0 MiB"},
		{de.Size(12*1024*1024 + 100), "12,0 MiB"},
		{en.Rate(2048), "2.0 KiB/s"},
		{en.Duration(500 * time.Millisecond), "0.5 s"},
		{en.Duration(45 * time.Second), "45 s"},
		{en.Duration(2 * time.Minute), "2 min"},
		{en.Duration(125 * time.Second), "2 min 5 s"},
		{en.Duration(time.Hour + 3*time.Minute), "1 h 3 min"},
		{en.Duration(49 * time.Hour), "2 d 1 h"},
		{New("zh-Hans").Duration(125 * time.Second), "2 分 5 秒"},
		{de.DateTime(time.Date(2026, 3, 4, 5, 6, 7, 0, time.Local)), "04.03.2026 05:06:07"},
		{en.SizeAtLeast(3<<30 + 1), "3.1 GiB"},
		{en.Size(3<<30 + 1), "3.0 GiB"},
		{de.Decimal(29.97, 3), "29,97"},
		{en.Decimal(30, 3), "30"},
		{de.Fixed(0.5, 3), "0,500"},
		{en.Fixed(0.8734, 3), "0.873"},
		{de.Coordinates(48.8584, 2.2945), "48,8584, 2,2945"},
		{en.Coordinates(-33.5, 151.25), "-33.5, 151.25"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// The pseudo-locale keeps names and numbers, accents every letter of ours, brackets the
// message and makes it about 40 % longer, so a layout and a test can see untranslated text.
func TestPseudoLocale(t *testing.T) {
	p := New(Pseudo)
	got := p.T("list.count", Args{"Count": 3, "Scope": "trips"})
	if !strings.HasPrefix(got, "[") || !strings.HasSuffix(got, "]") || !strings.Contains(got, `"trips"`) ||
		!strings.Contains(got, "3 ") {
		t.Fatalf("pseudo = %q", got)
	}
	plain := New("en").T("list.count", Args{"Count": 3, "Scope": "trips"})
	if n, want := len([]rune(got)), len([]rune(plain))*13/10; n < want {
		t.Errorf("pseudo %q is %d runes, want at least %d (English %q)", got, n, want, plain)
	}
	inner := strings.ReplaceAll(got, "trips", "")
	for _, r := range inner {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			t.Fatalf("pseudo %q keeps the ASCII letter %q", got, r)
		}
	}
}

func TestDefaultIsEnglishUntilSet(t *testing.T) {
	t.Cleanup(func() { SetDefault(English) })
	if Default().Tag() != "en" {
		t.Fatalf("default = %s", Default().Tag())
	}
	SetDefault(New("es"))
	if got := T("error.cancelled"); got != "La operación se canceló." {
		t.Fatalf("T = %q", got)
	}
}
