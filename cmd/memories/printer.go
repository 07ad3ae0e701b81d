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

	"github.com/rivo/uniseg"
	"golang.org/x/term"

	"memories-desktop/backend/i18n"
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
	if asJSON {
		// JSON output is language-neutral: its sentences (a failed job's message, kept in the
		// history too) are English, whatever LANG says, so scripts see the same bytes everywhere.
		i18n.SetDefault(i18n.English)
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

// formatProgress renders "12.0 MiB / 48.0 MiB  25%  8.0 MiB/s  ETA 5 s" in the language.
func formatProgress(done, total int64, speed float64, eta int64) string {
	l := i18n.Default()
	parts := []string{l.Size(done)}
	if total > 0 {
		parts[0] = tr("progress.ofTotal", i18n.Args{"Done": l.Size(done), "Total": l.Size(total),
			"Percent": done * 100 / total})
	}
	parts = append(parts, l.Rate(speed))
	if eta >= 0 && total > 0 && done < total {
		parts = append(parts, tr("progress.eta", i18n.Args{"Left": l.Duration(time.Duration(eta) * time.Second)}))
	}
	return strings.Join(parts, "  ")
}

// formatWait renders a wait in milliseconds, as in "next upload slot in 43 s".
func formatWait(ms int64) string {
	return i18n.Default().Duration(time.Duration((ms+999)/1000) * time.Second) // whole seconds, rounded up
}

func formatBytes(n int64) string { return i18n.Default().Size(n) }

// column pads s with spaces to width terminal cells (left-aligned), or to the right with a
// negative width; Chinese characters take two cells, so fmt's %-16s would misalign a table.
func column(s string, width int) string {
	pad := max(abs(width)-uniseg.StringWidth(s), 0)
	if width < 0 {
		return strings.Repeat(" ", pad) + s
	}
	return s + strings.Repeat(" ", pad)
}

func abs(n int) int { return max(n, -n) }

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
