package settings

import (
	"errors"
	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"testing"
)

func TestValidateRejectsBadFields(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name  string
		edit  func(*contract.Settings)
		field string
	}{
		{"scope with space", func(s *contract.Settings) { s.Scope = "my scope" }, "scope"},
		{"scope too long", func(s *contract.Settings) { s.Scope = string(make([]byte, 200)) }, "scope"},
		{"base without scheme", func(s *contract.Settings) { s.BaseURL = "api.memories.ai" }, "baseUrl"},
		{"base ftp", func(s *contract.Settings) { s.BaseURL = "ftp://api.memories.ai" }, "baseUrl"},
		{"base with userinfo", func(s *contract.Settings) { s.BaseURL = "https://k:sk@api.memories.ai" }, "baseUrl"},
		{"plain http to another host", func(s *contract.Settings) { s.BaseURL = "http://api.memories.ai" }, "baseUrl"},
		{"plain http asset host", func(s *contract.Settings) { s.AssetBaseURL = "http://192.168.1.9:8080" }, "assetBaseUrl"},
		{"asset with query", func(s *contract.Settings) { s.AssetBaseURL = "https://x.ai/?a=1" }, "assetBaseUrl"},
		{"download dir relative", func(s *contract.Settings) { s.DownloadDir = "downloads" }, "downloadDir"},
		{"download dir missing", func(s *contract.Settings) { s.DownloadDir = filepath.Join(dir, "nope") }, "downloadDir"},
		{"theme", func(s *contract.Settings) { s.Theme = "blue" }, "theme"},
		{"language", func(s *contract.Settings) { s.Language = "de; rm -rf" }, "language"},
		{"concurrency", func(s *contract.Settings) { s.Concurrency = 99 }, "concurrency"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Defaults()
			s.DownloadDir = dir
			tc.edit(&s)
			var fe *FieldError
			if err := Validate(s); !errors.As(err, &fe) || fe.Field != tc.field {
				t.Fatalf("Validate() = %v, want a FieldError on %q", err, tc.field)
			}
		})
	}
}

func TestDefaultsAreValid(t *testing.T) {
	s := Defaults()
	s.DownloadDir = t.TempDir()
	if err := Validate(s); err != nil {
		t.Fatal(err)
	}
}

func TestSaveLoadRoundTripIsAtomic(t *testing.T) {
	dir := t.TempDir()
	want := Defaults()
	want.Scope, want.BaseURL, want.DownloadDir = "holiday_2025", "http://127.0.0.1:8080/", dir
	if err := Save(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got.Scope != "holiday_2025" || got.BaseURL != "http://127.0.0.1:8080" {
		t.Fatalf("round trip lost data: %+v", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temp files left behind: %v", entries)
	}
	info, _ := os.Stat(filepath.Join(dir, fileName))
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("settings mode %v, want 0600", info.Mode().Perm())
	}
}

func TestSaveInvalidKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	good := Defaults()
	good.DownloadDir = dir
	if err := Save(dir, good); err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.Scope = "a b"
	if err := Save(dir, bad); err == nil {
		t.Fatal("invalid settings saved")
	}
	got, _ := Load(dir)
	if got.Scope != api.DefaultScope {
		t.Fatalf("old settings replaced: %+v", got)
	}
}

func TestLoadDamagedFileIsAnError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, fileName), []byte("{not json"), 0o600)
	if _, err := Load(dir); err == nil {
		t.Fatal("damaged file silently accepted")
	}
}

func TestDataDirHonoursEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(DataDirEnv, dir)
	got, err := DataDir()
	if err != nil || got != dir {
		t.Fatalf("DataDir() = %q, %v; want %q", got, err, dir)
	}
	t.Setenv(DataDirEnv, "")
	got, _ = DataDir()
	if filepath.Base(got) != "memories-desktop" {
		t.Fatalf("default data dir %q", got)
	}
}
