package settings

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// SecretStore keeps the API key. Kind tells the user where it lives.
type SecretStore interface {
	Get() (string, error) // "" and no error when no key is stored
	Set(key string) error
	Delete() error
	Kind() string
}

// Storage kinds shown in the UI.
const (
	KindKeychain = "keychain"
	KindFile     = "file"
)

const (
	keyringService = "memories-desktop"
	keyringUser    = "api-key"
	keyFileName    = "api-key"
	probeTimeout   = 3 * time.Second
)

// ErrNoKeychain means the OS keychain could not be reached (no Secret Service on Linux, say).
var ErrNoKeychain = errors.New("no OS keychain available")

// NewSecretStore returns the OS keychain when it answers, else a 0600 file in dataDir.
func NewSecretStore(dataDir string) SecretStore {
	if err := probeKeychain(); err == nil {
		return keychainStore{}
	}
	return fileStore{path: filepath.Join(dataDir, keyFileName)}
}

// probeKeychain asks the keychain for our entry with a deadline: on Linux a missing or
// locked Secret Service can block on D-Bus, and startup must never hang on it.
func probeKeychain() error {
	if !SessionBusAvailable() {
		return fmt.Errorf("%w: no D-Bus session", ErrNoKeychain)
	}
	done := make(chan error, 1)
	go func() {
		_, err := keyring.Get(keyringService, keyringUser)
		if errors.Is(err, keyring.ErrNotFound) {
			err = nil
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%w: %v", ErrNoKeychain, err)
		}
		return nil
	case <-time.After(probeTimeout):
		return fmt.Errorf("%w: keychain did not answer in %s", ErrNoKeychain, probeTimeout)
	}
}

type keychainStore struct{}

func (keychainStore) Kind() string { return KindKeychain }

func (keychainStore) Get() (string, error) {
	key, err := keyring.Get(keyringService, keyringUser)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", nil
	}
	return key, err
}

func (keychainStore) Set(key string) error { return keyring.Set(keyringService, keyringUser, key) }

func (keychainStore) Delete() error {
	err := keyring.Delete(keyringService, keyringUser)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// fileStore is the clearly labelled fallback: a file only the user can read.
type fileStore struct{ path string }

func (fileStore) Kind() string { return KindFile }

func (f fileStore) Get() (string, error) {
	data, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	return strings.TrimSpace(string(data)), err
}

func (f fileStore) Set(key string) error { return WriteFileAtomic(f.path, []byte(key), 0o600) }

func (f fileStore) Delete() error {
	err := os.Remove(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// ValidateKey rejects keys that cannot be right, before they are stored.
func ValidateKey(key string) error {
	switch {
	case key == "":
		return invalid("apiKey", "settings.keyEmpty")
	case strings.HasPrefix(strings.ToLower(key), "bearer "):
		return invalid("apiKey", "settings.keyBearer")
	case strings.ContainsAny(key, " \t\r\n"):
		return invalid("apiKey", "settings.keySpaces")
	case len(key) < 8 || len(key) > 512:
		return invalid("apiKey", "settings.keyShape")
	}
	return nil
}

// MaskKey shows enough of a key to recognise it and nothing that lets anyone use it.
func MaskKey(key string) string {
	if key == "" {
		return ""
	}
	if len(key) <= 10 {
		return strings.Repeat("•", 8)
	}
	return key[:4] + strings.Repeat("•", 8) + key[len(key)-4:]
}

// NewSecretStoreAt returns the file store at path; the CLI and tests use it where no keychain
// is wanted.
func NewSecretStoreAt(path string) SecretStore { return fileStore{path: path} }
