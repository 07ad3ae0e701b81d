package settings

import (
	"memories-desktop/backend/contract"
	"strings"
	"sync"
)

// Service is the one owner of preferences and key for a data folder; it serialises writes.
type Service struct {
	dir     string
	secrets SecretStore
	mu      sync.Mutex
	current contract.Settings
}

// Open loads the preferences in dir and picks the key store.
func Open(dir string, secrets SecretStore) (*Service, error) {
	s, err := Load(dir)
	if err != nil {
		return nil, err
	}
	return &Service{dir: dir, secrets: secrets, current: s}, nil
}

// Dir is the data folder this service reads and writes.
func (s *Service) Dir() string { return s.dir }

// Get returns the current preferences.
func (s *Service) Get() contract.Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current
}

// Update validates and saves next; on error nothing changes.
func (s *Service) Update(next contract.Settings) (contract.Settings, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	next = Normalize(next)
	if err := Save(s.dir, next); err != nil {
		return s.current, err
	}
	s.current = next
	return next, nil
}

// APIKey returns the stored key ("" when none).
func (s *Service) APIKey() (string, error) { return s.secrets.Get() }

// SetAPIKey validates and stores key.
func (s *Service) SetAPIKey(key string) error {
	key = strings.TrimSpace(key)
	if err := ValidateKey(key); err != nil {
		return err
	}
	return s.secrets.Set(key)
}

// ClearAPIKey forgets the stored key.
func (s *Service) ClearAPIKey() error { return s.secrets.Delete() }

// KeyInfo reports whether a key is stored, masked, and where.
func (s *Service) KeyInfo() (contract.KeyInfo, error) {
	key, err := s.secrets.Get()
	if err != nil {
		return contract.KeyInfo{Storage: s.secrets.Kind()}, err
	}
	return contract.KeyInfo{Set: key != "", Masked: MaskKey(key), Storage: s.secrets.Kind()}, nil
}
