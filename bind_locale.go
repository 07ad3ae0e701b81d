package main

import (
	"os"
	"strings"
)

// SystemLocale is the language the system asks for, as a BCP 47 tag ("de-DE", "zh-CN"; "en"
// when nothing is set): MEMORIES_LANG when set (the override the CLI shares), else on Linux
// LC_ALL, LC_MESSAGES or LANG, the first one set, as gettext reads them. The UI picks its
// catalogue from it unless Settings names a language.
func (a *App) SystemLocale() (_ string, err error) {
	defer settle(&err)
	return systemLocale(os.Getenv), nil
}

// systemLocale turns a POSIX locale ("zh_CN.UTF-8", "de_DE@euro") into a BCP 47 tag; "C" and
// "POSIX" are English.
func systemLocale(getenv func(string) string) string {
	for _, name := range []string{"MEMORIES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		if v == "C" || v == "POSIX" || v == "" {
			return "en"
		}
		return strings.ReplaceAll(v, "_", "-")
	}
	return "en"
}
