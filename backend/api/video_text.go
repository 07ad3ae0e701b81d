package api

import (
	"bytes"
	"context"
	"encoding/json"
	"memories-desktop/backend/contract"
	"net/url"
	"strings"

	"memories-desktop/backend/i18n"
)

// A video's text: what is said, what is seen, and its chapters (docs/API.md §12.5).

type segmentWire struct {
	Index     flexInt       `json:"index"`
	Content   flexString    `json:"content"`
	Text      flexString    `json:"text"`
	StartTime *flexOptFloat `json:"startTime"`
	Start     *flexOptFloat `json:"start"`
	EndTime   *flexOptFloat `json:"endTime"`
	End       *flexOptFloat `json:"end"`
}

type transcriptWire struct {
	VideoNo        flexString    `json:"videoNo"`
	Transcriptions []segmentWire `json:"transcriptions"`
	Transcription  []segmentWire `json:"transcription"` // the older page's table
}

// AudioTranscript returns what is said in a video (docs/API.md §12.5).
func (c *Client) AudioTranscript(ctx context.Context, videoNo, scope string) (*contract.Transcript, error) {
	return c.transcript(ctx, "transcript", "/serve/api/v1/get_audio_transcription", videoNo, scope)
}

// Captions returns the descriptions of what is seen in a video, scene by scene (docs/API.md §12.5).
func (c *Client) Captions(ctx context.Context, videoNo, scope string) (*contract.Transcript, error) {
	return c.transcript(ctx, "captions", "/serve/api/v1/get_video_caption", videoNo, scope)
}

func (c *Client) transcript(ctx context.Context, op, path, videoNo, scope string) (*contract.Transcript, error) {
	if err := checkRequired("video_no", videoNo); err != nil {
		return nil, err
	}
	var w *transcriptWire
	q := url.Values{"video_no": {videoNo}, scopeParam: {ScopeOr(scope)}}
	if err := c.call(ctx, getRequest(op, path, q), &w); err != nil || w == nil {
		return nil, err
	}
	segs := append(w.Transcriptions, w.Transcription...)
	if len(segs) == 0 {
		return nil, nil
	}
	t := &contract.Transcript{VideoNo: string(firstNonEmpty(w.VideoNo, flexString(videoNo))), Segments: make([]contract.Segment, len(segs))}
	for i, s := range segs {
		start := optValue(s.StartTime, s.Start, 0)
		t.Segments[i] = contract.Segment{Index: int(s.Index), Start: start, End: max(optValue(s.EndTime, s.End, start), start),
			Text: strings.TrimSpace(string(firstNonEmpty(s.Content, s.Text)))}
	}
	return t, nil
}

// Summary kinds (docs/API.md §12.5).
const (
	SummaryChapters = "CHAPTER"
	SummaryTopics   = "TOPIC"
)

type chapterWire struct {
	Title       flexString    `json:"title"`
	Description flexString    `json:"description"`
	Start       *flexOptFloat `json:"start"`
	End         *flexOptFloat `json:"end"`
}

// summaryText is the summary field: a paragraph (the example) or a list of chapters (the page's
// table); both are documented.
type summaryText struct {
	text  string
	items []chapterWire
}

func (s *summaryText) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, &s.items)
	}
	var v flexString
	_ = v.UnmarshalJSON(b)
	s.text = string(v)
	return nil
}

// VideoSummary asks for a video's chapters (SummaryChapters) or topics (SummaryTopics) (docs/API.md §12.5).
// A nil *Summary with a nil error means the service has none yet.
func (c *Client) VideoSummary(ctx context.Context, videoNo, kind, scope string) (*contract.Summary, error) {
	if err := checkRequired("video_no", videoNo); err != nil {
		return nil, err
	}
	kind = strings.ToUpper(strings.TrimSpace(kind))
	if kind != SummaryChapters && kind != SummaryTopics {
		return nil, invalid("type", "api.summaryType", i18n.Args{"A": SummaryChapters, "B": SummaryTopics})
	}
	var w *struct {
		Summary summaryText   `json:"summary"`
		Items   []chapterWire `json:"items"`
	}
	q := url.Values{"video_no": {videoNo}, "type": {kind}, scopeParam: {ScopeOr(scope)}}
	if err := c.call(ctx, getRequest("summary", "/serve/api/v1/generate_summary", q), &w); err != nil || w == nil {
		return nil, err
	}
	items := append(w.Items, w.Summary.items...)
	if w.Summary.text == "" && len(items) == 0 {
		return nil, nil
	}
	s := &contract.Summary{Text: strings.TrimSpace(w.Summary.text), Items: make([]contract.Chapter, len(items))}
	for i, it := range items {
		end := -1.0
		if it.End != nil && it.End.set {
			end = it.End.v
		}
		s.Items[i] = contract.Chapter{Title: strings.TrimSpace(string(it.Title)), Description: strings.TrimSpace(string(it.Description)),
			Start: optValue(it.Start, nil, 0), End: end}
	}
	return s, nil
}
