package core

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/applog"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/transfer"
)

// failingClient is a real client whose every call is answered with the envelope code (or, for a
// 3-digit code, that HTTP status with no envelope).
func failingClient(t *testing.T, code string) *api.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(code) == 3 {
			http.Error(w, "<html>down</html>", map[string]int{"404": 404, "500": 500, "200": 200}[code])
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"code": code, "msg": "refused", "failed": true})
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "sk-explain"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// failure is the error of listing scopes against a server that answers code.
func failure(t *testing.T, code string) error {
	t.Helper()
	_, err := failingClient(t, code).ListScopes(context.Background())
	if err == nil {
		t.Fatalf("code %s: no error", code)
	}
	return err
}

func TestEveryKindOfFailureIsExplained(t *testing.T) {
	for code, kind := range map[string]error{"0001": api.ErrBadRequest, "0401": api.ErrUnauthorized,
		"0402": api.ErrNoCredits, "0403": api.ErrForbidden, "0409": api.ErrConflict, "0429": api.ErrRateLimited,
		"9009": api.ErrPermission, "500": api.ErrServer, "200": api.ErrUnexpected} {
		err := failure(t, code)
		if !errors.Is(err, kind) {
			t.Fatalf("code %s gave %v, want %v", code, err, kind)
		}
		summary, next := Explain(err)
		if summary == "" || next == "" || summary != i18n.English.T("error."+kindKeys[kind]) {
			t.Errorf("code %s: %q / %q", code, summary, next)
		}
	}
	if len(kindKeys) != 12 { // ErrNotFound, ErrNetwork and ErrFileGrew have tests of their own
		t.Fatalf("%d kinds explained; a new api kind needs its sentence here", len(kindKeys))
	}
}

func TestRateLimitSummaryNamesTheCallThatWasHit(t *testing.T) {
	c := failingClient(t, "0429")
	_, err := c.UploadFile(context.Background(), api.UploadFileRequest{Name: "a.mp4", Size: 1, Body: strings.NewReader("x")})
	summary, next := Explain(err)
	if !strings.Contains(summary, "1 upload per minute") || !strings.Contains(next, "retries automatically") {
		t.Fatalf("upload: %q / %q", summary, next)
	}
	_, err = c.Download(context.Background(), "VI1", "", api.DownloadOptions{})
	if summary, _ := Explain(err); !strings.Contains(summary, "12 downloads per minute") {
		t.Fatalf("download: %q (%v)", summary, err)
	}
}

func TestExplainInputsCancellationAndNothing(t *testing.T) {
	_, err := failingClient(t, "0000").UploadFile(context.Background(), api.UploadFileRequest{Name: "a.txt", Size: 1, Body: strings.NewReader("x")})
	if summary, next := Explain(err); !strings.Contains(summary, ".mp4") || next != "Correct the file and try again." {
		t.Fatalf("validation: %q / %q", summary, next)
	}
	if _, next := Explain(&api.ValidationError{Field: "APIKey", Message: "no key"}); !strings.Contains(next, "Settings") {
		t.Fatalf("no key: %q", next)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := failingClient(t, "0000").ListScopes(ctx); !strings.Contains(summaryOf(Explain(err)), "cancelled") {
		t.Fatalf("cancelled: %v", err)
	}
	if s, n := Explain(nil); s != "" || n != "" {
		t.Fatalf("nil: %q / %q", s, n)
	}
}

// summaryOf keeps the summary of an explanation.
func summaryOf(summary, _ string) string { return summary }

func TestExplainFinalDropsPromisesOfAutomaticRetry(t *testing.T) {
	for _, err := range []error{failure(t, "500"), failure(t, "0429"), unreachable(t)} {
		_, live := Explain(err)
		summary, next := ExplainFinal(err)
		if !strings.Contains(live, "automatically") || strings.Contains(next, "automatically") || summary == "" || next == "" {
			t.Errorf("%v: live %q, final %q", err, live, next)
		}
	}
}

// unreachable is the error of a call to a port nothing listens on.
func unreachable(t *testing.T) error {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	c, err := api.New(api.Config{BaseURL: url, AssetBaseURL: url, APIKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListScopes(context.Background())
	if !errors.Is(err, api.ErrNetwork) {
		t.Fatalf("got %v", err)
	}
	return err
}

func TestReportHintsNameTheLogFile(t *testing.T) {
	bugs := []error{failure(t, "200"), errors.New("something new")}
	for _, err := range bugs {
		if _, next := Explain(err); !strings.HasSuffix(next, "report it with the log (Settings → Open log folder).") {
			t.Fatalf("without a log file: %q", next)
		}
	}
	closer, err := applog.Open(t.TempDir(), "memories", slog.LevelInfo, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func(old *slog.Logger) { closer.Close(); slog.SetDefault(old) }(slog.Default())
	for _, err := range bugs {
		if _, next := Explain(err); !strings.Contains(next, "report it with the log ("+applog.Path()+").") {
			t.Fatalf("with a log file: %q", next)
		}
	}
	if _, next := Explain(failure(t, "0401")); strings.Contains(next, "log") {
		t.Fatalf("a bad key is not a bug to report: %q", next)
	}
}

// The engine core starts records core's words for a job that failed for good.
func TestFailedJobKeepsCoresExplanation(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	j, err := c.engine().EnqueueDownload(transfer.DownloadSpec{VideoNo: "VI404404404404404404", Dest: t.TempDir() + "/x.mp4"})
	if err != nil {
		t.Fatal(err)
	}
	got := finish(t, c, j.ID)
	if got.State != jobstate.Failed || got.Error.Code != "not_found" ||
		!strings.HasPrefix(got.Error.Message, i18n.English.T("error.notFound")) {
		t.Fatalf("failed job: %s %+v", got.State, got.Error)
	}
}

// A failure on this computer is worded for its code, with its own text as the detail, and the
// step for its code; the taken-name case is a real failed download through the engine core starts.
func TestLocalFailuresGetTheAdviceOfTheirCode(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	err := errors.New("write /media/x.mp4: no space left on device")
	if got := FailedJobMessage("disk_full", err); got != "The disk is full (write /media/x.mp4: no space left on device). Free some space on that disk, then retry." {
		t.Fatalf("disk full: %q", got)
	}
	i18n.SetDefault(i18n.New("de"))
	if got := FailedJobMessage("disk_full", err); !strings.HasPrefix(got, "Der Datenträger ist voll (write /media/x.mp4") {
		t.Fatalf("German: %q", got)
	}
	i18n.SetDefault(i18n.English)
	if got := FailedJobMessage("not_found", err); strings.Contains(got, "Free some space") {
		t.Fatalf("an api code got local advice: %q", got)
	}
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	no := uploadedVideo(t, c, mediatest.MP4([]byte("taken name")))
	dest := t.TempDir() + "/clip.mp4"
	j, _ := c.activeDB().Job(failedDownload(t, c, no, dest))
	if !strings.HasSuffix(j.Error.Message, i18n.English.T(localNext[errcode.Exists])) || !strings.Contains(j.Error.Message, "clip.mp4") {
		t.Fatalf("taken name: %q", j.Error.Message)
	}
}

// A network failure is about the address that failed: on this computer the internet and proxies
// are beside the point; a custom host is named, never taken for memories.ai.
func TestNetworkFailureNamesTheAddressThatFailed(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, _ := api.New(api.Config{BaseURL: "http://" + addr, APIKey: "sk-explain"})
	_, err = c.WithoutRetries().ListScopes(context.Background())
	summary, next := Explain(err)
	if !strings.Contains(summary, addr+" on this computer") || strings.Contains(next, "internet") ||
		strings.Contains(next, "proxy") || strings.Contains(summary, "memories.ai") {
		t.Fatalf("loopback: %q / %q", summary, next)
	}
	if _, final := ExplainFinal(err); strings.Contains(final, "retries automatically") || strings.Contains(final, "internet") || !strings.HasSuffix(final, "then retry.") {
		t.Fatalf("final advice: %q", final)
	}
	c, _ = api.New(api.Config{BaseURL: "https://stand-in.invalid", APIKey: "sk-explain"})
	_, err = c.WithoutRetries().ListScopes(context.Background())
	if summary, _ := Explain(err); !strings.Contains(summary, "stand-in.invalid") || strings.Contains(summary, "memories.ai") {
		t.Fatalf("custom host: %q (%v)", summary, err)
	}
}

// A 404 page is a wrong address, not a missing video: said so, with where to fix it.
func TestNotFoundPageIsAWrongAddress(t *testing.T) {
	summary, next := Explain(failure(t, "404"))
	if !strings.Contains(summary, "does not offer the memories.ai API") || !strings.Contains(next, "API base URL") ||
		strings.Contains(summary, "video or asset") {
		t.Fatalf("404 page: %q / %q", summary, next)
	}
}
