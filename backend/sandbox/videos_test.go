package sandbox

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// listVideos posts a list_videos body and returns the raw data object.
func listVideos(t *testing.T, base, body string) map[string]json.RawMessage {
	t.Helper()
	var data map[string]json.RawMessage
	fetchJSON(t, base+"/serve/api/v1/list_videos", body).ok(t).decode(t, &data)
	return data
}

// listedNos returns the video numbers of a list_videos answer in order.
func listedNos(t *testing.T, data map[string]json.RawMessage) []string {
	t.Helper()
	var vids []struct {
		VideoNo string `json:"video_no"`
	}
	if err := json.Unmarshal(data["videos"], &vids); err != nil {
		t.Fatal(err)
	}
	var nos []string
	for _, v := range vids {
		nos = append(nos, v.VideoNo)
	}
	return nos
}

// metadata fetches get_metadata and returns the raw data.
func metadata(t *testing.T, base, no, ns string) json.RawMessage {
	t.Helper()
	return fetch(t, http.MethodGet, base+"/serve/api/v1/get_metadata?video_no="+no+"&unique_id="+ns, "", "").ok(t).Data
}

// metadataStatus returns data.status of get_metadata.
func metadataStatus(t *testing.T, base, no string) (status, cause string) {
	t.Helper()
	var d struct{ Status, Cause string }
	if err := json.Unmarshal(metadata(t, base, no, "default"), &d); err != nil {
		t.Fatal(err)
	}
	return d.Status, d.Cause
}

// TestStatusLifecycle moves a video UNPARSE → PARSE with a fake clock.
func TestStatusLifecycle(t *testing.T) {
	clock := newFakeClock()
	_, ts := newSandbox(t, Options{Now: clock.Now, ParseDelay: 2 * time.Second})
	no := uploadSmall(t, ts.URL, "v")
	clock.Advance(1999 * time.Millisecond)
	if st, _ := metadataStatus(t, ts.URL, no); st != StatusUnparse {
		t.Fatalf("before ParseDelay: %s", st)
	}
	clock.Advance(time.Millisecond)
	if st, cause := metadataStatus(t, ts.URL, no); st != StatusParse || cause != "" {
		t.Fatalf("after ParseDelay: %s %q", st, cause)
	}
}

// TestZeroParseDelay parses on the next read.
func TestZeroParseDelay(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	no := uploadSmall(t, ts.URL, "v")
	if st, _ := metadataStatus(t, ts.URL, no); st != StatusParse {
		t.Fatalf("status %s, want PARSE on the next read", st)
	}
}

// TestFailParse makes new uploads end FAILED with a cause, leaving earlier ones alone.
func TestFailParse(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	good := uploadSmall(t, ts.URL, "v")
	s.SetFaults(Faults{FailParse: true})
	bad := uploadSmall(t, ts.URL, "v")
	if st, cause := metadataStatus(t, ts.URL, bad); st != StatusFailed || cause != "unsupported codec" {
		t.Errorf("failed upload: %s %q", st, cause)
	}
	if st, _ := metadataStatus(t, ts.URL, good); st != StatusParse {
		t.Errorf("earlier upload: %s", st)
	}
}

// TestMetadata returns the documented fields and data:null for unknown ids or other namespaces.
func TestMetadata(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	no := uploadSmall(t, ts.URL, "12345", field("camera_model", "GoPro"), field("datetime_taken", "2025-01-02 03:04:05"))
	var d map[string]any
	if err := json.Unmarshal(metadata(t, ts.URL, no, "default"), &d); err != nil {
		t.Fatal(err)
	}
	if d["video_no"] != no || d["size"] != float64(5) || d["camera_model"] != "GoPro" || d["resolution_label"] != "720P" ||
		d["datetime_taken"] != float64(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC).UnixMilli()) || d["cause"] != nil {
		t.Errorf("metadata %v", d)
	}
	for _, q := range [][2]string{{"VI000000000000000000", "default"}, {no, "other"}} {
		if data := metadata(t, ts.URL, q[0], q[1]); string(data) != "null" {
			t.Errorf("metadata of %v = %s, want null", q, data)
		}
	}
	fetch(t, http.MethodGet, ts.URL+"/serve/api/v1/get_metadata", "", "").wantCode(t, codeBadParam, "video_no")
}

// TestCaptureMetadataHiddenUntilParsed follows the docs: capture fields appear only after parsing.
func TestCaptureMetadataHiddenUntilParsed(t *testing.T) {
	clock := newFakeClock()
	_, ts := newSandbox(t, Options{Now: clock.Now, ParseDelay: time.Second})
	no := uploadSmall(t, ts.URL, "v", field("camera_model", "GoPro"), field("tags", "x"))
	body := `{"camera_model":"GoPro"}`
	if nos := listedNos(t, listVideos(t, ts.URL, body)); len(nos) != 0 {
		t.Errorf("camera filter matched an unparsed video")
	}
	clock.Advance(time.Second)
	if nos := listedNos(t, listVideos(t, ts.URL, body)); !slices.Equal(nos, []string{no}) {
		t.Errorf("camera filter after parse: %v", nos)
	}
}

// TestListVideos checks paging, newest-first order, strings for numbers and every filter.
func TestListVideos(t *testing.T) {
	clock := newFakeClock()
	s, ts := newSandbox(t, Options{Now: clock.Now})
	var nos []string
	for i := range 5 {
		clock.Advance(time.Second)
		nos = append(nos, uploadSmall(t, ts.URL, "v"+strconv.Itoa(i),
			field("tags", "t"+strconv.Itoa(i%2)), field("camera_model", "cam"+strconv.Itoa(i%2)),
			field("latitude", "48.85"), field("longitude", strconv.Itoa(2+i*10)),
			field("datetime_taken", "2025-01-0"+strconv.Itoa(i+1)+" 00:00:00")))
	}
	other := uploadSmall(t, ts.URL, "other", field("unique_id", "elsewhere"))
	clock.Advance(time.Second)
	data := listVideos(t, ts.URL, `{"page":2,"size":2}`)
	if string(data["total_count"]) != `"5"` || string(data["current_page"]) != "2" || string(data["page_size"]) != "2" {
		t.Errorf("paging fields %s %s %s", data["total_count"], data["current_page"], data["page_size"])
	}
	if got := listedNos(t, data); !slices.Equal(got, []string{nos[2], nos[1]}) {
		t.Errorf("page 2 = %v, want newest first %v", got, []string{nos[2], nos[1]})
	}
	dayThree := time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC).UnixMilli()
	filters := []struct {
		body string
		want []string
	}{
		{`{}`, []string{nos[4], nos[3], nos[2], nos[1], nos[0]}},
		{`{"page":3,"size":2}`, []string{nos[0]}},
		{`{"page":4,"size":2}`, nil},
		{`{"video_no":"` + nos[1] + `"}`, []string{nos[1]}},
		{`{"video_name":"` + videoByNo(t, s, nos[2]).VideoName + `"}`, []string{nos[2]}},
		{`{"video_nos":["` + nos[1] + `","` + nos[3] + `","VI1"]}`, []string{nos[3], nos[1]}},
		{`{"status":"PARSE","tag":"t1"}`, []string{nos[3], nos[1]}},
		{`{"status":"UNPARSE"}`, nil},
		{`{"camera_model":"cam0"}`, []string{nos[4], nos[2], nos[0]}},
		{`{"datetime_taken":` + strconv.FormatInt(dayThree, 10) + `}`, []string{nos[4], nos[3], nos[2]}},
		{`{"latitude":48.85,"longitude":2.1}`, []string{nos[0]}},
		{`{"unique_id":"elsewhere"}`, []string{other}},
	}
	for _, f := range filters {
		if got := listedNos(t, listVideos(t, ts.URL, f.body)); !slices.Equal(got, f.want) {
			t.Errorf("filter %s = %v, want %v", f.body, got, f.want)
		}
	}
}

// TestListVideosStringNumbers checks the v1.2-style encoding clients must decode leniently.
func TestListVideosStringNumbers(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	uploadSmall(t, ts.URL, "123456")
	var vids []map[string]any
	_ = json.Unmarshal(listVideos(t, ts.URL, `{}`)["videos"], &vids)
	v := vids[0]
	if v["size"] != "6" || v["cause"] != "null" || v["fps"] != float64(30) {
		t.Errorf("list entry %v", v)
	}
	for _, k := range []string{"duration", "create_time"} {
		if _, ok := v[k].(string); !ok {
			t.Errorf("%s is %T, want a string", k, v[k])
		}
	}
}

// TestListVideosRejections covers invalid paging and filters.
func TestListVideosRejections(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	for body, msg := range map[string]string{
		`{"page":0}`: "page", `{"size":-1}`: "size", `{"status":"DONE"}`: "status",
		`{"latitude":1}`: "together", `{"page":"1"}`: "malformed JSON", `{"unique_id":" "}`: "unique_id",
	} {
		fetchJSON(t, ts.URL+"/serve/api/v1/list_videos", body).wantCode(t, codeBadParam, msg)
	}
}

// TestDeleteVideos sends the raw array with unique_id in the query, as documented.
func TestDeleteVideos(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	a, b := uploadSmall(t, ts.URL, "a"), uploadSmall(t, ts.URL, "b")
	c := uploadSmall(t, ts.URL, "c", field("unique_id", "other"))
	path := videoByNo(t, s, a).Path
	r := fetchJSON(t, ts.URL+"/serve/api/v1/delete_videos?unique_id=default", `["`+a+`","`+c+`","VI999"]`).ok(t)
	if string(r.Data) != "null" {
		t.Errorf("delete data %s", r.Data)
	}
	left := videoNos(s.Videos(""))
	if slices.Contains(left, a) || !slices.Contains(left, b) || !slices.Contains(left, c) {
		t.Errorf("after delete: %v (a=%s deleted, c in another namespace kept)", left, a)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("file of the deleted video: %v, want it removed", err)
	}
	if s.Stats().Deletes != 1 {
		t.Errorf("stats %+v", s.Stats())
	}
}

// videoByNo finds a stored video.
func videoByNo(t *testing.T, s *Server, no string) Video {
	t.Helper()
	for _, v := range s.Videos("") {
		if v.VideoNo == no {
			return v
		}
	}
	t.Fatalf("video %s not stored", no)
	return Video{}
}

// TestDeleteVideosRejections covers the array bounds and the body type.
func TestDeleteVideosRejections(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	big := make([]string, 101)
	for i := range big {
		big[i] = "VI" + strconv.Itoa(i)
	}
	bigJSON, _ := json.Marshal(big)
	for body, msg := range map[string]string{`[]`: "1 to 100", string(bigJSON): "1 to 100",
		`{"video_nos":["VI1"]}`: "malformed JSON", ``: "body is required"} {
		fetchJSON(t, ts.URL+"/serve/api/v1/delete_videos?unique_id=default", body).wantCode(t, codeBadParam, msg)
	}
}

// TestListUniqueIDs lists namespaces sorted, and an empty array on a fresh server.
func TestListUniqueIDs(t *testing.T) {
	_, ts := newSandbox(t, Options{})
	get := func() string {
		return string(fetch(t, http.MethodGet, ts.URL+"/serve/api/v1/list_unique_ids", "", "").ok(t).Data)
	}
	if got := get(); got != `{"unique_ids":[]}` {
		t.Errorf("fresh: %s", got)
	}
	uploadSmall(t, ts.URL, "v", field("unique_id", "zoo"))
	uploadSmall(t, ts.URL, "v")
	startScrape(t, ts.URL, `{"video_urls":["https://youtu.be/a"],"unique_id":"holiday_2025"}`)
	if got := get(); got != `{"unique_ids":["default","holiday_2025","zoo"]}` {
		t.Errorf("got %s", got)
	}
}
