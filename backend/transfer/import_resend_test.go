package transfer

import (
	"context"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/sandbox"
)

var twoLinks = ImportSpec{Platform: "tiktok", Quality: "720", Links: []string{
	"https://www.tiktok.com/@a/video/7300000000000000001", "https://www.tiktok.com/@a/video/7300000000000000002"}}

// An import whose reply was lost (the process stopped while the service held it back) may have
// created its task: the resume does not send it again but fails it for a person to check, and
// only their Retry sends it.
func TestImportWhoseReplyWasLostIsNotSentAgain(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.sb.SetFaults(sandbox.Faults{ReplyDelay: 5 * time.Second})
	j, _ := r.eng.EnqueueImport(twoLinks)
	clocktest.WaitFor(t, func() bool { return r.sb.Stats().Imports == 1 })
	r.close() // the process stops while the reply is held back
	r.sb.SetFaults(sandbox.Faults{})
	r.open(Options{})
	if got, _ := r.db.Job(j.ID); got.State != jobstate.Interrupted || got.AttemptStarted == 0 {
		t.Fatalf("after restart the job is %s, marked sent at %d", got.State, got.AttemptStarted)
	}
	r.eng.ResumeInterrupted()
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Failed || got.Error == nil || got.Error.Code != errcode.MaybeSent {
		t.Fatalf("resumed import: %s %+v", got.State, got.Error)
	}
	if st := r.sb.Stats(); st.Imports != 1 || st.RepeatedLinks != 0 {
		t.Fatalf("%d import requests, %d links sent twice after the resume; want 1 and 0", st.Imports, st.RepeatedLinks)
	}
	if err := r.eng.Retry(j.ID); err != nil {
		t.Fatal(err)
	}
	if got = r.wait(j.ID)[0]; got.State != jobstate.Done || r.sb.Stats().Imports != 2 {
		t.Fatalf("after Retry: %s, %d requests", got.State, r.sb.Stats().Imports)
	}
}

// A request that failed without an answer from the service itself (here a gateway's 503) is
// not repeated by the automatic retries either: one request, then the job asks a person.
func TestImportWithoutAnAnswerIsNotRetriedAutomatically(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.sb.SetFaults(sandbox.Faults{ServerErrorEvery: 1})
	j, _ := r.eng.EnqueueImport(twoLinks)
	got := r.wait(j.ID)[0]
	if got.State != jobstate.Failed || got.Error == nil || got.Error.Code != errcode.MaybeSent || r.sb.Stats().Calls != 1 {
		t.Fatalf("import %s %+v after %d calls; want failed, maybe_sent, 1 call", got.State, got.Error, r.sb.Stats().Calls)
	}
}

// The service's own refusal (0429: too many requests) creates no task: the mark is cleared and
// the automatic retry sends it again.
func TestImportRefusedByTheServiceIsRetried(t *testing.T) {
	r := newRig(t, sandbox.Options{})
	r.sb.SetFaults(sandbox.Faults{RateLimitAfter: 1})
	client, _ := api.New(api.Config{BaseURL: r.url, AssetBaseURL: r.url, APIKey: "sk-engine-test"})
	client.ListVideos(context.Background(), contract.ListRequest{}) // the one call let through
	j, _ := r.eng.EnqueueImport(twoLinks)
	clocktest.WaitFor(t, func() bool { return r.sb.Stats().Calls >= 2 })
	r.sb.SetFaults(sandbox.Faults{})
	if got := r.wait(j.ID)[0]; got.State != jobstate.Done || got.Attempts < 2 {
		t.Fatalf("import %s after %d attempts, %+v", got.State, got.Attempts, got.Error)
	}
}
