package core

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/settings"
)

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// A headless front end's flags beat its environment, which beats the saved settings; the key
// comes from the environment before the key store, and the sandbox switch is not followed.
func TestHeadlessConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	saved := settings.Defaults()
	saved.BaseURL, saved.AssetBaseURL, saved.Scope, saved.Sandbox = "https://saved.test", "https://saved-asset.test", "saved", true
	if err := settings.Save(dir, saved); err != nil {
		t.Fatal(err)
	}
	env := envOf(map[string]string{BaseURLEnv: "https://env.test", AssetBaseURLEnv: "https://env-asset.test",
		APIKeyEnv: "sk-from-env"})
	c, err := Start(dir, Options{Secrets: fileSecrets(t), Headless: true, Getenv: env,
		Overrides: Overrides{BaseURL: "https://flag.test"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s := c.current()
	if s.BaseURL != "https://flag.test" || s.AssetBaseURL != "https://env-asset.test" || s.Scope != "saved" || c.SandboxActive() {
		t.Fatalf("resolved %+v (sandbox %v)", s, c.SandboxActive())
	}
	if key, _ := c.apiKey(); key != "sk-from-env" {
		t.Fatalf("key %q, want the environment's", key)
	}
	want := settings.ProfileDir(dir, false, "https://flag.test", "https://env-asset.test")
	if got := filepath.Dir(c.activeDB().Path()); got != want || want == dir {
		t.Fatalf("database in %s, want the resolved endpoints' profile %s", got, want)
	}
}

// The app's environment cannot redirect it: without Headless the endpoint variables are ignored.
func TestAppIgnoresEndpointEnvironment(t *testing.T) {
	c := startCore(t, Options{Getenv: envOf(map[string]string{BaseURLEnv: "https://env.test", APIKeyEnv: "sk-env"})})
	if s := c.current(); s.BaseURL != api.DefaultBaseURL {
		t.Fatalf("base URL %q", s.BaseURL)
	}
	if key, _ := c.apiKey(); key != "" {
		t.Fatalf("key %q taken from the environment", key)
	}
}

// Bad configuration is a ConfigError (the CLI's exit 2) before anything is sent.
func TestHeadlessConfigRefusals(t *testing.T) {
	cases := map[string]Options{
		"timeout": {Getenv: envOf(map[string]string{api.ResponseTimeoutEnv: "forever"})},
		"scope":   {Overrides: Overrides{Scope: "", ScopeSet: true}},
	}
	for name, opts := range cases {
		opts.Headless, opts.Secrets = true, fileSecrets(t)
		if opts.Getenv == nil {
			opts.Getenv = envOf(nil)
		}
		_, err := Start(t.TempDir(), opts)
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("%s: err %v, want a ConfigError", name, err)
		}
	}
	c := startCore(t, Options{Headless: true, Getenv: envOf(nil)})
	var ce *ConfigError
	if err := c.CheckConfig(); !errors.As(err, &ce) || !strings.Contains(ce.Message, APIKeyEnv) {
		t.Fatalf("no key: %v", err)
	}
}

// A front end without dialogs (the CLI) gets an error from every flow that would ask.
func TestNoDialogsRefuse(t *testing.T) {
	c := startCore(t, Options{})
	if _, err := c.ChooseVideos(); err == nil {
		t.Fatal("ChooseVideos without dialogs did not fail")
	}
	if _, err := c.AskDownloadTarget([]string{"VI1", "VI2"}); err == nil {
		t.Fatal("AskDownloadTarget without dialogs did not fail")
	}
}
