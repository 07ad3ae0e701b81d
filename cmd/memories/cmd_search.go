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
	"memories-desktop/backend/i18n"
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
	fs.StringVar(&f.kind, "type", "visual", "flag.search.type")
	fs.IntVar(&f.topK, "top-k", 0, "flag.search.top-k")
	fs.StringVar(&f.level, "level", "", "flag.search.level")
	fs.StringVar(&f.tag, "tag", "", "flag.search.tag")
	fs.StringVar(&f.camera, "camera", "", "flag.search.camera")
	fs.StringVar(&f.taken, "taken", "", "flag.search.taken")
	fs.StringVar(&f.near, "near", "", "flag.search.near")
	fs.Func("video", "flag.search.video", func(v string) error {
		f.videos = append(f.videos, v)
		return nil
	})
	fs.BoolVar(&f.phrase, "phrase", false, "flag.search.phrase")
	fs.IntVar(&f.page, "page", 0, "flag.search.page")
	fs.StringVar(&f.image, "image", "", "flag.search.image")
	fs.Float64Var(&f.similarity, "similarity", 0, "flag.search.similarity")
	fs.BoolVar(&f.refresh, "refresh", false, "flag.search.refresh")
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
		return nil, usage("search.phraseImage")
	case (f.phrase || f.image != "") && f.visualOnly(fs) != "":
		return nil, usage("search.wordsOnly", i18n.Args{"Flag": f.visualOnly(fs)})
	case f.page != 0 && !f.phrase:
		return nil, usage("search.pageOnly")
	case f.similarity != 0 && f.image == "":
		return nil, usage("search.similarityOnly")
	case f.image != "" && query != "":
		return nil, usage("search.imageNoWords", i18n.Args{"Query": printable(query)})
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
			s.out.note("%s", tr("search.page", i18n.Args{"Page": max(ans.Page, 1), "Shown": len(ans.Moments), "Count": ans.Total}))
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
		return nil, usage("search.badType")
	}
	r := contract.SearchRequest{Query: query, Type: kind, TopK: f.topK, Level: f.level, VideoNos: f.videos,
		Tag: f.tag, Camera: f.camera, Taken: f.taken}
	if f.near != "" {
		lat, lon, ok := strings.Cut(f.near, ",")
		la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
		lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, usage("search.badNear")
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
		human := fmt.Sprintf("%-22s %-15s %5s  %s", m.VideoNo, span, i18n.Default().Fixed(m.Score, 3), printable(cmp.Or(m.VideoName, "-")))
		if m.Text != "" {
			human += "  " + tr("search.quote", i18n.Args{"Text": printable(m.Text)})
		}
		s.out.result(line, human)
	}
	if len(ms) == 0 {
		s.out.note("%s", tr("search.none"))
	}
	if len(ms) > 0 {
		s.out.note("%s", tr("search.count", i18n.Args{"Count": len(ms), "Scope": s.svc.Scope()}))
	}
	if ans.Cached {
		s.out.note("%s", cachedNote(ans.At))
	} else if n, err := s.svc.Unindexed(ctx); err == nil && n > 0 {
		s.out.note("%s", tr("search.indexing", i18n.Args{"Count": n, "Scope": s.svc.Scope()}))
	}
}

// openLocal opens the data folder's database, for the local copies of results; while Memories
// Desktop holds it, the search still runs, without local paths.
func (o *common) openLocal(c *cli) (*session, error) {
	s, err := o.open(c, true)
	if errors.Is(err, contract.ErrLocked) {
		s, err = o.openRemote(c)
		if err == nil {
			s.out.note("%s", tr("search.appRunning"))
		}
	}
	return s, err
}

// cachedNote says an answer came from this computer's cache, and how old it is.
func cachedNote(at int64) string {
	return tr("search.cached", i18n.Args{"Age": i18n.Default().Duration(time.Since(time.UnixMilli(at)))})
}
