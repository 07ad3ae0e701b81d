package pacing

import (
	"context"
	"memories-desktop/backend/clock/clocktest"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"memories-desktop/backend/api"
)

// Every operation the client sends is mapped to a documented group; an unknown one gets its own
// unpaced lane rather than sharing (and slowing) another's.
func TestEndpointForOps(t *testing.T) {
	want := map[string]Endpoint{"upload": EpUpload, "upload_url": EpUpload, "import": EpImport,
		"download": EpDownload, "download_asset": EpAsset, "list_videos": EpList, "list_scopes": EpList,
		"task_status": EpStatus, "delete": EpDelete, "metadata": EpMetadata,
		"search": EpSearch, "search_phrase": EpSearch, "search_image": EpSearch, "transcript": EpText,
		"captions": EpText, "summary": EpText, "keyframe": EpKeyframe, "unknown_op": "unknown_op"}
	for op, ep := range want {
		if got := EndpointFor(op); got != ep {
			t.Errorf("%s → %s, want %s", op, got, ep)
		}
	}
	if DefaultLimits()[EndpointFor("unknown_op")].Every != 0 {
		t.Error("an unknown operation is spaced")
	}
}

// A client with the gate waits for the list slot, and its wait notice frames the wait.
func TestGateSpacesClientRequestsAndNotifies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":"0000","msg":"success","data":{"unique_ids":["default"]}}`))
	}))
	defer srv.Close()
	p, c := newTestPacer(true, nil)
	client, err := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "sk-test", Gate: p.Gate()})
	if err != nil {
		t.Fatal(err)
	}
	var notes []bool
	ctx := WithWaitNotice(context.Background(), func(w bool) { notes = append(notes, w) })
	if _, err := client.ListScopes(ctx); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := client.ListScopes(context.Background()); done <- err }()
	clocktest.Block(t, c, 1) // the second list waits for its slot
	c.Advance(200 * time.Millisecond)
	if err := clocktest.Await(t, done); err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || !notes[0] || notes[1] {
		t.Fatalf("notices %v, want [true false]", notes)
	}
}

// Done turns transient failures into backoff (at least Retry-After) and leaves other errors be.
func TestGateDoneFeedsTheBackoff(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "9")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}))
	defer srv.Close()
	p, _ := newTestPacer(false, nil)
	client, _ := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "sk-test"})
	_, err := client.ListScopes(context.Background())
	p.Gate().Done("upload", err)
	if got := p.NextSlot(EpUpload); got != 9*time.Second {
		t.Fatalf("hold after 429 with Retry-After 9: %v", got)
	}
	p.Gate().Done("download", &api.ValidationError{Field: "x"})
	p.Gate().Done("download", context.Canceled)
	if got := p.NextSlot(EpDownload); got != 0 {
		t.Fatalf("a non-transient failure held the lane for %v", got)
	}
}
