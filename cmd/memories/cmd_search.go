package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// memories search: by what is seen or said (default), by exact words (--phrase) or by a picture
// (--image). Every rule is checked before anything is sent: a refused search costs nothing.

// momentLine is one result as --json prints it.
type momentLine struct {
	VideoNo   string       `json:"video_no"`
	Name      string       `json:"name"`
	Start     float64      `json:"start"`
	End       float64      `json:"end"`
	Score     float64      `json:"score"`
	Text      string       `json:"text"`
	Keyframe  *keyframeRef `json:"keyframe"`
	LocalPath string       `json:"local_path,omitempty"`
}

type keyframeRef struct {
	Bucket string `json:"bucket"`
	Blob   string `json:"blob"`
}

// searchTypes maps --type to the service's search types.
var searchTypes = map[string]string{"visual": "BY_CLIP", "audio": "BY_AUDIO", "caption": "BY_CAPTION"}

// searchFlags are the flags of memories search.
type searchFlags struct {
	kind, level, tag, camera, taken, near, image string
	topK, page                                   int
	similarity                                   float64
	phrase, refresh                              bool
	videos                                       []string
}

func (f *searchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.kind, "type", "visual", "what to match: visual (what is seen), audio (what is said) or caption")
	fs.IntVar(&f.topK, "top-k", 0, "at most this many moments (1–1000; captions 1–200)")
	fs.StringVar(&f.level, "level", "", "least relevance: low, medium or high")
	fs.StringVar(&f.tag, "tag", "", "only videos with this tag")
	fs.StringVar(&f.camera, "camera", "", "only videos from this camera model")
	fs.StringVar(&f.taken, "taken", "", `only videos taken at or after "YYYY-MM-DD HH:MM:SS"`)
	fs.StringVar(&f.near, "near", "", "only videos taken near LAT,LON")
	fs.Func("video", "only this video (repeat for more, up to 100)", func(v string) error {
		f.videos = append(f.videos, v)
		return nil
	})
	fs.BoolVar(&f.phrase, "phrase", false, "find these exact words in what is said")
	fs.IntVar(&f.page, "page", 0, "with --phrase: the page of matches (from 1)")
	fs.StringVar(&f.image, "image", "", "find moments that look like this picture (jpg, png, gif, bmp, webp; up to 20 MB)")
	fs.Float64Var(&f.similarity, "similarity", 0, "with --image: least similarity, 0–1 (default 0.85)")
	fs.BoolVar(&f.refresh, "refresh", false, "ask the service again even when this search was answered before (searches are billed)")
}

// visualOnly names a flag that only a search by words takes, "" when none was given.
func (f *searchFlags) visualOnly(fs *flag.FlagSet) string {
	name := ""
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "type", "top-k", "level", "tag", "camera", "taken", "near", "video":
			name = cmp.Or(name, fl.Name)
		}
	})
	return name
}

func runSearch(ctx context.Context, c *cli, args []string) error {
	var o common
	var f searchFlags
	fs := newFlags("search", commands["search"].usage, c)
	o.register(fs)
	f.register(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	query := strings.Join(rest, " ")
	run, err := f.plan(fs, query)
	if err != nil {
		return err
	}
	s, err := o.openLocal(c)
	if err != nil {
		return err
	}
	defer s.close()
	return run(ctx, s)
}

// plan checks the command line and returns the search to run; nothing is sent yet.
func (f *searchFlags) plan(fs *flag.FlagSet, query string) (func(context.Context, *session) error, error) {
	switch {
	case f.phrase && f.image != "":
		return nil, usagef("search: --phrase and --image do not go together")
	case (f.phrase || f.image != "") && f.visualOnly(fs) != "":
		return nil, usagef("search: --%s only applies to a search by words, not to --phrase or --image", f.visualOnly(fs))
	case f.page != 0 && !f.phrase:
		return nil, usagef("search: --page only applies to --phrase")
	case f.similarity != 0 && f.image == "":
		return nil, usagef("search: --similarity only applies to --image")
	case f.image != "" && query != "":
		return nil, usagef("search: --image takes no words; got %q", query)
	}
	if f.image != "" {
		return f.planImage()
	}
	if f.phrase {
		r, err := core.CheckPhrase(contract.PhraseRequest{Query: query, Page: f.page})
		if err != nil {
			return nil, rejected("search", err)
		}
		return func(ctx context.Context, s *session) error {
			ans, err := s.svc.SearchPhrase(ctx, r, f.refresh)
			if err != nil {
				return err
			}
			printAnswer(ctx, s, ans)
			s.out.note("page %d: %d of %d match(es)", max(ans.Page, 1), len(ans.Moments), ans.Total)
			return nil
		}, nil
	}
	return f.planWords(query)
}

func (f *searchFlags) planImage() (func(context.Context, *session) error, error) {
	r := contract.ImageRequest{Path: f.image, Similarity: f.similarity}
	if err := core.CheckImageSearch(r); err != nil {
		return nil, rejected("search", err)
	}
	return func(ctx context.Context, s *session) error {
		ans, err := s.svc.SearchImage(ctx, r, f.refresh)
		if err == nil {
			printAnswer(ctx, s, ans)
		}
		return err
	}, nil
}

func (f *searchFlags) planWords(query string) (func(context.Context, *session) error, error) {
	kind, ok := searchTypes[strings.ToLower(f.kind)]
	if !ok {
		return nil, usagef("search: --type must be visual, audio or caption")
	}
	r := contract.SearchRequest{Query: query, Type: kind, TopK: f.topK, Level: f.level, VideoNos: f.videos,
		Tag: f.tag, Camera: f.camera, Taken: f.taken}
	if f.near != "" {
		lat, lon, ok := strings.Cut(f.near, ",")
		la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
		lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, usagef("search: --near must be LAT,LON, like 48.137,11.575")
		}
		r.Latitude, r.Longitude = &la, &lo
	}
	r, err := core.CheckSearch(r)
	if err != nil {
		return nil, rejected("search", err)
	}
	return func(ctx context.Context, s *session) error {
		ans, err := s.svc.Search(ctx, r, f.refresh)
		if err == nil {
			printAnswer(ctx, s, ans)
		}
		return err
	}, nil
}

// printAnswer prints one line (or JSON object) per moment, and a count on stderr: with the
// answer's age when it came from the cache.
func printAnswer(ctx context.Context, s *session, ans contract.SearchAnswer) {
	ms := ans.Moments
	for _, m := range ms {
		line := momentLine{VideoNo: m.VideoNo, Name: m.VideoName, Start: m.Start, End: m.End, Score: m.Score,
			Text: m.Text, LocalPath: m.LocalPath}
		if m.KeyframeBucket != "" && m.KeyframeBlob != "" {
			line.Keyframe = &keyframeRef{Bucket: m.KeyframeBucket, Blob: m.KeyframeBlob}
		}
		span := core.TimeText(m.Start)
		if m.End > m.Start {
			span += "–" + core.TimeText(m.End)
		}
		human := fmt.Sprintf("%-22s %-15s %5.3f  %s", m.VideoNo, span, m.Score, printable(cmp.Or(m.VideoName, "-")))
		if m.Text != "" {
			human += "  “" + printable(m.Text) + "”"
		}
		s.out.result(line, human)
	}
	if len(ms) == 0 {
		s.out.note("no moments found")
	}
	if len(ms) > 0 {
		s.out.note("%d moment(s) in scope %q", len(ms), s.svc.Scope())
	}
	if ans.Cached {
		s.out.note("%s", cachedNote(ans.At))
	} else if n, err := s.svc.Unindexed(ctx); err == nil && n > 0 {
		s.out.note("%d video(s) in scope %q are still being indexed and are not searchable yet", n, s.svc.Scope())
	}
}

// openLocal opens the data folder's database, for the local copies of results; while Memories
// Desktop holds it, the search still runs, without local paths.
func (o *common) openLocal(c *cli) (*session, error) {
	s, err := o.open(c, true)
	if errors.Is(err, contract.ErrLocked) {
		s, err = o.openRemote(c)
		if err == nil {
			s.out.note("Memories Desktop is using the data folder: local copies are not shown")
		}
	}
	return s, err
}

// cachedNote says an answer came from this computer's cache, and how old it is.
func cachedNote(at int64) string {
	return fmt.Sprintf("answered from this computer's cache, %s old (--refresh asks the service again)",
		time.Since(time.UnixMilli(at)).Round(time.Second))
}
