package core

import (
	"log/slog"
	"strings"
	"sync"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/notify"
	"memories-desktop/backend/watch"
)

// A running watch shows one desktop notification per batch: the uploads that end with nothing
// of the watch's left on the way and no new work within a quiet period (the settle time and a
// second, at least batchQuietMin). Failures and skips are summed up in it, never one a file.
const batchQuietMin = 2 * time.Second

// NotifyWatches makes this process's watches show desktop notifications (on) or not, whatever
// the setting: `memories watch --notify`. Without it the app follows Settings (on by default)
// and a headless front end shows none.
func (c *Service) NotifyWatches(on bool) {
	c.notes.mu.Lock()
	defer c.notes.mu.Unlock()
	c.notes.forced = &on
}

// NotificationsOn says whether the setting lets watches notify (the app's Settings toggle).
func (c *Service) NotificationsOn() bool { return !c.prefs.Get().NotificationsOff }

// SetNotifications saves the Settings toggle; running watches follow it at their next batch.
func (c *Service) SetNotifications(on bool) error {
	s := c.prefs.Get()
	s.NotificationsOff = !on
	_, err := c.prefs.Update(s)
	return err
}

// notes is the Service's notification sender, made on first use and shared by its watches.
type notes struct {
	mu     sync.Mutex
	forced *bool
	sender notify.Sender
	warned bool // a failure to notify is logged once
}

// notifyWatch says whether a watch shows notifications now.
func (c *Service) notifyWatch() bool {
	c.notes.mu.Lock()
	forced := c.notes.forced
	c.notes.mu.Unlock()
	if forced != nil {
		return *forced
	}
	return !c.over.headless && c.NotificationsOn()
}

func (c *Service) sendNote(m notify.Message) {
	c.notes.mu.Lock()
	defer c.notes.mu.Unlock()
	if c.notes.sender == nil {
		c.notes.sender = notify.New()
	}
	if err := c.notes.sender.Send(m); err != nil && !c.notes.warned {
		c.notes.warned = true
		slog.Warn("watch notification not shown", "err", err)
	}
}

func (c *Service) closeNotes() {
	c.notes.mu.Lock()
	defer c.notes.mu.Unlock()
	if c.notes.sender != nil {
		c.notes.sender.Close()
	}
}

// watchBatch gathers one running watch's outcomes until its batch ends.
type watchBatch struct {
	mu      sync.Mutex
	name    string
	quiet   time.Duration
	send    func(notify.Message)
	on      func() bool
	running map[uint64]bool // jobs queued (or followed) that have not ended
	counts  map[string]int  // outcome event kind → files
	failed  []string        // "path: reason", in order
	skipped []string
	timer   *time.Timer
	gen     int // which arming of timer may still fire
}

func newWatchBatch(c *Service, w contract.WatchConfig) *watchBatch {
	return &watchBatch{name: w.Name, quiet: max(watch.Settle(w)+time.Second, batchQuietMin), send: c.sendNote,
		on: c.notifyWatch, running: map[uint64]bool{}, counts: map[string]int{}}
}

// add notes an event; work still moving (a file settling, a job queued) holds the batch open.
func (b *watchBatch) add(e contract.WatchEvent) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e.Kind {
	case contract.WatchEvQueued:
		b.running[e.JobID] = true
	case contract.WatchEvUploaded, contract.WatchEvFailed:
		delete(b.running, e.JobID)
		b.counts[e.Kind]++
		if e.Kind == contract.WatchEvFailed {
			b.failed = append(b.failed, e.Path+": "+e.Detail)
		}
	case contract.WatchEvSkipped:
		b.counts[e.Kind]++
		b.skipped = append(b.skipped, e.Path+": "+e.Detail)
	case contract.WatchEvDuplicate, contract.WatchEvRenamed:
		b.counts[contract.WatchEvDuplicate]++
	case contract.WatchEvSettling, contract.WatchEvWriting:
	default:
		return
	}
	b.gen++
	if b.timer != nil {
		b.timer.Stop()
	}
	if len(b.running) == 0 && b.outcomes() > 0 {
		gen := b.gen
		b.timer = time.AfterFunc(b.quiet, func() { b.end(gen) })
	}
}

// outcomes are the files worth telling about: uploaded, failed or skipped.
func (b *watchBatch) outcomes() int {
	return b.counts[contract.WatchEvUploaded] + b.counts[contract.WatchEvFailed] + b.counts[contract.WatchEvSkipped]
}

// end shows the batch's notification, unless more work came since it was armed.
func (b *watchBatch) end(gen int) {
	b.mu.Lock()
	if gen != b.gen {
		b.mu.Unlock()
		return
	}
	m := b.message()
	clear(b.counts)
	b.failed, b.skipped = nil, nil
	b.mu.Unlock()
	if b.on() {
		b.send(m)
	}
}

// stop ends the batch with the watch: what finished is told, what is on the way is not.
func (b *watchBatch) stop() {
	b.mu.Lock()
	gen, done := b.gen, len(b.running) == 0 && b.outcomes() > 0
	if b.timer != nil {
		b.timer.Stop()
	}
	b.mu.Unlock()
	if done {
		b.end(gen)
	}
}

// message is the batch's notification: counts in the summary, failures and skips in the body,
// worded in the language set last (Settings' switch, or the system's).
func (b *watchBatch) message() notify.Message {
	n := b.counts
	var parts []string
	for _, c := range []struct{ kind, id string }{{contract.WatchEvUploaded, "notify.uploaded"},
		{contract.WatchEvFailed, "notify.failed"}, {contract.WatchEvSkipped, "notify.skipped"}} {
		if k := n[c.kind]; k > 0 {
			parts = append(parts, i18n.T(c.id, i18n.Args{"Count": k}))
		}
	}
	var body []string
	body = append(body, listed("notify.failedFile", b.failed)...)
	body = append(body, listed("notify.skippedFile", b.skipped)...)
	if d := n[contract.WatchEvDuplicate]; d > 0 {
		body = append(body, i18n.T("notify.duplicates", i18n.Args{"Count": d}))
	}
	summary := i18n.T("notify.summary", i18n.Args{"Watch": b.name, "Counts": strings.Join(parts, i18n.T("plan.separator"))})
	return notify.Message{Summary: summary, Body: strings.Join(body, "\n"), Urgent: n[contract.WatchEvFailed] > 0}
}

// listed names the first three files of a list (each worded by the catalogue's id) and counts
// the rest.
func listed(id string, items []string) []string {
	var out []string
	for i, it := range items {
		if i == 3 {
			out = append(out, i18n.T("notify.more", i18n.Args{"Count": len(items) - 3}))
			break
		}
		out = append(out, i18n.T(id, i18n.Args{"File": it}))
	}
	return out
}
