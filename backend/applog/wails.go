package applog

import (
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
)

// Wails sends what the Wails runtime reports to the log (it satisfies Wails' logger interface
// without importing Wails). Wails recovers a panic in a bound method or an event message and
// reports it as a "process message error" from inside its deferred recover, before the stack
// unwinds: the stack logged with it still shows where the panic happened.
type Wails struct{}

func (Wails) Print(m string)   { slog.Info(tidy(m), "from", "wails") }
func (Wails) Trace(m string)   { slog.Debug(tidy(m), "from", "wails") }
func (Wails) Debug(m string)   { slog.Debug(tidy(m), "from", "wails") }
func (Wails) Info(m string)    { slog.Info(tidy(m), "from", "wails") }
func (Wails) Warning(m string) { slog.Warn(tidy(m), "from", "wails") }
func (Wails) Fatal(m string)   { slog.Error(tidy(m), "from", "wails"); os.Exit(1) }

func (Wails) Error(m string) {
	if strings.HasPrefix(m, "process message error") {
		slog.Error(tidy(m), "from", "wails", "stack", string(debug.Stack()))
		return
	}
	slog.Error(tidy(m), "from", "wails")
}

func tidy(m string) string { return strings.TrimSpace(m) }
