package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

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
	fmt.Fprintln(p.stdout, human)
}

// note prints a line for people on stderr.
func (p *printer) note(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.stderr, format+"\n", args...)
}

// draw shows a transfer's progress on stderr: redrawn in place on a terminal (the engine already
// limits updates to about 4 a second), else one line per transfer every 10 s for logs.
func (p *printer) draw(label string, done, total int64, speed float64, eta int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := label + "  " + formatProgress(done, total, speed, eta)
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
