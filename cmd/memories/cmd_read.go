package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// memories transcript, summary and keyframe: reading what the service knows about a video.

// errNoText says the service has no text for a video yet.
var errNoText = errors.New("the service has none yet: the video is still being indexed, or has no speech")

// outFlags are -o FILE and --overwrite, checked before anything is sent.
type outFlags struct {
	out       string
	overwrite bool
}

// check refuses a destination that could only fail: a folder, a name too long for its .part, a
// missing or read-only folder, or an existing file without --overwrite.
func (d outFlags) check(name string) error {
	if d.out == "" {
		return nil
	}
	if isDir(d.out) {
		return usagef("%s: -o %s is a folder; give the file to write", name, d.out)
	}
	if err := core.CheckDestFile(d.out); err != nil {
		return rejected(name, err)
	}
	if _, err := os.Lstat(d.out); err == nil && !d.overwrite {
		return usagef("%s: %s already exists (use --overwrite to replace it)", name, d.out)
	}
	return nil
}

// readText opens a session and asks it for a video's text; "none yet" is an error that says
// why, and an answer from the cache says its age. On success the caller closes the session.
func readText[T any](c *cli, o *common, what, videoNo string, ask func(*core.Service) (*T, contract.Fetched, error)) (*session, *T, error) {
	s, err := o.openLocal(c)
	if err != nil {
		return nil, nil, err
	}
	v, got, err := ask(s.svc)
	if err == nil && v == nil {
		err = fmt.Errorf("no %s of %s: %w", what, videoNo, errNoText)
	}
	if err != nil {
		s.close()
		return nil, nil, err
	}
	if got.Cached {
		s.out.note("%s", cachedNote(got.At))
	}
	return s, v, nil
}

// oneVideo reads the single VIDEO_NO argument.
func oneVideo(name string, rest []string) (string, error) {
	if len(rest) != 1 {
		return "", usagef("%s: give one video number", name)
	}
	if err := core.CheckVideoNos(rest); err != nil {
		return "", rejected(name, err)
	}
	return rest[0], nil
}

func runTranscript(ctx context.Context, c *cli, args []string) error {
	var o common
	var d outFlags
	fs := newFlags("transcript", commands["transcript"].usage, c)
	o.register(fs)
	captions := fs.Bool("captions", false, "what is seen (scene captions) instead of what is said")
	format := fs.String("format", "text", "text, srt, vtt or json")
	refresh := fs.Bool("refresh", false, "ask the service again even when this computer has the answer")
	fs.StringVar(&d.out, "o", "", "write to this file instead of stdout")
	fs.BoolVar(&d.overwrite, "overwrite", false, "replace an existing file")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if o.json {
		*format = "json"
	}
	if !slices.Contains(contract.SubtitleFormats, *format) {
		return usagef("transcript: --format must be %s", strings.Join(contract.SubtitleFormats, ", "))
	}
	videoNo, err := oneVideo("transcript", rest)
	if err == nil {
		err = d.check("transcript")
	}
	if err != nil {
		return err
	}
	s, t, err := readText(c, &o, "transcript", videoNo, func(svc *core.Service) (*contract.Transcript, contract.Fetched, error) {
		return svc.VideoTranscript(ctx, videoNo, *captions, *refresh)
	})
	if err != nil {
		return err
	}
	defer s.close()
	data, err := core.RenderTranscript(*t, *format)
	if err != nil {
		return err
	}
	return d.write(ctx, s, data)
}

// write sends data to stdout, or to -o through the download writer.
func (d outFlags) write(ctx context.Context, s *session, data []byte) error {
	if d.out == "" {
		_, err := s.out.stdout.Write(data)
		return err
	}
	saved, err := core.SaveBytes(ctx, data, d.out, d.overwrite)
	if err == nil {
		s.out.note("wrote %s (%s)", saved.Path, formatBytes(saved.Bytes))
	}
	return err
}

func runSummary(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("summary", commands["summary"].usage, c)
	o.register(fs)
	topics := fs.Bool("topics", false, "group by topic instead of chapters along the timeline")
	refresh := fs.Bool("refresh", false, "ask the service again even when this computer has the answer")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	videoNo, err := oneVideo("summary", rest)
	if err != nil {
		return err
	}
	s, sum, err := readText(c, &o, "summary", videoNo, func(svc *core.Service) (*contract.Summary, contract.Fetched, error) {
		return svc.VideoSummary(ctx, videoNo, *topics, *refresh)
	})
	if err != nil {
		return err
	}
	defer s.close()
	human := printable(sum.Text)
	for _, it := range sum.Items {
		human += fmt.Sprintf("\n%7s  %s", core.TimeText(it.Start), printable(strings.TrimSpace(it.Title+" — "+it.Description)))
	}
	s.out.result(sum, human)
	return nil
}

func runKeyframe(ctx context.Context, c *cli, args []string) error {
	var o common
	var d outFlags
	fs := newFlags("keyframe", commands["keyframe"].usage, c)
	o.register(fs)
	fs.StringVar(&d.out, "o", "", "the file to write (required); with --from-search, an existing folder")
	fs.BoolVar(&d.overwrite, "overwrite", false, "replace an existing file")
	fromSearch := fs.Bool("from-search", false, "save the keyframe of every moment that `memories search --json` printed on stdin")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *fromSearch {
		return keyframesFromSearch(ctx, c, &o, d, rest)
	}
	switch {
	case len(rest) != 2:
		return usagef("keyframe: give BUCKET and BLOB, as a search's --json output names them")
	case d.out == "":
		return usagef("keyframe: -o FILE is required")
	}
	if err := d.check("keyframe"); err != nil {
		return err
	}
	if err := core.CheckBlob(rest[0], rest[1]); err != nil {
		return rejected("keyframe", err)
	}
	s, err := o.openRemote(c)
	if err != nil {
		return err
	}
	defer s.close()
	saved, err := s.svc.SaveKeyframe(ctx, rest[0], rest[1], d.out, d.overwrite)
	if err != nil {
		return err
	}
	s.out.result(saved, fmt.Sprintf("%s  %s", saved.Path, formatBytes(saved.Bytes)))
	return nil
}
