// Package settings holds the user's preferences and the API key. Preferences are a small JSON
// file written atomically; the key lives in the OS keychain, or in a 0600 file where none exists.
package settings

import (
	"errors"
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
		return &FieldError{"scope", sentence(ve.Message)}
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
		return &FieldError{field, "Enter a full address such as https://api.memories.ai."}
	case u.Scheme != "https" && u.Scheme != "http":
		return &FieldError{field, "The address must start with https:// (or http:// for a local sandbox)."}
	case u.User != nil:
		return &FieldError{field, "Do not put a user name or key in the address; set the API key separately."}
	case u.Scheme == "http" && !api.IsLoopbackHost(u.Hostname()):
		return &FieldError{field, sentence(api.PlainHTTPRefused)}
	case u.RawQuery != "" || u.Fragment != "":
		return &FieldError{field, "The address may not contain ? or #."}
	}
	return nil
}

func checkDownloadDir(dir string) *FieldError {
	if dir == "" {
		return nil
	}
	if !filepath.IsAbs(dir) {
		return &FieldError{"downloadDir", "Choose a full folder path."}
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return &FieldError{"downloadDir", "This folder does not exist."}
	}
	return nil
}

func checkTheme(theme string) *FieldError {
	switch theme {
	case ThemeSystem, ThemeLight, ThemeDark:
		return nil
	}
	return &FieldError{"theme", "Theme must be system, light or dark."}
}

// languageTag is the shape of a BCP 47 tag; which languages exist is the UI's to know.
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$`)

func checkLanguage(tag string) *FieldError {
	if tag == "" || languageTag.MatchString(tag) {
		return nil
	}
	return &FieldError{"language", "Language must be a language tag such as de or zh-Hans, or empty for the system's."}
}

func checkConcurrency(n int) *FieldError {
	if n < 1 || n > 8 {
		return &FieldError{"concurrency", "Parallel transfers must be between 1 and 8."}
	}
	return nil
}

func checkHistoryDays(n int) *FieldError {
	if n < 0 || n > 3650 {
		return &FieldError{"historyDays", "Keep history for 0 (forever) to 3650 days."}
	}
	return nil
}
