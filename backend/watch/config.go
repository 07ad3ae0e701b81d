// Package watch keeps folders uploaded: it notices new files (fsnotify, with a rescan as a
// backstop), waits until each has stopped changing and is a whole video, and queues it once on
// the crash-safe transfer queue. Watches and what each has seen live in the profile's database.
// Front ends reach it only through package core.
package watch

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/formats"
	"memories-desktop/backend/i18n"
)

// DefaultSettle is how long a file must stay unchanged before it counts as finished.
const DefaultSettle = 10 * time.Second

// DefaultInclude matches the accepted video formats (backend/formats).
func DefaultInclude() []string {
	var out []string
	for _, ext := range formats.Extensions() {
		out = append(out, "*"+ext)
	}
	return out
}

// DefaultExclude leaves out hidden files, which recorders and copy tools use while writing.
func DefaultExclude() []string { return []string{".*"} }

// Settle is the configured settle time, or DefaultSettle.
func Settle(c contract.WatchConfig) time.Duration {
	if c.SettleMS <= 0 {
		return DefaultSettle
	}
	return time.Duration(c.SettleMS) * time.Millisecond
}

// Normalize fills defaults and cleans the fields a user typed.
func Normalize(c *contract.WatchConfig) {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" && c.Folder != "" {
		c.Name = filepath.Base(c.Folder)
	}
	if c.Folder != "" {
		if abs, err := filepath.Abs(c.Folder); err == nil {
			c.Folder = abs
		}
	}
	if c.Include == nil {
		c.Include = DefaultInclude()
	}
	if c.Exclude == nil {
		c.Exclude = DefaultExclude()
	}
	if c.After == "" {
		c.After = contract.WatchKeep
	}
	c.Tags = slices.DeleteFunc(c.Tags, func(t string) bool { return strings.TrimSpace(t) == "" })
}

// Validate says what is wrong with c, in words for the user.
func Validate(c contract.WatchConfig) error {
	if c.Name == "" || strings.ContainsFunc(c.Name, unicode.IsControl) || len(c.Name) > 100 {
		return errors.New(i18n.T("watchConfig.name"))
	}
	info, err := os.Stat(c.Folder)
	if err != nil || !info.IsDir() {
		return errors.New(i18n.T("watchConfig.notFolder", i18n.Args{"Folder": c.Folder}))
	}
	switch c.After {
	case contract.WatchKeep, contract.WatchMove:
	case contract.WatchDelete:
		if !c.DeleteConfirmed {
			return errors.New(i18n.T("watch.confirmDeleteApp", i18n.Args{"Confirm": contract.WatchDeleteConfirmation}))
		}
	default:
		return errors.New(i18n.T("watchConfig.after", i18n.Args{"After": strconv.Quote(string(c.After))}))
	}
	for _, p := range append(slices.Clone(c.Include), c.Exclude...) {
		if _, err := filepath.Match(p, ""); err != nil {
			return errors.New(i18n.T("watchConfig.pattern", i18n.Args{"Pattern": strconv.Quote(p)}))
		}
	}
	return nil
}

// wants says whether a file name matches the include patterns and none of the exclude ones.
func wants(c contract.WatchConfig, name string) bool {
	name = strings.ToLower(name)
	return matchAny(c.Include, name) && !matchAny(c.Exclude, name)
}

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := filepath.Match(strings.ToLower(p), name); ok {
			return true
		}
	}
	return false
}

func decodeConfig(b []byte) (contract.WatchConfig, error) {
	var c contract.WatchConfig
	err := json.Unmarshal(b, &c)
	return c, err
}
