package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"memories-desktop/backend/applog"
	"memories-desktop/backend/version"
)

// printVersion handles `memories-desktop --version` before any window or file is touched.
func printVersion(w io.Writer, args []string) bool {
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		fmt.Fprintln(w, "memories-desktop", version.Version)
		return true
	}
	return false
}

// startLog opens the app's log in the data folder. Without a log the app still runs: the
// reason goes to stderr.
func startLog(dataDir string) io.Closer {
	level := slog.LevelInfo
	if env := os.Getenv("MEMORIES_LOG_LEVEL"); env != "" {
		if l, err := applog.ParseLevel(env); err == nil {
			level = l
		}
	}
	closer, err := applog.Open(dataDir, "memories-desktop", level, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop: no log file:", err)
		return io.NopCloser(nil)
	}
	slog.Info("started", "version", version.Version, "dataDir", dataDir)
	return closer
}
