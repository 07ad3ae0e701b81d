package core

import (
	"encoding/json"
	"slices"
	"time"
)

// Recent searches, per profile (they live in its database), newest first, for a front end to
// offer again. Only searches that were answered are remembered.

// maxRecentSearches is how many recent searches are kept.
const maxRecentSearches = 20

const recentSearchesKey = "search.recent"

// RecentSearch is one remembered search: its kind ("search", "phrase" or "image") and the
// words, or the picture's path.
type RecentSearch struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
	At   int64  `json:"at"` // unix ms
}

// RecentSearches returns the profile's recent searches, newest first; none without a database.
func (c *Service) RecentSearches() ([]RecentSearch, error) {
	db := c.activeDB()
	if db == nil {
		return []RecentSearch{}, nil
	}
	raw, err := db.GetMeta(recentSearchesKey)
	out := []RecentSearch{}
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
	list = slices.DeleteFunc(list, func(r RecentSearch) bool { return r.Kind == kind && r.Text == text })
	list = append([]RecentSearch{{Kind: kind, Text: text, At: time.Now().UnixMilli()}}, list...)
	if data, err := json.Marshal(list[:min(len(list), maxRecentSearches)]); err == nil {
		_ = db.PutMeta(recentSearchesKey, data) // a full disk only costs the list
	}
}
