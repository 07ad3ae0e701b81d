package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"sort"
	"strings"

	"memories-desktop/backend/clock"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// tr words a catalogue message in the command's language (LANG; English under --json).
func tr(id string, args ...i18n.Args) string { return i18n.T(id, args...) }

// Exit statuses are part of the CLI's contract.
const (
	exitOK     = 0 // every operation succeeded
	exitFailed = 1 // an operation failed (API, network, transfer)
	exitUsage  = 2 // invalid usage, or input rejected before any request was sent
)

// cli holds the process's streams and environment, so tests run commands in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	logLevel       slog.Level  // --log-level; info by default
	logToStderr    bool        // --log-level was given: show the log on stderr too
	log            io.Closer   // the log file, once a command knows the data folder
	command        string      // the command being run, for the log
	clock          clock.Clock // the pacer's clock: nil is the real one; tests set a fake
}

func newCLI(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *cli {
	return &cli{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
}

// command is one subcommand: its flags are declared on fs, then run executes it.
type command struct {
	summary string // catalogue id of the one-line summary
	usage   string
	run     func(ctx context.Context, c *cli, args []string) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"upload":         {"cmd.upload", "[metadata flags] PATH...", runUpload},
		"check":          {"cmd.check", "[--json] [--force] PATH...", runCheck},
		"upload-url":     {"cmd.upload-url", "[metadata flags] URL", runUploadURL},
		"import":         {"cmd.import", "[--scope S] [--quality Q] [--callback URL] LINK...|-", runImport},
		"status":         {"cmd.status", "[--scope S] ID...", runStatus},
		"list":           {"cmd.list", "[--scope S] [--status PARSE|UNPARSE|FAILED]", runList},
		"search":         {"cmd.search", "[--type visual|audio|caption] [--top-k N] [--level L] [--tag T] [--camera C] [--taken T] [--near LAT,LON] [--video VI]... [--json] [--refresh] QUERY | --phrase [--page N] WORDS | --image FILE [--similarity S]", runSearch},
		"transcript":     {"cmd.transcript", "[--captions] [--format text|srt|vtt|json] [-o FILE] [--overwrite] [--refresh] VIDEO_NO", runTranscript},
		"summary":        {"cmd.summary", "[--topics] [--json] [--refresh] VIDEO_NO", runSummary},
		"keyframe":       {"cmd.keyframe", "-o FILE [--overwrite] BUCKET BLOB | --from-search -o DIR < search-output.jsonl", runKeyframe},
		"download":       {"cmd.download", "[--scope S] [-o FILE_OR_DIR] [--on-exists replace|keep-both|skip] [--sha256] VIDEO_NO...", runDownload},
		"download-asset": {"cmd.download-asset", "[-o FILE_OR_DIR] [--on-exists replace|keep-both|skip] [--sha256] ASSET_ID...", runDownloadAsset},
		"sandbox":        {"cmd.sandbox", "[--addr HOST:PORT]", runSandbox},
		"history":        {"cmd.history", "[--kind K] [--state S] [--limit N] [--search TEXT]", runHistory},
		"resume":         {"cmd.resume", "", runResume},
		"retry":          {"cmd.retry", "JOB_ID...", runRetry},
		"cancel":         {"cmd.cancel", "JOB_ID...", runCancel},
		"doctor":         {"cmd.doctor", "[--repair]", runDoctor},
		"watch":          {"cmd.watch", watchUsage, runWatch},
		"watches":        {"cmd.watches", watchesUsage, runWatchesCmd},
		"completion":     {"cmd.completion", "bash|zsh|fish", runCompletion},
	}
}

func (c *cli) run(ctx context.Context, args []string) (code int) {
	defer func() { // a bug must not look like a usage error (Go exits 2 on a panic)
		if p := recover(); p != nil {
			fmt.Fprintln(c.stderr, tr("cli.internalError", i18n.Args{"Error": fmt.Sprint(p)}))
			code = exitFailed
		}
	}()
	i18n.SetDefault(i18n.FromEnv(c.getenv))
	args, code, done := c.globalFlags(args)
	if done {
		return code
	}
	defer c.closeLog()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		c.help()
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	c.command = args[0]
	if !ok {
		fmt.Fprintln(c.stderr, tr("cli.unknownCommand", i18n.Args{"Command": printable(args[0])}))
		fmt.Fprintln(c.stderr)
		c.help()
		return exitUsage
	}
	return c.report(cmd.run(ctx, c, args[1:]))
}

// report prints err for people and maps it to the exit status.
func (c *cli) report(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintln(c.stderr, tr("cli.error", i18n.Args{"Error": printableLines(ue.msg)}))
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailed
	}
	fmt.Fprintln(c.stderr, tr("cli.error", i18n.Args{"Error": printableLines(describe(err))}))
	return exitFailed
}

func (c *cli) help() {
	fmt.Fprintln(c.stderr, tr("cli.usage", i18n.Args{"Synopsis": "memories [--version] [--log-level debug|info|warn|error] COMMAND [flags] [args]"}))
	fmt.Fprintln(c.stderr)
	fmt.Fprintln(c.stderr, tr("cli.commands"))
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(c.stderr, "  %-15s %s\n", name, tr(commands[name].summary))
	}
	fmt.Fprintln(c.stderr)
	fmt.Fprintln(c.stderr, tr("cli.helpFooter"))
}

// usageError is input rejected before any request was sent (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// usage is a usage error worded from the catalogue.
func usage(id string, args ...i18n.Args) error { return &usageError{tr(id, args...)} }

// errReported means the failures were already printed item by item.
var errReported = errors.New("one or more operations failed")

// newFlags creates a command's flag set; its errors become usage errors.
func newFlags(name, usage string, c *cli) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // its errors are English: parse words them (flagError)
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, tr("cli.usage", i18n.Args{"Synopsis": "memories " + name + " " + usage}))
		printDefaults(c.stderr, fs)
	}
	return fs
}

// printDefaults is flag.PrintDefaults with the words from the catalogue: each flag, the kind of
// value it takes in capitals (a metavariable, as in the synopsis), its help and its default.
func printDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		kind, _ := flag.UnquoteUsage(f)
		help := tr(f.Usage, flagParams()) // the usage text is the id of the help in the catalogue
		line := "  -" + f.Name
		if kind != "" {
			line += " " + strings.ToUpper(kind)
		}
		fmt.Fprintln(w, line)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			help = tr("flag.withDefault", i18n.Args{"Help": help, "Default": f.DefValue})
		}
		fmt.Fprintln(w, "    \t"+strings.ReplaceAll(help, "\n", "\n    \t"))
	})
}

// flagParams are the values the flags' help texts name.
func flagParams() i18n.Args {
	return i18n.Args{"Qualities": strings.Join(core.Qualities(), "|"), "UploadedDir": contract.WatchUploadedDir,
		"Confirm": contract.WatchDeleteConfirmation}
}

// flagError words an error of the flag package (whose texts are English) from the catalogue.
func flagError(err error) string {
	msg := err.Error()
	if m := invalidFlagValue.FindStringSubmatch(msg); m != nil {
		reason := m[3]
		if id, ok := flagReasons[reason]; ok {
			reason = tr(id)
		}
		return tr("flag.invalidValue", i18n.Args{"Value": m[1], "Flag": m[2], "Error": reason})
	}
	for prefix, id := range flagErrors {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			return tr(id, i18n.Args{"Flag": rest})
		}
	}
	return msg
}

var invalidFlagValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(-\S+): (.*)$`)

// flagReasons are the flag package's reasons a value is invalid.
var flagReasons = map[string]string{"parse error": "flag.parseError", "value out of range": "flag.outOfRange"}

var flagErrors = map[string]string{
	"flag provided but not defined: ": "flag.unknown",
	"flag needs an argument: ":        "flag.needsValue",
	"bad flag syntax: ":               "flag.badSyntax",
}

// parse parses args, allowing flags after positional arguments, as people type them.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{flagError(err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
