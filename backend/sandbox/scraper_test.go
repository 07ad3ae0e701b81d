package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// scrapeDocBody is the scraper_url body as the docs show it.
const scrapeDocBody = `{"video_urls":["https://www.tiktok.com/@cooking/video/7311111111111111111",
 "https://vm.tiktok.com/ZMabcdef/"],"unique_id":"default","callback_url":"https://example.com/cb","quality":"1080"}`

// startScrape posts body and returns the task id.
func startScrape(t *testing.T, base, body string) string {
	t.Helper()
	var data struct {
		TaskID string `json:"taskId"`
	}
	fetchJSON(t, base+"/serve/api/v1/scraper_url", body).ok(t).decode(t, &data)
	if !uuidRE.MatchString(data.TaskID) {
		t.Fatalf("taskId %q is not a UUID", data.TaskID)
	}
	return data.TaskID
}

// taskVideos polls get_video_ids_by_task_id in the current shape.
func taskVideosOf(t *testing.T, base, taskID string) []map[string]any {
	t.Helper()
	var data struct {
		Videos []map[string]any `json:"videos"`
	}
	fetch(t, http.MethodGet, base+"/serve/api/v1/get_video_ids_by_task_id?task_id="+taskID+"&unique_id=default", "", "").
		ok(t).decode(t, &data)
	if data.Videos == nil {
		t.Fatal("data.videos is missing or null")
	}
	return data.Videos
}

// TestScrapeTaskLifecycle follows a task: no videos, then UNPARSE videos after ParseDelay/2, then
// PARSE after a further ParseDelay.
func TestScrapeTaskLifecycle(t *testing.T) {
	clock := newFakeClock()
	s, ts := newSandbox(t, Options{Now: clock.Now, ParseDelay: 10 * time.Second})
	id := startScrape(t, ts.URL, scrapeDocBody)
	if vids := taskVideosOf(t, ts.URL, id); len(vids) != 0 {
		t.Fatalf("task has %d videos before the download finished", len(vids))
	}
	clock.Advance(5 * time.Second)
	vids := taskVideosOf(t, ts.URL, id)
	if len(vids) != 2 || vids[0]["status"] != StatusUnparse || vids[0]["video_name"] != "tiktok_7311111111111111111" {
		t.Fatalf("after ParseDelay/2: %v", vids)
	}
	for _, key := range []string{"video_no", "duration", "size", "fps", "width", "height", "create_time", "video_url", "resolution_label"} {
		if _, ok := vids[0][key]; !ok {
			t.Errorf("task video lacks %q", key)
		}
	}
	clock.Advance(10 * time.Second)
	if vids := taskVideosOf(t, ts.URL, id); vids[1]["status"] != StatusParse {
		t.Errorf("after ParseDelay: %v", vids[1])
	}
	if st := s.Stats(); st.Imports != 1 || len(s.Videos("default")) != 2 {
		t.Errorf("stats %+v, videos %d", st, len(s.Videos("default")))
	}
}

// TestScrapeLegacyTaskShape answers {"taskId","video_ids"} when asked to.
func TestScrapeLegacyTaskShape(t *testing.T) {
	_, ts := newSandbox(t, Options{LegacyTaskShape: true})
	id := startScrape(t, ts.URL, `{"video_urls":["https://youtu.be/abc"],"quality":720}`)
	var data map[string]json.RawMessage
	fetch(t, http.MethodGet, ts.URL+"/serve/api/v1/get_video_ids_by_task_id?task_id="+id, "", "").ok(t).decode(t, &data)
	var ids []string
	_ = json.Unmarshal(data["video_ids"], &ids)
	if string(data["taskId"]) != `"`+id+`"` || len(ids) != 1 || !videoNoRE.MatchString(ids[0]) || data["videos"] != nil {
		t.Errorf("legacy shape: %v", data)
	}
}

// TestScrapeUnknownTask answers 0001, also for a task of another namespace.
func TestScrapeUnknownTask(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	id := startScrape(t, ts.URL, `{"video_urls":["https://www.instagram.com/p/Cxyz/"],"unique_id":"ns1"}`)
	for _, q := range []string{"task_id=nope", "task_id=" + id, "task_id=" + id + "&unique_id=other", ""} {
		fetch(t, http.MethodGet, ts.URL+"/serve/api/v1/get_video_ids_by_task_id?"+q, "", "").wantCode(t, codeBadParam, "task")
	}
	fetch(t, http.MethodGet, ts.URL+"/serve/api/v1/get_video_ids_by_task_id?unique_id=ns1&task_id="+id, "", "").ok(t)
}

// TestScrapeReimportReusesVideo follows the docs: re-scraping a stored video only refreshes it.
func TestScrapeReimportReusesVideo(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	body := `{"video_urls":["https://www.youtube.com/watch?v=dQw4w9WgXcQ"],"quality":"2160"}`
	first := taskVideosOf(t, ts.URL, startScrape(t, ts.URL, body))
	second := taskVideosOf(t, ts.URL, startScrape(t, ts.URL, body))
	if first[0]["video_no"] != second[0]["video_no"] || len(s.Videos("default")) != 1 {
		t.Errorf("re-import created a new video: %v vs %v", first[0]["video_no"], second[0]["video_no"])
	}
	if first[0]["video_name"] != "youtube_dQw4w9WgXcQ" || first[0]["resolution_label"] != "1080P" {
		t.Errorf("youtube import %v", first[0])
	}
}

// TestScrapeRejections covers the documented limits of scraper_url.
func TestScrapeRejections(t *testing.T) {
	links := make([]string, 51)
	for i := range links {
		links[i] = fmt.Sprintf(`"https://www.tiktok.com/@u/video/%d"`, i)
	}
	tests := []struct{ name, body, msg string }{
		{"no links", `{"video_urls":[]}`, "1 to 50"},
		{"51 links", `{"video_urls":[` + strings.Join(links, ",") + `]}`, "1 to 50"},
		{"mixed platforms", `{"video_urls":["https://youtu.be/a"],"tiktok_post_urls":["https://vt.tiktok.com/x/"]}`, "one platform"},
		{"other site", `{"video_urls":["https://vimeo.com/123"]}`, "not a TikTok, YouTube or Instagram link"},
		{"not a link", `{"video_urls":["tiktok.com/@u/video/1"]}`, "http(s) link"},
		{"bad quality", `{"video_urls":["https://youtu.be/a"],"quality":"999"}`, "quality must be one of"},
		{"empty unique_id", `{"video_urls":["https://youtu.be/a"],"unique_id":""}`, "unique_id"},
		{"malformed json", `{"video_urls":`, "malformed JSON"},
		{"empty body", ``, "body is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ts := newSandbox(t, Options{})
			fetchJSON(t, ts.URL+"/serve/api/v1/scraper_url", tt.body).wantCode(t, codeBadParam, tt.msg)
			if s.Stats().Imports != 0 {
				t.Error("rejected import was counted")
			}
		})
	}
}

// TestScrapeFormBodyRefused refuses form fields on a JSON endpoint with a hint.
func TestScrapeFormBodyRefused(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	fetch(t, http.MethodPost, ts.URL+"/serve/api/v1/scraper_url", "application/x-www-form-urlencoded",
		"video_urls=https://youtu.be/a").wantCode(t, codeBadParam, "send a JSON body")
}

// TestScrapeMergesTikTokPostURLs counts tiktok_post_urls with video_urls and drops duplicates.
func TestScrapeMergesTikTokPostURLs(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	id := startScrape(t, ts.URL, `{"video_urls":["https://www.tiktok.com/@a/video/1"],
		"tiktok_post_urls":["https://www.tiktok.com/@a/video/2","https://www.tiktok.com/@a/video/1"],"callback":"https://e.com/cb"}`)
	if vids := taskVideosOf(t, ts.URL, id); len(vids) != 2 {
		t.Errorf("task has %d videos, want 2", len(vids))
	}
}
