package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// memories transcript, summary and keyframe: reading what the service knows about a video.

// noTextError says the service has no text (a transcript, a summary) for a video yet.
type noTextError struct{ what, videoNo string }

func (e noTextError) Error() string { return tr("read.none."+e.what, i18n.Args{"VideoNo": e.videoNo}) }

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
		return usage("read.outIsFolder", i18n.Args{"Command": name, "Out": printable(d.out)})
	}
	if err := core.CheckDestFile(d.out); err != nil {
		return rejected(name, err)
	}
	if _, err := os.Lstat(d.out); err == nil && !d.overwrite {
		return usage("cli.exists", i18n.Args{"Command": name, "Path": printable(d.out)})
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
		err = noTextError{what, videoNo}
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
		return "", usage("read.oneVideo", i18n.Args{"Command": name})
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
	captions := fs.Bool("captions", false, "flag.read.captions")
	format := fs.String("format", "text", "flag.read.format")
	refresh := fs.Bool("refresh", false, "flag.read.refresh")
	fs.StringVar(&d.out, "o", "", "flag.read.o")
	fs.BoolVar(&d.overwrite, "overwrite", false, "flag.read.overwrite")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if o.json {
		*format = "json"
	}
	if !slices.Contains(contract.SubtitleFormats, *format) {
		return usage("read.badFormat", i18n.Args{"Formats": strings.Join(contract.SubtitleFormats, ", ")})
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
		s.out.note("%s", tr("read.wrote", i18n.Args{"Path": printable(saved.Path), "Size": formatBytes(saved.Bytes)}))
	}
	return err
}

func runSummary(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("summary", commands["summary"].usage, c)
	o.register(fs)
	topics := fs.Bool("topics", false, "flag.read.topics")
	refresh := fs.Bool("refresh", false, "flag.read.refresh")
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
		human += fmt.Sprintf("\n%7s  %s", core.TimeText(it.Start), printable(strings.TrimSpace(tr("read.chapter", i18n.Args{"Title": it.Title, "Description": it.Description}))))
	}
	s.out.result(sum, human)
	return nil
}

func runKeyframe(ctx context.Context, c *cli, args []string) error {
	var o common
	var d outFlags
	fs := newFlags("keyframe", commands["keyframe"].usage, c)
	o.register(fs)
	fs.StringVar(&d.out, "o", "", "flag.keyframe.o")
	fs.BoolVar(&d.overwrite, "overwrite", false, "flag.read.overwrite")
	fromSearch := fs.Bool("from-search", false, "flag.read.from-search")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *fromSearch {
		return keyframesFromSearch(ctx, c, &o, d, rest)
	}
	switch {
	case len(rest) != 2:
		return usage("keyframe.needsBlob")
	case d.out == "":
		return usage("keyframe.needsOut")
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
	s.out.result(saved, savedLine(saved.Path, saved.Bytes))
	return nil
}

// savedLine is the line for a file written: its path and size.
func savedLine(path string, size int64) string {
	return tr("cli.saved", i18n.Args{"Path": printable(path), "Size": formatBytes(size)})
}
