package sandbox

import (
	"fmt"
	"testing"
)

// TestConcurrentClients runs uploads, imports, lists, downloads and deletes in parallel subtests;
// with -race it proves the state is guarded.
func TestConcurrentClients(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	t.Run("clients", func(t *testing.T) {
		for i := range 8 {
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				ns := fmt.Sprintf("ns%d", i%3)
				no := uploadSmall(t, ts.URL, "bytes", field("unique_id", ns))
				startScrape(t, ts.URL, fmt.Sprintf(`{"video_urls":["https://youtu.be/v%d"],"unique_id":%q}`, i, ns))
				listVideos(t, ts.URL, fmt.Sprintf(`{"unique_id":%q}`, ns))
				if got := readAll(t, download(t, ts.URL, fmt.Sprintf(`{"video_no":%q,"unique_id":%q}`, no, ns), "")); got != "bytes" {
					t.Errorf("download %q", got)
				}
				fetchJSON(t, ts.URL+"/serve/api/v1/delete_videos?unique_id="+ns, fmt.Sprintf(`[%q]`, no)).ok(t)
			})
		}
	})
	if n := len(s.Videos("")); n != 8 {
		t.Errorf("%d videos left, want the 8 imports", n)
	}
	if st := s.Stats(); st.Uploads != 8 || st.Imports != 8 || st.Downloads != 8 || st.Deletes != 8 {
		t.Errorf("stats %+v", st)
	}
}
