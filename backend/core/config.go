package core

import (
	"cmp"
	"errors"
	"fmt"
	"memories-desktop/backend/i18n"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/validate"
)

// The environment a headless front end is configured by, after its flags and before the
// settings Memories Desktop saved. The key is never a flag: a flag shows it to everyone who can
// list processes.
const (
	APIKeyEnv       = "MEMORIES_API_KEY"
	BaseURLEnv      = "MEMORIES_BASE_URL"
	AssetBaseURLEnv = "MEMORIES_ASSET_BASE_URL"
)

// Overrides are a headless front end's flags; empty fields fall through to the environment,
// then to the saved settings.
type Overrides struct {
	BaseURL, AssetBaseURL string
	Scope                 string
	ScopeSet              bool // the scope flag was given, even as ""
}

// overrides is what the Service uses over the saved settings; empty means "the saved one".
type overrides struct {
	key, baseURL, assetBaseURL, scope string
	headless                          bool
}

// ConfigError is configuration refused before anything is sent: a bad flag or environment
// value, or no key. The CLI exits 2 on it.
type ConfigError struct{ Message string }

func (e *ConfigError) Error() string { return e.Message }

// resolveOverrides applies flags, then the environment, over saved, for a headless front end.
func resolveOverrides(opts Options, saved contract.Settings) (overrides, error) {
	if !opts.Headless {
		return overrides{}, nil
	}
	o, env := opts.Overrides, opts.Getenv
	if o.ScopeSet {
		if err := checkScope("--scope", o.Scope); err != nil {
			return overrides{}, err
		}
	}
	scope := cmp.Or(o.Scope, saved.Scope, api.DefaultScope)
	if err := checkScope("scope", scope); err != nil {
		return overrides{}, err
	}
	return overrides{key: env(APIKeyEnv), baseURL: cmp.Or(o.BaseURL, env(BaseURLEnv), saved.BaseURL),
		assetBaseURL: cmp.Or(o.AssetBaseURL, env(AssetBaseURLEnv), saved.AssetBaseURL), scope: scope,
		headless: true}, nil
}

func checkScope(name, scope string) error {
	var ve *api.ValidationError
	if err := validate.Scope(scope); errors.As(err, &ve) {
		return &ConfigError{i18n.T("config.invalid", i18n.Args{"Name": name, "Field": ve.Field, "Error": ve.Message})}
	}
	return nil
}

// current is the saved settings with what the front end set over them.
func (c *Service) current() contract.Settings {
	s := c.prefs.Get()
	s.BaseURL = cmp.Or(c.over.baseURL, s.BaseURL)
	s.AssetBaseURL = cmp.Or(c.over.assetBaseURL, s.AssetBaseURL)
	s.Scope = cmp.Or(c.over.scope, s.Scope)
	if c.over.headless {
		s.Sandbox = false // a headless front end talks to the endpoints it was given
	}
	return s
}

// apiKey is the front end's key (MEMORIES_API_KEY for the CLI), else the stored one.
func (c *Service) apiKey() (string, error) {
	if c.over.key != "" {
		return c.over.key, nil
	}
	return c.prefs.APIKey()
}

// CheckConfig refuses, before anything is queued or sent, a configuration that could only fail:
// no key, or endpoints the client cannot use.
func (c *Service) CheckConfig() error {
	if c.SandboxActive() {
		return nil
	}
	if key, _ := c.apiKey(); key == "" {
		return &ConfigError{i18n.T("config.noKey", i18n.Args{"Env": APIKeyEnv})}
	}
	if _, err := c.Client(); err != nil {
		return &ConfigError{err.Error()}
	}
	return nil
}

// DatabaseDirs are the folders whose databases Start(dataDir, opts) would open, without opening
// them (the CLI's doctor checks them): the data folder's own, then the profile's if it differs.
func DatabaseDirs(dataDir string, opts Options) ([]string, error) {
	opts = withDefaults(opts)
	saved, err := settings.Load(dataDir)
	if err != nil {
		return nil, fmt.Errorf("read the app's settings: %w", err)
	}
	over, err := resolveOverrides(opts, saved)
	if err != nil {
		return nil, err
	}
	sandbox := opts.ForceSandbox || (!opts.Headless && saved.Sandbox)
	profile := settings.ProfileDir(dataDir, sandbox, cmp.Or(over.baseURL, saved.BaseURL),
		cmp.Or(over.assetBaseURL, saved.AssetBaseURL))
	if profile == dataDir {
		return []string{dataDir}, nil
	}
	return []string{dataDir, profile}, nil
}

// Scope is the scope work goes to: the front end's, else the saved one.
func (c *Service) Scope() string { return c.current().Scope }

// ResolveDataDir picks the data folder: the flag, else MEMORIES_DATA_DIR, else the app's.
func ResolveDataDir(flag string, env func(string) string) (string, error) {
	dir := cmp.Or(flag, env(settings.DataDirEnv))
	if dir == "" {
		return settings.DataDir()
	}
	return filepath.Abs(dir)
}

// getenv is the process's environment, for front ends that pass none.
func getenv(name string) string { return os.Getenv(name) }

// noDialogs is the Dialogs of a front end without any (the CLI): every dialog is refused.
type noDialogs struct{}

var errNoDialogs = errors.New("this front end has no dialogs")

func (noDialogs) ChooseFolder(string, string) (string, error)             { return "", errNoDialogs }
func (noDialogs) ChooseFiles(string, string, Filter) ([]string, error)    { return nil, errNoDialogs }
func (noDialogs) SaveFile(string, string, string, Filter) (string, error) { return "", errNoDialogs }
func (noDialogs) Confirm(string, string, string, string) bool             { return false }
