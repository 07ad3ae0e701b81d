package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/version"
)

// common are the flags every API command takes. Flags override the environment, which
// overrides what Memories Desktop saved.
type common struct {
	json         bool
	scope        string
	baseURL      string
	assetBaseURL string
	dataDir      string
}

func (o *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&o.json, "json", false, "print one JSON object per line on stdout")
	fs.StringVar(&o.scope, "scope", "", "scope (unique_id); default: the app's setting, else \"default\"")
	fs.StringVar(&o.baseURL, "base-url", "", "API base URL (env MEMORIES_BASE_URL)")
	fs.StringVar(&o.assetBaseURL, "asset-base-url", "", "asset base URL (env MEMORIES_ASSET_BASE_URL)")
	fs.StringVar(&o.dataDir, "data-dir", "", "data folder (env MEMORIES_DATA_DIR)")
}

// config is the resolved configuration for one run.
type config struct {
	client  *api.Client
	scope   string
	homeDir string // the data folder
	dataDir string // the database folder of the endpoints' profile (settings.ProfileDir)
	out     *printer
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
	client, err := api.New(api.Config{
		BaseURL:      base,
		AssetBaseURL: asset,
		APIKey:       key,
		UserAgent:    "memories-cli/" + version.Version,
	})
	if err != nil {
		return nil, usagef("%v", err)
	}
	scope := first(o.scope, saved.Scope, settings.DefaultScope)
	return &config{client: client, scope: scope, homeDir: dataDir, dataDir: settings.ProfileDir(dataDir, false, base, asset),
		out: newPrinter(c, o.json)}, nil
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
