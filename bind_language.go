package main

import (
	"os"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// Languages lists the languages the app ships, for the language switch in Settings: each tag
// with its name in that language, English first.
func (a *App) Languages() (langs []contract.Language, err error) {
	defer settle(&err)
	return i18n.Languages, nil
}

// SetLanguage makes the Go side (native dialogs, error explanations) speak the language the
// person chose in Settings, without a restart: a shipped tag ("de", "zh-Hans"), "pseudo", or ""
// to follow the system again. It returns the tag in use.
func (a *App) SetLanguage(tag string) (inUse string, err error) {
	defer settle(&err)
	return useLanguage(tag), nil
}

// useLanguage makes the Go side speak tag ("" = the system's) and returns the tag in use. The
// app calls it with the saved choice at start and whenever Settings are saved, so the native
// dialogs follow Settings → Language with the page (the CLI keeps following LANG).
func useLanguage(tag string) string {
	l := i18n.FromEnv(systemEnv)
	if tag != "" {
		l = i18n.New(i18n.Match(tag))
	}
	i18n.SetDefault(l)
	return l.Tag()
}

// systemEnv is the environment the app's language follows (LANG and friends, MEMORIES_LANG).
func systemEnv(name string) string { return os.Getenv(name) }
