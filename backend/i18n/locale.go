package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// FromEnv picks the language from the environment: MEMORIES_LANG, then LC_ALL, LC_MESSAGES and
// LANG (POSIX order), then the system's setting where it is not in the environment (Windows,
// macOS), else English. A set variable that names no shipped language stops the search there,
// as POSIX says, and gives English.
func FromEnv(getenv func(string) string) *Localizer {
	for _, name := range []string{"MEMORIES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return New(Match(v))
		}
	}
	if sys := systemLocale(); sys != "" {
		return New(Match(sys))
	}
	return English
}

var matcher = func() language.Matcher {
	tags := make([]language.Tag, len(Languages))
	for i, l := range Languages {
		tags[i] = language.MustParse(l.Tag)
	}
	return language.NewMatcher(tags)
}()

// Match maps a locale name ("zh_CN.UTF-8", "de-AT", "C", "x-pseudo") to a shipped language tag,
// Pseudo, or "en".
func Match(locale string) string {
	name, _, _ := strings.Cut(locale, ".") // drop the encoding
	name, _, _ = strings.Cut(name, "@")    // and the modifier
	name = strings.ReplaceAll(name, "_", "-")
	switch strings.ToLower(name) {
	case "pseudo", "x-pseudo", "en-xa":
		return Pseudo
	case "", "c", "posix":
		return "en"
	}
	tag, err := language.Parse(name)
	if err != nil {
		return "en"
	}
	_, i, conf := matcher.Match(tag)
	if conf < language.High {
		return "en" // never a half-matching language (Traditional Chinese is not Simplified)
	}
	return Languages[i].Tag
}
