package main

import (
	"fmt"
	"io"
	"log/slog"
	"memories-desktop/backend/i18n"
	"strings"

	"memories-desktop/backend/applog"
	"memories-desktop/backend/version"
)

// globalFlags reads the options that come before the command: --version and --log-level. It
// returns the remaining arguments, or done with the exit status when nothing more is to run.
func (c *cli) globalFlags(args []string) (rest []string, code int, done bool) {
	for len(args) > 0 {
		name, value, hasValue := strings.Cut(args[0], "=")
		switch name {
		case "--version", "-version":
			fmt.Fprintln(c.stdout, "memories", version.Version)
			return nil, exitOK, true
		case "--log-level", "-log-level":
			if !hasValue && len(args) > 1 {
				value, hasValue, args = args[1], true, args[1:]
			}
			if err := c.setLogLevel(value, hasValue); err != nil {
				return nil, c.report(err), true
			}
		default:
			return args, 0, false
		}
		args = args[1:]
	}
	return args, 0, false
}

func (c *cli) setLogLevel(value string, given bool) error {
	if !given {
		return usage("global.logLevelValue")
	}
	level, err := applog.ParseLevel(value)
	if err != nil {
		return usagef("%v", err)
	}
	c.logLevel, c.logToStderr = level, true
	return nil
}

// openLog starts the log in the data folder once it is known: logs/memories.log, and stderr too
// when --log-level was given. A log that cannot be opened is reported, not fatal.
func (c *cli) openLog(dataDir string) {
	if c.log != nil {
		return
	}
	var extra io.Writer
	if c.logToStderr {
		extra = c.stderr
	}
	closer, err := applog.Open(dataDir, "memories", c.logLevel, extra)
	if err != nil {
		fmt.Fprintln(c.stderr, tr("global.noLog", i18n.Args{"Error": err.Error()}))
		return
	}
	c.log = closer
	slog.Info("started", "version", version.Version, "command", c.command, "dataDir", dataDir)
}

func (c *cli) closeLog() {
	if c.log != nil {
		c.log.Close()
		c.log = nil
	}
}
