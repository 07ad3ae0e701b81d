package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"
)

// printer writes results to stdout (JSON lines or one human line each) and progress to stderr.
type printer struct {
	json     bool
	stdout   io.Writer
	stderr   io.Writer
	terminal bool
	mu       sync.Mutex
	open     bool                 // an in-place progress line is on screen
	logged   map[string]time.Time // last progress line per transfer, off a terminal
}

func newPrinter(c *cli, asJSON bool) *printer {
	tty := false
	if f, ok := c.stderr.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &printer{json: asJSON, stdout: c.stdout, stderr: c.stderr, terminal: tty}
}

// result prints one item: v as a JSON line, or human as text.
func (p *printer) result(v any, human string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.json {
		json.NewEncoder(p.stdout).Encode(v)
		return
	}
	fmt.Fprintln(p.stdout, printableLines(human))
}

// failed prints an item that failed: as a JSON line on stdout with the results (scripts read
// one stream), or as text on stderr, so `memories download X >list.txt` still shows it.
func (p *printer) failed(v any, human string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.json {
		json.NewEncoder(p.stdout).Encode(v)
		return
	}
	fmt.Fprintln(p.stderr, printableLines(human))
}

// note prints a line for people on stderr.
func (p *printer) note(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = printable(s) // a name must not break the line, let alone drive the terminal
		}
	}
	fmt.Fprintln(p.stderr, printableLines(fmt.Sprintf(format, args...)))
}

// draw shows a transfer's progress on stderr: redrawn in place on a terminal (the engine already
// limits updates to about 4 a second), else one line per transfer every 10 s for logs.
func (p *printer) draw(label string, done, total int64, speed float64, eta int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := printable(label) + "  " + formatProgress(done, total, speed, eta)
	if p.terminal {
		fmt.Fprintf(p.stderr, "\r\033[K%s", line)
		p.open = true
		return
	}
	if now := time.Now(); now.Sub(p.logged[label]) >= 10*time.Second {
		if p.logged == nil {
			p.logged = map[string]time.Time{}
		}
		p.logged[label] = now
		fmt.Fprintln(p.stderr, line)
	}
}

// endLine finishes an in-place progress line.
func (p *printer) endLine() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.open {
		fmt.Fprint(p.stderr, "\r\033[K")
		p.open = false
	}
}

// formatProgress renders "12.0 MiB / 48.0 MiB  25%  8.0 MiB/s  ETA 5s".
func formatProgress(done, total int64, speed float64, eta int64) string {
	s := formatBytes(done)
	if total > 0 {
		s += fmt.Sprintf(" / %s  %d%%", formatBytes(total), done*100/total)
	}
	s += fmt.Sprintf("  %s/s", formatBytes(int64(speed)))
	if eta >= 0 && total > 0 && done < total {
		s += "  ETA " + (time.Duration(eta) * time.Second).String()
	}
	return s
}

// formatWait renders milliseconds as m:ss, as in "next upload slot in 0:43".
func formatWait(ms int64) string {
	sec := (ms + 999) / 1000
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

func formatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// printable makes a name from outside (a file name, a server's text) safe to show on a
// terminal: control characters — escape sequences, carriage returns, a newline inside a name —
// are shown escaped (\x1b) instead of being obeyed, and invalid UTF-8 is replaced.
func printable(s string) string { return escapeControls(s, false) }

// printableLines is printable for whole messages, which may be several lines or hold tabs.
func printableLines(s string) string { return escapeControls(s, true) }

func escapeControls(s string, keepLines bool) string {
	unsafe := func(r rune) bool { return isControl(r) && !(keepLines && (r == '\n' || r == '\t')) }
	if !strings.ContainsFunc(s, unsafe) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unsafe(r) {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isControl is a C0 or C1 control character, DEL, or a bidirectional override that could make a
// name display as something else.
func isControl(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
