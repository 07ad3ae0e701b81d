package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"memories-desktop/backend/clock"
	"sort"
	"strings"
)

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
	summary string
	usage   string
	run     func(ctx context.Context, c *cli, args []string) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"upload":         {"upload local videos (files or folders)", "[metadata flags] PATH...", runUpload},
		"check":          {"check videos as an upload would, and show what they hold; sends nothing", "[--json] [--force] PATH...", runCheck},
		"upload-url":     {"upload a video from a direct URL", "[metadata flags] URL", runUploadURL},
		"import":         {"import TikTok/YouTube/Instagram links", "[--scope S] [--quality Q] [--callback URL] LINK...|-", runImport},
		"status":         {"show the status of videos or import tasks", "[--scope S] ID...", runStatus},
		"list":           {"list the videos in a scope", "[--scope S] [--status PARSE|UNPARSE|FAILED]", runList},
		"search":         {"find moments by what is seen or said, exact words, or a picture", "[--type visual|audio|caption] [--top-k N] [--level L] [--tag T] [--camera C] [--taken T] [--near LAT,LON] [--video VI]... [--json] [--refresh] QUERY | --phrase [--page N] WORDS | --image FILE [--similarity S]", runSearch},
		"transcript":     {"print what is said in a video (or, with --captions, what is seen)", "[--captions] [--format text|srt|vtt|json] [-o FILE] [--overwrite] [--refresh] VIDEO_NO", runTranscript},
		"summary":        {"print a video's chapters (or, with --topics, its topics)", "[--topics] [--json] [--refresh] VIDEO_NO", runSummary},
		"keyframe":       {"save a keyframe picture from a search result", "-o FILE [--overwrite] BUCKET BLOB | --from-search -o DIR < search-output.jsonl", runKeyframe},
		"download":       {"download videos by video number", "[--scope S] [-o FILE_OR_DIR] [--on-exists replace|keep-both|skip] [--sha256] VIDEO_NO...", runDownload},
		"download-asset": {"download assets by asset id", "[-o FILE_OR_DIR] [--on-exists replace|keep-both|skip] [--sha256] ASSET_ID...", runDownloadAsset},
		"sandbox":        {"run the local API emulator until interrupted", "[--addr HOST:PORT]", runSandbox},
		"history":        {"list past and queued jobs, newest first", "[--kind K] [--state S] [--limit N] [--search TEXT]", runHistory},
		"resume":         {"finish every unfinished job: interrupted, paused or queued", "", runResume},
		"retry":          {"run failed or cancelled jobs again", "JOB_ID...", runRetry},
		"cancel":         {"cancel queued, paused or interrupted jobs", "JOB_ID...", runCancel},
		"doctor":         {"check the database; --repair moves a damaged one aside and keeps what can be read", "[--repair]", runDoctor},
		"watch":          {"upload every finished video that lands in folders, until interrupted", watchUsage, runWatch},
		"watches":        {"list saved watch folders with their counts; remove, pause or resume one", watchesUsage, runWatchesCmd},
		"completion":     {"print a shell completion script", "bash|zsh|fish", runCompletion},
	}
}

func (c *cli) run(ctx context.Context, args []string) (code int) {
	defer func() { // a bug must not look like a usage error (Go exits 2 on a panic)
		if p := recover(); p != nil {
			fmt.Fprintf(c.stderr, "memories: internal error: %v\n", p)
			code = exitFailed
		}
	}()
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
		fmt.Fprintf(c.stderr, "memories: unknown command %q\n\n", args[0])
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
		fmt.Fprintln(c.stderr, "memories:", printableLines(ue.msg))
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailed
	}
	fmt.Fprintln(c.stderr, "memories:", printableLines(describe(err)))
	return exitFailed
}

func (c *cli) help() {
	fmt.Fprintln(c.stderr, "usage: memories [--version] [--log-level debug|info|warn|error] COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(c.stderr, "  %-15s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(c.stderr, "\nResults go to stdout; failures, warnings and progress to stderr.")
	fmt.Fprintln(c.stderr, "Every command takes --json (one JSON object per line on stdout, failures included).")
	fmt.Fprintln(c.stderr, "Configuration: MEMORIES_API_KEY, MEMORIES_BASE_URL, MEMORIES_ASSET_BASE_URL, MEMORIES_DATA_DIR,")
	fmt.Fprintln(c.stderr, "else the settings and key saved by Memories Desktop. Flags override the environment.")
	fmt.Fprintln(c.stderr, "The log is logs/memories.log in the data folder; --log-level also shows it on stderr.")
}

// usageError is input rejected before any request was sent (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// errReported means the failures were already printed item by item.
var errReported = errors.New("one or more operations failed")

// newFlags creates a command's flag set; its errors become usage errors.
func newFlags(name, usage string, c *cli) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "usage: memories %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, allowing flags after positional arguments, as people type them.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%v", err)
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
