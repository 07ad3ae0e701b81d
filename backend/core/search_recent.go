package core

import (
	"encoding/json"
	"memories-desktop/backend/contract"
	"slices"
	"time"
)

// Recent searches, per profile (they live in its database), newest first, for a front end to
// offer again. Only searches that were answered are remembered.

// maxRecentSearches is how many recent searches are kept.
const maxRecentSearches = 20

const recentSearchesKey = "search.recent"

// RecentSearches returns the profile's recent searches, newest first; none without a database.
func (c *Service) RecentSearches() ([]contract.RecentSearch, error) {
	db := c.activeDB()
	if db == nil {
		return []contract.RecentSearch{}, nil
	}
	raw, err := db.GetMeta(recentSearchesKey)
	out := []contract.RecentSearch{}
	if err == nil && raw != nil {
		_ = json.Unmarshal(raw, &out) // unreadable: start a new list
	}
	return out, err
}

// rememberSearch puts a search first in the recent list, once.
func (c *Service) rememberSearch(kind, text string) {
	db := c.activeDB()
	if db == nil || text == "" {
		return
	}
	list, err := c.RecentSearches()
	if err != nil {
		return
	}
	list = slices.DeleteFunc(list, func(r contract.RecentSearch) bool { return r.Kind == kind && r.Text == text })
	list = append([]contract.RecentSearch{{Kind: kind, Text: text, At: time.Now().UnixMilli()}}, list...)
	if data, err := json.Marshal(list[:min(len(list), maxRecentSearches)]); err == nil {
		_ = db.PutMeta(recentSearchesKey, data) // a full disk only costs the list
	}
}
