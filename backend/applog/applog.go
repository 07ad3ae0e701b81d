// Package applog is the log people attach to a bug report: structured (log/slog), in a rotating
// file in the data folder, and never holding the API key or file contents. Callers log through
// slog's default logger, which Open points at the file.
package applog

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"gopkg.in/natefinch/lumberjack.v2"
)

// Rotation: a few megabytes per file and a few old files are plenty to diagnose one problem,
// and bound what a long-running app leaves on disk.
const (
	maxSizeMB  = 5
	maxBackups = 3
	maxAgeDays = 30
)

var current atomic.Value // string: the file being written, "" before Open

// Dir is the log folder inside dataDir.
func Dir(dataDir string) string { return filepath.Join(dataDir, "logs") }

// Path is the file being written now, or "" when nothing is logged to a file.
func Path() string {
	p, _ := current.Load().(string)
	return p
}

// Open starts logging records at level and above to logs/<name>.log in dataDir, and to extra
// too when it is not nil. It replaces slog's default logger; Close the result on exit.
func Open(dataDir, name string, level slog.Level, extra io.Writer) (io.Closer, error) {
	path := filepath.Join(Dir(dataDir), name+".log")
	if err := prepare(path); err != nil {
		return nil, err
	}
	file := &lumberjack.Logger{Filename: path, MaxSize: maxSizeMB, MaxBackups: maxBackups, MaxAge: maxAgeDays}
	var w io.Writer = file
	if extra != nil {
		w = io.MultiWriter(file, extra)
	}
	slog.SetDefault(slog.New(NewHandler(w, level)))
	current.Store(path)
	return closer{file}, nil
}

// closer ends logging to the file. Later records are dropped: a write to a closed lumberjack
// file would open it again (and re-create its folder).
type closer struct{ file *lumberjack.Logger }

func (c closer) Close() error {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	current.Store("")
	return c.file.Close()
}

// prepare makes the folder (private: the log names files and scopes) and refuses to write
// through a symlink someone left where the log goes: the link is removed, never followed.
func prepare(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot create the log folder: %w", err)
	}
	info, err := os.Lstat(path)
	if err == nil && !info.Mode().IsRegular() {
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("the log file %s is not a regular file and cannot be replaced: %w", path, err)
		}
	}
	return nil
}

// NewHandler writes text records to w, with secrets redacted by attribute name.
func NewHandler(w io.Writer, level slog.Level) slog.Handler {
	return slog.NewTextHandler(w, &slog.HandlerOptions{Level: level, ReplaceAttr: redact})
}

// redact is a safety net: no caller logs the key on purpose, but an attribute whose name says
// it is a secret never reaches the file.
func redact(_ []string, a slog.Attr) slog.Attr {
	switch strings.ToLower(a.Key) {
	case "key", "apikey", "api_key", "authorization", "token", "secret", "password":
		return slog.String(a.Key, "[redacted]")
	}
	return a
}

// ParseLevel reads debug, info, warn or error.
func ParseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("log level %q: use debug, info, warn or error", s)
	}
	return l, nil
}

// ReportHint is the end of error texts that ask people to report a problem: where the log is.
func ReportHint() string {
	if p := Path(); p != "" {
		return "report it with the log (" + p + ")."
	}
	return "report it with the log (Settings → Open log folder)."
}
