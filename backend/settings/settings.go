// Package settings holds the user's preferences and the API key. Preferences are a small JSON
// file written atomically; the key lives in the OS keychain, or in a 0600 file where none exists.
package settings

import (
	"errors"
	"memories-desktop/backend/i18n"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/validate"
)

// Defaults for a fresh install: the client's scope and production hosts, named once in api.
const (
	DefaultConcurrency = 2
	DefaultHistoryDays = 180
)

// Themes the UI understands; "system" follows the OS.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// Defaults returns the settings a new user starts with.
func Defaults() contract.Settings {
	return contract.Settings{
		Scope:        api.DefaultScope,
		BaseURL:      api.DefaultBaseURL,
		AssetBaseURL: api.DefaultAssetBaseURL,
		DownloadDir:  defaultDownloadDir(),
		Theme:        ThemeSystem,
		Concurrency:  DefaultConcurrency,
		Pacing:       true,
		HistoryDays:  DefaultHistoryDays,
	}
}

// FieldError names the setting that is wrong so the UI can show the message beside it.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Key     string `json:"key,omitempty"` // the catalogue id Message was worded from
}

// invalid is the FieldError of field worded from the catalogue message id.
func invalid(field, id string) *FieldError {
	return &FieldError{Field: field, Message: i18n.T(id), Key: id}
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Normalize trims whitespace and fills empty fields with defaults, so that a half-filled form
// still saves something usable.
func Normalize(s contract.Settings) contract.Settings {
	d := Defaults()
	s.Scope = strings.TrimSpace(s.Scope)
	s.BaseURL = strings.TrimRight(strings.TrimSpace(s.BaseURL), "/")
	s.AssetBaseURL = strings.TrimRight(strings.TrimSpace(s.AssetBaseURL), "/")
	s.DownloadDir = strings.TrimSpace(s.DownloadDir)
	s.Language = strings.TrimSpace(s.Language)
	fill(&s.Scope, d.Scope)
	fill(&s.BaseURL, d.BaseURL)
	fill(&s.AssetBaseURL, d.AssetBaseURL)
	fill(&s.Theme, d.Theme)
	if s.Concurrency == 0 {
		s.Concurrency = d.Concurrency
	}
	return s
}

func fill(field *string, def string) {
	if *field == "" {
		*field = def
	}
}

// Validate reports the first invalid field with a message a person can act on.
func Validate(s contract.Settings) error {
	checks := []func() *FieldError{
		func() *FieldError { return checkScope(s.Scope) },
		func() *FieldError { return checkBaseURL("baseUrl", s.BaseURL) },
		func() *FieldError { return checkBaseURL("assetBaseUrl", s.AssetBaseURL) },
		func() *FieldError { return checkDownloadDir(s.DownloadDir) },
		func() *FieldError { return checkTheme(s.Theme) },
		func() *FieldError { return checkLanguage(s.Language) },
		func() *FieldError { return checkConcurrency(s.Concurrency) },
		func() *FieldError { return checkHistoryDays(s.HistoryDays) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

// checkScope applies the scope rule shared with the CLI (package validate).
func checkScope(scope string) *FieldError {
	var ve *api.ValidationError
	if errors.As(validate.Scope(scope), &ve) {
		return &FieldError{Field: "scope", Message: sentence(ve.Message)}
	}
	return nil
}

// sentence starts a message with a capital and ends it with a full stop, as the form shows them.
func sentence(msg string) string {
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

func checkBaseURL(field, raw string) *FieldError {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Host == "":
		return invalid(field, "settings.urlFull")
	case u.Scheme != "https" && u.Scheme != "http":
		return invalid(field, "settings.urlScheme")
	case u.User != nil:
		return invalid(field, "settings.urlUser")
	case u.Scheme == "http" && !api.IsLoopbackHost(u.Hostname()):
		return invalid(field, "settings.urlPlainHTTP")
	case u.RawQuery != "" || u.Fragment != "":
		return invalid(field, "settings.urlQuery")
	}
	return nil
}

func checkDownloadDir(dir string) *FieldError {
	if dir == "" {
		return nil
	}
	if !filepath.IsAbs(dir) {
		return invalid("downloadDir", "settings.dirAbsolute")
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return invalid("downloadDir", "settings.dirMissing")
	}
	return nil
}

func checkTheme(theme string) *FieldError {
	switch theme {
	case ThemeSystem, ThemeLight, ThemeDark:
		return nil
	}
	return invalid("theme", "settings.theme")
}

// languageTag is the shape of a BCP 47 tag; which languages exist is the UI's to know.
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$`)

func checkLanguage(tag string) *FieldError {
	if tag == "" || languageTag.MatchString(tag) {
		return nil
	}
	return invalid("language", "settings.language")
}

func checkConcurrency(n int) *FieldError {
	if n < 1 || n > 8 {
		return invalid("concurrency", "settings.concurrency")
	}
	return nil
}

func checkHistoryDays(n int) *FieldError {
	if n < 0 || n > 3650 {
		return invalid("historyDays", "settings.historyDays")
	}
	return nil
}
