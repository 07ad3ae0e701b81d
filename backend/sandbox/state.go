package sandbox

import (
	"cmp"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"slices"
	"time"
)

// Video statuses as the API spells them (docs/API.md §8.1).
const (
	StatusUnparse = "UNPARSE"
	StatusParse   = "PARSE"
	StatusFailed  = "FAILED"
)

// causeUnsupportedCodec is the failure reason of videos created under the FailParse fault.
const causeUnsupportedCodec = "unsupported codec"

// Video is a snapshot of one library video, exposed so tests can check what a client really sent.
type Video struct {
	VideoNo             string
	VideoName           string // internal stored name (32 hex) or, for imports, derived from the link
	UniqueID            string
	Status              string
	Cause               string // failure reason, only when Status is FAILED
	FileName            string // original file name (or one derived from the URL)
	SourceURL           string // upload_url / scraper_url link
	TaskID              string // scraper task that produced the video
	Size                int64
	Duration            int // seconds
	Width, Height       int
	CreateTime          time.Time
	DatetimeTaken       time.Time
	CameraModel         string
	Latitude, Longitude *float64
	Tags                []string
	Callback            string
	RetainOriginal      bool
	TranscriptionPrompt string
	Path                string // uploaded bytes on disk; empty for synthetic content

	readyAt time.Time // when processing ends
	heldAt  time.Time // readyAt before the HoldParse fault held it (zero: not held)
	fails   bool      // processing ends as FAILED
	seed    string    // synthetic content seed when Path is empty
}

// status computes the processing status lazily from the clock.
func (v *Video) status(now time.Time) string {
	switch {
	case now.Before(v.readyAt):
		return StatusUnparse
	case v.fails:
		return StatusFailed
	}
	return StatusParse
}

// forever is a processing end that never comes while a video is held.
var forever = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// hold keeps v processing until release.
func (v *Video) hold() {
	if v.heldAt.IsZero() {
		v.heldAt, v.readyAt = v.readyAt, forever
	}
}

// holdParse holds every video still processing at now (on), or releases the held ones to their
// own clock (off); call with the lock held.
func (s *Server) holdParse(on bool, now time.Time) {
	for _, v := range s.videos {
		switch {
		case on && now.Before(v.readyAt):
			v.hold()
		case !on && !v.heldAt.IsZero():
			v.readyAt, v.heldAt = v.heldAt, time.Time{}
		}
	}
}

// snapshot copies the video with its current status, safe to hand out of the lock.
func (v *Video) snapshot(now time.Time) Video {
	out := *v
	out.Status = v.status(now)
	if out.Status == StatusFailed {
		out.Cause = causeUnsupportedCodec
	}
	out.Tags = slices.Clone(v.Tags)
	return out
}

// resetState initialises the in-memory tables.
func (s *Server) resetState() {
	s.videos = map[string]*Video{}
	s.tasks = map[string]*task{}
	s.imported = map[string]string{}
	s.asked = map[string]bool{}
	s.assets = map[string]*asset{}
	s.namespaces = map[string]bool{}
}

// newIDBase picks a random starting point so ids differ between runs but stay 18 digits.
func newIDBase() uint64 {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return 600_000_000_000_000_000 + binary.BigEndian.Uint64(b[:])%100_000_000_000_000_000
}

// nextID returns prefix + 18 digits, unique within the server; call with the lock held.
func (s *Server) nextID(prefix string) string {
	s.idSeq++
	return fmt.Sprintf("%s%018d", prefix, s.idBase+s.idSeq)
}

// insertVideo stores v with a fresh video number, starting its processing clock at CreateTime;
// call with the lock held.
func (s *Server) insertVideo(v Video, fails bool) *Video {
	v.VideoNo = s.nextID("VI")
	if v.VideoName == "" {
		v.VideoName = randomHex(16)
	}
	v.readyAt = v.CreateTime.Add(s.opts.ParseDelay)
	v.fails = fails
	if s.faults.HoldParse {
		v.hold()
	}
	s.videos[v.VideoNo] = &v
	s.namespaces[v.UniqueID] = true
	return &v
}

// addVideo stores a new upload and returns a copy of it.
func (s *Server) addVideo(v Video, fails bool) Video {
	s.mu.Lock()
	defer s.mu.Unlock()
	return *s.insertVideo(v, fails)
}

// locked takes the lock and first brings lazily computed state (due import tasks) up to now;
// use as `defer s.locked(now)()`.
func (s *Server) locked(now time.Time) func() {
	s.mu.Lock()
	s.advanceTasks(now)
	return s.mu.Unlock
}

// video finds a video of namespace ns; call with the lock held.
func (s *Server) video(ns, no string) (*Video, bool) {
	v, ok := s.videos[no]
	if !ok || v.UniqueID != ns {
		return nil, false
	}
	return v, true
}

// Videos returns snapshots of the videos in namespace scope ("" = all), newest first.
func (s *Server) Videos(scope string) []Video {
	now := s.opts.Now()
	defer s.locked(now)()
	out := []Video{}
	for _, v := range s.videos {
		if scope == "" || v.UniqueID == scope {
			out = append(out, v.snapshot(now))
		}
	}
	sortNewestFirst(out)
	return out
}

// sortNewestFirst orders videos by creation time, newest first, ties by descending number.
func sortNewestFirst(vs []Video) {
	slices.SortFunc(vs, func(a, b Video) int {
		if c := b.CreateTime.Compare(a.CreateTime); c != 0 {
			return c
		}
		return cmp.Compare(b.VideoNo, a.VideoNo)
	})
}
