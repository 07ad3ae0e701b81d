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

// progress returns a callback that shows bytes done of total on stderr, at most 4 times a second
// on a terminal (redrawn in place) and every 10 s elsewhere, and a func that ends the line.
func (p *printer) progress(label string, total int64) (func(done int64), func()) {
	start := time.Now()
	last, every := time.Time{}, 250*time.Millisecond
	if !p.terminal {
		last, every = start, 10*time.Second // logs get a line every 10 s, not one per start
	}
	update := func(done int64) {
		if now := time.Now(); now.Sub(last) >= every {
			last = now
			p.draw(label, done, total, now.Sub(start))
		}
	}
	finish := func() {
		if p.terminal {
			p.mu.Lock()
			fmt.Fprint(p.stderr, "\r\033[K")
			p.mu.Unlock()
		}
	}
	return update, finish
}

func (p *printer) draw(label string, done, total int64, elapsed time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := fmt.Sprintf("%s  %s", label, formatProgress(done, total, elapsed))
	if p.terminal {
		fmt.Fprintf(p.stderr, "\r\033[K%s", line)
		return
	}
	fmt.Fprintln(p.stderr, line)
}

// formatProgress renders "12.0 MiB / 48.0 MiB  25%  8.0 MiB/s  ETA 5s", never NaN or Inf.
func formatProgress(done, total int64, elapsed time.Duration) string {
	s := formatBytes(done)
	speed := 0.0
	if elapsed > 0 {
		speed = float64(done) / elapsed.Seconds()
	}
	if total > 0 {
		s += fmt.Sprintf(" / %s  %d%%", formatBytes(total), done*100/total)
	}
	s += fmt.Sprintf("  %s/s", formatBytes(int64(speed)))
	if total > 0 && speed > 0 && done < total {
		eta := time.Duration(float64(total-done) / speed * float64(time.Second))
		s += "  ETA " + eta.Round(time.Second).String()
	}
	return s
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
