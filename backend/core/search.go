package core

import (
	"cmp"
	"context"
	"path/filepath"

	"memories-desktop/backend/api"
)

// Searching the library and reading a video's text (docs/API.md §12). Every call goes through the
// profile's client, so it is paced and backs off like everything else.

type (
	SearchRequest = api.SearchRequest
	PhraseRequest = api.PhraseRequest
	ImageRequest  = api.ImageRequest
	PhrasePage    = api.PhrasePage
	Transcript    = api.Transcript
	Summary       = api.Summary
	Download      = api.Download
)

// Moment is a search result with what this computer knows about it.
type Moment struct {
	api.Moment
	// LocalPath is the file on this computer that holds the video (it was uploaded from, or
	// downloaded to, here); "" when none is on disk.
	LocalPath string `json:"local_path,omitempty"`
}

// Search runs a search in the current scope when r names none.
func (c *Service) Search(ctx context.Context, r SearchRequest) ([]Moment, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	r.Scope = cmp.Or(r.Scope, c.current().Scope)
	ms, err := client.Search(ctx, r)
	return c.withLocal(r.Scope, ms), err
}

// SearchPhrase finds transcripts holding exactly these words.
func (c *Service) SearchPhrase(ctx context.Context, r PhraseRequest) (PhrasePage, []Moment, error) {
	client, err := c.Client()
	if err != nil {
		return PhrasePage{}, nil, err
	}
	r.Scope = cmp.Or(r.Scope, c.current().Scope)
	page, err := client.SearchPhrase(ctx, r)
	return page, c.withLocal(r.Scope, page.Moments), err
}

// SearchImage finds moments that look like a picture.
func (c *Service) SearchImage(ctx context.Context, r ImageRequest) ([]Moment, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	r.Scope = cmp.Or(r.Scope, c.current().Scope)
	ms, err := client.SearchImage(ctx, r)
	return c.withLocal(r.Scope, ms), err
}

// withLocal adds the local copies; a result whose video this computer holds is named after
// that file, which says more than the service's stored name.
func (c *Service) withLocal(scope string, ms []api.Moment) []Moment {
	out := make([]Moment, len(ms))
	paths := map[string]string{}
	for i, m := range ms {
		path, seen := paths[m.VideoNo]
		if !seen {
			path, _ = c.LocalCopy(scope, m.VideoNo) // a database hiccup only costs the local path
			paths[m.VideoNo] = path
		}
		out[i] = Moment{Moment: m, LocalPath: path}
		if path != "" {
			out[i].VideoName = filepath.Base(path)
		}
	}
	return out
}

// VideoTranscript returns what is said in a video, or with captions what is seen; nil when the
// service has none yet.
func (c *Service) VideoTranscript(ctx context.Context, videoNo string, captions bool) (*Transcript, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	if captions {
		return client.Captions(ctx, videoNo, c.current().Scope)
	}
	return client.AudioTranscript(ctx, videoNo, c.current().Scope)
}

// VideoSummary returns a video's chapters, or with topics its topics; nil when none yet.
func (c *Service) VideoSummary(ctx context.Context, videoNo string, topics bool) (*Summary, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	kind := api.SummaryChapters
	if topics {
		kind = api.SummaryTopics
	}
	return client.VideoSummary(ctx, videoNo, kind, c.current().Scope)
}

// Keyframe streams a keyframe picture by its storage location.
func (c *Service) Keyframe(ctx context.Context, bucket, blob string) (*Download, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	return client.Keyframe(ctx, bucket, blob)
}
