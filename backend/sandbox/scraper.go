package sandbox

import (
	"cmp"
	"encoding/json"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Limits of scraper_url (docs/API.md §6.1).
const (
	maxScrapeLinks = 50
	defaultQuality = "360" // the newest published default (docs/API.md §11.7)
)

// qualities are the accepted values of the quality field.
var qualities = []string{"360", "480", "720", "1080", "1440", "2160"}

// scrapeRequest is the JSON body of scraper_url.
type scrapeRequest struct {
	VideoURLs      []string        `json:"video_urls"`
	TikTokPostURLs []string        `json:"tiktok_post_urls"`
	UniqueID       *string         `json:"unique_id"`
	CallbackURL    string          `json:"callback_url"`
	Callback       string          `json:"callback"`
	Quality        json.RawMessage `json:"quality"`
}

// handleScrape serves POST /serve/api/v1/scraper_url: it validates the links and starts a task
// whose videos appear after ParseDelay/2.
func (s *Server) handleScrape(c *call) (any, error) {
	var req scrapeRequest
	if err := decodeJSON(c.r, &req); err != nil {
		return nil, err
	}
	t, err := req.task()
	if err != nil {
		return nil, err
	}
	t.createdAt, t.fails = c.now, c.faults.FailParse
	id := s.addTask(t)
	s.incr(func(st *Stats) { st.Imports++ })
	sleepUnless(c.r.Context(), c.faults.ReplyDelay, c.replaced)
	return map[string]string{"taskId": id}, nil
}

// task validates the request and turns it into a pending import task.
func (req scrapeRequest) task() (task, error) {
	links, platform, err := scrapeLinks(append(slices.Clone(req.VideoURLs), req.TikTokPostURLs...))
	if err != nil {
		return task{}, err
	}
	ns, err := optionalNamespace(req.UniqueID)
	if err != nil {
		return task{}, err
	}
	quality, err := parseQuality(req.Quality)
	if err != nil {
		return task{}, err
	}
	callback := cmp.Or(req.CallbackURL, req.Callback)
	t := task{uniqueID: ns, platform: platform, quality: quality, callback: callback, links: links}
	return t, checkCallback(callback)
}

// scrapeLinks checks the 1–50 rule and that every link is from the same platform; it drops duplicates.
func scrapeLinks(raw []string) ([]string, string, error) {
	if len(raw) == 0 || len(raw) > maxScrapeLinks {
		return nil, "", badParam("send 1 to %d links in video_urls and tiktok_post_urls (got %d)", maxScrapeLinks, len(raw))
	}
	var links []string
	platform := ""
	for _, l := range raw {
		l = strings.TrimSpace(l)
		p, err := platformOf(l)
		if err != nil {
			return nil, "", err
		}
		if platform != "" && p != platform {
			return nil, "", badParam("all links of one request must be from one platform (got %s and %s)", platform, p)
		}
		platform = p
		if !slices.Contains(links, l) {
			links = append(links, l)
		}
	}
	return links, platform, nil
}

// platformOf classifies a post link as tiktok, youtube or instagram.
func platformOf(link string) (string, error) {
	u, err := httpLink(link, "video_urls")
	if err != nil {
		return "", err
	}
	host := strings.ToLower(u.Hostname())
	switch {
	case hostIs(host, "tiktok.com"):
		return "tiktok", nil
	case hostIs(host, "youtube.com"), host == "youtu.be":
		return "youtube", nil
	case hostIs(host, "instagram.com"):
		return "instagram", nil
	}
	return "", badParam("%q is not a TikTok, YouTube or Instagram link", link)
}

// hostIs reports whether host is domain or one of its subdomains (www., m., vm., vt.).
func hostIs(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// parseQuality accepts the quality as a string enum ("1080") or, like v1.2 examples, an integer.
func parseQuality(raw json.RawMessage) (string, error) {
	q := strings.Trim(string(raw), `" `)
	if len(raw) == 0 || string(raw) == "null" {
		return defaultQuality, nil
	}
	if !slices.Contains(qualities, q) {
		return "", badParam("quality must be one of %s", strings.Join(qualities, ", "))
	}
	return q, nil
}

// linkName derives a readable video name from a post link: platform plus the post id.
func linkName(platform, link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return platform
	}
	id := cmp.Or(u.Query().Get("v"), path.Base(strings.TrimSuffix(u.Path, "/")))
	if id == "." || id == "/" || id == "" {
		return platform
	}
	return platform + "_" + strings.Map(safeNameRune, id)
}

// safeNameRune keeps letters, digits, '-' and '_' and replaces the rest with '_'.
func safeNameRune(r rune) rune {
	if r == '-' || r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
		return r
	}
	return '_'
}

// platformSize is the resolution an import gets: YouTube up to the requested quality (sources are
// at most 1080p here), TikTok and Instagram at their vertical source size.
func platformSize(platform, quality string) (int, int) {
	if platform != "youtube" {
		return 720, 1280
	}
	q, _ := strconv.Atoi(quality)
	h := min(q, 1080)
	return h * 16 / 9, h
}
