// Package watch keeps folders uploaded: it notices new files (fsnotify, with a rescan as a
// backstop), waits until each has stopped changing and is a whole video, and queues it once on
// the crash-safe transfer queue. Watches and what each has seen live in the profile's database.
// Front ends reach it only through package core.
package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"memories-desktop/backend/formats"
)

// After is what happens to a file once the server has accepted its upload.
type After string

const (
	Keep   After = "keep"   // leave it where it is (the default)
	Move   After = "move"   // move it into the watched folder's UploadedDir
	Delete After = "delete" // delete it; only with Config.DeleteConfirmed
)

// UploadedDir is the subfolder After=move puts uploaded files in; it is never watched.
const UploadedDir = "Uploaded"

// DefaultSettle is how long a file must stay unchanged before it counts as finished.
const DefaultSettle = 10 * time.Second

// DeleteConfirmation is what a user types to allow After=delete.
const DeleteConfirmation = "DELETE"

// Config is one watch as saved in the profile's database.
type Config struct {
	Name      string   `json:"name"`
	Folder    string   `json:"folder"` // absolute
	Recursive bool     `json:"recursive"`
	Include   []string `json:"include"` // file name patterns (filepath.Match, any case)
	Exclude   []string `json:"exclude"`
	Scope     string   `json:"scope"` // "": the profile's scope
	Tags      []string `json:"tags"`
	After     After    `json:"after"`
	// DeleteConfirmed is set when the user typed DeleteConfirmation for After=delete.
	DeleteConfirmed bool  `json:"deleteConfirmed"`
	SettleMS        int64 `json:"settleMs"`
	Paused          bool  `json:"paused"`
	Created         int64 `json:"created"` // unix ms
}

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
func (c Config) Settle() time.Duration {
	if c.SettleMS <= 0 {
		return DefaultSettle
	}
	return time.Duration(c.SettleMS) * time.Millisecond
}

// Normalize fills defaults and cleans the fields a user typed.
func (c *Config) Normalize() {
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
		c.After = Keep
	}
	c.Tags = slices.DeleteFunc(c.Tags, func(t string) bool { return strings.TrimSpace(t) == "" })
}

// Validate says what is wrong with c, in words for the user.
func (c Config) Validate() error {
	if c.Name == "" || strings.ContainsFunc(c.Name, unicode.IsControl) || len(c.Name) > 100 {
		return errors.New("a watch needs a name of 1 to 100 printable characters")
	}
	info, err := os.Stat(c.Folder)
	if err != nil || !info.IsDir() {
		return fmt.Errorf("%s is not a folder", c.Folder)
	}
	switch c.After {
	case Keep, Move:
	case Delete:
		if !c.DeleteConfirmed {
			return fmt.Errorf("deleting uploaded files needs a typed confirmation (%q)", DeleteConfirmation)
		}
	default:
		return fmt.Errorf("after an upload a file is kept, moved or deleted, not %q", c.After)
	}
	for _, p := range append(slices.Clone(c.Include), c.Exclude...) {
		if _, err := filepath.Match(p, ""); err != nil {
			return fmt.Errorf("the pattern %q is not valid", p)
		}
	}
	return nil
}

// wants says whether a file name matches the include patterns and none of the exclude ones.
func (c Config) wants(name string) bool {
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

func decodeConfig(b []byte) (Config, error) {
	var c Config
	err := json.Unmarshal(b, &c)
	return c, err
}
