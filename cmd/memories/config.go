package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/pacing"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/version"
)

// common are the flags every API command takes. Flags override the environment, which
// overrides what Memories Desktop saved.
type common struct {
	json         bool
	scope        string
	scopeGiven   bool // --scope was on the command line, even as ""
	baseURL      string
	assetBaseURL string
	dataDir      string
}

func (o *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&o.json, "json", false, "print one JSON object per line on stdout")
	fs.Func("scope", "scope (unique_id); default: the app's setting, else \"default\"", func(v string) error {
		o.scope, o.scopeGiven = v, true
		return nil
	})
	fs.StringVar(&o.baseURL, "base-url", "", "API base URL (env MEMORIES_BASE_URL)")
	fs.StringVar(&o.assetBaseURL, "asset-base-url", "", "asset base URL (env MEMORIES_ASSET_BASE_URL)")
	fs.StringVar(&o.dataDir, "data-dir", "", "data folder (env MEMORIES_DATA_DIR)")
}

// config is the resolved configuration for one run.
type config struct {
	client *api.Client
	// pacer paces client: in-process for commands without the database (list, status, which
	// must work while the app holds it); startSession replaces it with the profile's saved one.
	pacer   *pacing.Pacer
	scope   string
	homeDir string // the data folder
	dataDir string // the database folder of the endpoints' profile (settings.ProfileDir)
	out     *printer
	// responseTimeout is how long a sent request waits for its answer (MEMORIES_RESPONSE_TIMEOUT).
	responseTimeout time.Duration
}

// resolve builds the API client. The key comes only from MEMORIES_API_KEY or the app's key
// store: a flag would show it to everyone who can list processes.
func (o *common) resolve(c *cli) (*config, error) { return o.resolveFor(c, true) }

// resolveFor builds the configuration; needKey false allows commands that send nothing.
func (o *common) resolveFor(c *cli, needKey bool) (*config, error) {
	saved, dataDir, err := o.savedSettings(c)
	if err != nil {
		return nil, err
	}
	c.openLog(dataDir)
	key := c.getenv("MEMORIES_API_KEY")
	if key == "" && needKey {
		key, _ = settings.NewSecretStore(dataDir).Get()
	}
	if key == "" && needKey {
		return nil, usagef("no API key: set MEMORIES_API_KEY or save a key in Memories Desktop's Settings")
	}

	base, asset := o.endpoints(c, saved)
	timeout, hc, err := responseTimeout(c.getenv("MEMORIES_RESPONSE_TIMEOUT"))
	if err != nil {
		return nil, err
	}
	pacer := newPacer(c, nil)
	client, err := api.New(api.Config{
		Gate:         pacer.Gate(),
		BaseURL:      base,
		AssetBaseURL: asset,
		APIKey:       key,
		UserAgent:    "memories-cli/" + version.Version,
		HTTPClient:   hc,
	})
	if err != nil {
		return nil, usagef("%v", err)
	}
	if err := checkScopeFlag("--scope", o.scope, o.scopeGiven); err != nil {
		return nil, err
	}
	scope := first(o.scope, saved.Scope, settings.DefaultScope)
	if err := checkScopeFlag("scope", scope, true); err != nil {
		return nil, err
	}
	return &config{client: client, pacer: pacer, scope: scope, homeDir: dataDir, dataDir: settings.ProfileDir(dataDir, false, base, asset),
		out: newPrinter(c, o.json), responseTimeout: timeout}, nil
}

// responseTimeout reads MEMORIES_RESPONSE_TIMEOUT: how long a sent request may wait for its
// answer (default 2 min). It also bounds how long a resumed upload waits for an earlier
// attempt that may still arrive, so tests against a slow sandbox can shorten both together.
func responseTimeout(raw string) (time.Duration, *http.Client, error) {
	d, err := api.ParseResponseTimeout(raw)
	if err != nil {
		return 0, nil, usagef("MEMORIES_RESPONSE_TIMEOUT must be a duration from 1s to 1h, like 30s")
	}
	if raw == "" {
		return d, nil, nil
	}
	return d, api.NewHTTPClientTimeout(d), nil
}

// endpoints picks the API and asset base URLs: flags, then the environment, then the app's.
func (o *common) endpoints(c *cli, saved settings.Settings) (base, asset string) {
	return first(o.baseURL, c.getenv("MEMORIES_BASE_URL"), saved.BaseURL),
		first(o.assetBaseURL, c.getenv("MEMORIES_ASSET_BASE_URL"), saved.AssetBaseURL)
}

func (o *common) savedSettings(c *cli) (settings.Settings, string, error) {
	dir := first(o.dataDir, c.getenv(settings.DataDirEnv))
	if dir == "" {
		d, err := settings.DataDir()
		if err != nil {
			return settings.Settings{}, "", err
		}
		dir = d
	}
	dir, _ = filepath.Abs(dir)
	s, err := settings.Load(dir)
	if err != nil && !os.IsNotExist(err) {
		return settings.Settings{}, "", fmt.Errorf("read the app's settings: %w", err)
	}
	return s, dir, nil
}

func first(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
