package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"memories-desktop/backend/applog"
	"memories-desktop/backend/version"
)

// printVersion handles `memories-desktop --version` before any window or file is touched.
func printVersion(args []string) bool {
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		fmt.Println("memories-desktop", version.Version)
		return true
	}
	return false
}

// startLog opens the app's log in the data folder. Without a log the app still runs: the
// reason goes to stderr.
func startLog(dataDir string) io.Closer {
	level := slog.LevelInfo
	if l, err := applog.ParseLevel(os.Getenv("MEMORIES_LOG_LEVEL")); err == nil && os.Getenv("MEMORIES_LOG_LEVEL") != "" {
		level = l
	}
	closer, err := applog.Open(dataDir, "memories-desktop", level, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop: no log file:", err)
		return io.NopCloser(nil)
	}
	slog.Info("started", "version", version.Version, "dataDir", dataDir)
	return closer
}

// wailsLog sends what Wails reports (among it panics it recovered in bound methods and event
// handlers) to our log file.
type wailsLog struct{}

func (wailsLog) Print(m string)   { slog.Info(tidy(m), "from", "wails") }
func (wailsLog) Trace(m string)   { slog.Debug(tidy(m), "from", "wails") }
func (wailsLog) Debug(m string)   { slog.Debug(tidy(m), "from", "wails") }
func (wailsLog) Info(m string)    { slog.Info(tidy(m), "from", "wails") }
func (wailsLog) Warning(m string) { slog.Warn(tidy(m), "from", "wails") }
func (wailsLog) Error(m string)   { slog.Error(tidy(m), "from", "wails") }
func (wailsLog) Fatal(m string)   { slog.Error(tidy(m), "from", "wails"); os.Exit(1) }

func tidy(m string) string { return strings.TrimSpace(m) }
