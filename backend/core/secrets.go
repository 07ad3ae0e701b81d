package core

import (
	"sync"

	"memories-desktop/backend/settings"
)

// lazySecrets finds the key store on first use: probing the OS keychain can take a while (or
// wait on D-Bus), and a CLI command given MEMORIES_API_KEY never needs it.
type lazySecrets struct {
	dir   string
	once  sync.Once
	store settings.SecretStore
}

func (l *lazySecrets) get() settings.SecretStore {
	l.once.Do(func() { l.store = settings.NewSecretStore(l.dir) })
	return l.store
}

func (l *lazySecrets) Get() (string, error) { return l.get().Get() }
func (l *lazySecrets) Set(key string) error { return l.get().Set(key) }
func (l *lazySecrets) Delete() error        { return l.get().Delete() }
func (l *lazySecrets) Kind() string         { return l.get().Kind() }
