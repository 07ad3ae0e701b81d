package api

import (
	"cmp"
	"context"
	"net/http"
	"slices"

	"memories-desktop/backend/i18n"
)

// ImportRequest asks the service to fetch videos from social platform post URLs (TikTok,
// YouTube, Instagram) into the private library. All links of one request should come from one
// platform.
type ImportRequest struct {
	Links       []string // post/video page URLs
	TikTokLinks []string // extra TikTok post URLs; they count toward the same limit
	Scope       string   // namespace; "default" when empty
	Callback    string   // optional http(s) URL the service notifies
	Quality     string   // "360" "480" "720" "1080" "1440" "2160"; "720" when empty (YouTube only)
}

// Limits and defaults of an import (docs/API.md §6.1, §11.7).
const (
	MaxImportLinks = 50
	DefaultQuality = "720"
)

// Qualities lists the accepted ImportRequest.Quality values.
var Qualities = []string{"360", "480", "720", "1080", "1440", "2160"}

type importWire struct {
	VideoURLs  []string `json:"video_urls"`
	TikTokURLs []string `json:"tiktok_post_urls,omitempty"`
	UniqueID   string   `json:"unique_id"`
	Callback   string   `json:"callback_url,omitempty"`
	Quality    string   `json:"quality"`
}

// Import starts a platform import and returns the task id to poll with TaskStatus. It always uses
// the private endpoint: the _public variant would publish the videos permanently to everyone.
func (c *Client) Import(ctx context.Context, r ImportRequest) (taskID string, err error) {
	body, err := r.wire()
	if err != nil {
		return "", err
	}
	req, err := jsonRequest("import", "/serve/api/v1/scraper_url", nil, body)
	if err != nil {
		return "", err
	}
	var data struct {
		TaskID flexString `json:"taskId"`
	}
	if err := c.call(ctx, req, &data); err != nil {
		return "", err
	}
	if data.TaskID == "" {
		return "", c.newError("import", http.StatusOK, "0000", "the answer carries no taskId", ErrUnexpected)
	}
	return string(data.TaskID), nil
}

// wire validates r and builds the request body. video_urls is required by the service, so when
// only TikTok links are given they travel as video_urls (the service merges both lists anyway).
func (r ImportRequest) wire() (importWire, error) {
	if err := r.validate(); err != nil {
		return importWire{}, err
	}
	w := importWire{VideoURLs: r.Links, TikTokURLs: r.TikTokLinks, UniqueID: ScopeOr(r.Scope),
		Callback: r.Callback, Quality: cmp.Or(r.Quality, DefaultQuality)}
	if len(w.VideoURLs) == 0 {
		w.VideoURLs, w.TikTokURLs = w.TikTokURLs, nil
	}
	return w, nil
}

func (r ImportRequest) validate() error {
	links := slices.Concat(r.Links, r.TikTokLinks)
	if len(links) == 0 || len(links) > MaxImportLinks {
		return invalid("links", "api.linksCount", i18n.Args{"Max": MaxImportLinks, "Count": len(links)})
	}
	for _, l := range links {
		if _, err := parseHTTPURL("links", l, 0); err != nil {
			return err
		}
	}
	if r.Quality != "" && !slices.Contains(Qualities, r.Quality) {
		return invalid("quality", "api.quality")
	}
	if r.Callback == "" {
		return nil
	}
	_, err := parseHTTPURL("callback", r.Callback, maxCallbackLen)
	return err
}
