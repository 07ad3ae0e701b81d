package store

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

func TestCreateJobAssignsIDStampsAndFirstHistory(t *testing.T) {
	db, clock := openTest(t)
	a := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "a.mp4", Params: json.RawMessage(`{"path":"/a.mp4"}`)})
	b := mustCreate(t, db, contract.Job{Kind: jobkind.Download, Name: "b", Created: 42})
	if a.ID == 0 || b.ID <= a.ID {
		t.Fatalf("ids %d, %d: want increasing non-zero", a.ID, b.ID)
	}
	now := clock.now().UnixMilli()
	if a.State != jobstate.Queued || a.Created != now || a.Updated != now {
		t.Fatalf("defaults: %+v", a)
	}
	if b.Created != 42 || b.Updated != 42 {
		t.Fatalf("explicit created not kept: %+v", b)
	}
	want := []contract.StateChange{{State: jobstate.Queued, At: now}}
	if !slices.Equal(a.History, want) {
		t.Fatalf("history %+v, want %+v", a.History, want)
	}
	got, err := db.Job(a.ID)
	if err != nil || string(got.Params) != `{"path":"/a.mp4"}` || got.Name != "a.mp4" {
		t.Fatalf("read back %+v, %v", got, err)
	}
}

func TestCreateJobRefusesUnknownValuesAndLeavesInputAlone(t *testing.T) {
	db, _ := openTest(t)
	for name, j := range map[string]contract.Job{
		"kind":    {Kind: "teleport"},
		"state":   {Kind: jobkind.Import, State: "sleeping"},
		"created": {Kind: jobkind.Import, Created: -1},
	} {
		t.Run(name, func(t *testing.T) {
			err := db.CreateJob(&j)
			if !errors.Is(err, ErrInvalid) || j.ID != 0 || j.History != nil {
				t.Fatalf("err %v, job %+v", err, j)
			}
		})
	}
}

func TestSetStateAppendsHistoryAndBumpsUpdated(t *testing.T) {
	db, clock := openTest(t)
	j := mustCreate(t, db, contract.Job{Kind: jobkind.UploadURL, Name: "https://example.com/v.mp4"})
	clock.advance(time.Second)
	if _, err := db.SetState(j.ID, jobstate.Running, ""); err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Second)
	got, err := db.SetState(j.ID, jobstate.Failed, "0429 rate limited")
	if err != nil {
		t.Fatal(err)
	}
	start := j.Created
	want := []contract.StateChange{
		{State: jobstate.Queued, At: start},
		{State: jobstate.Running, At: start + 1000},
		{State: jobstate.Failed, At: start + 2000, Note: "0429 rate limited"},
	}
	if !slices.Equal(got.History, want) || got.Updated != start+2000 || got.State != jobstate.Failed {
		t.Fatalf("got %+v", got)
	}
	if again, _ := db.Job(j.ID); !slices.Equal(again.History, want) {
		t.Fatalf("stored history %+v", again.History)
	}
}

func TestUpdateJobWritesFieldsAndRecordsStateChanges(t *testing.T) {
	db, _ := openTest(t)
	j := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "a.mp4"})
	got, err := db.UpdateJob(j.ID, func(j *contract.Job) error {
		j.Attempts++
		j.State = jobstate.Done
		j.Result = contract.JobResult{VideoNos: []string{"VI1"}, TaskID: "T9", Bytes: 10, Status: "PARSE"}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Attempts != 1 || got.Result.TaskID != "T9" || len(got.History) != 2 || got.History[1].State != jobstate.Done {
		t.Fatalf("got %+v", got)
	}
	stored, _ := db.Job(j.ID)
	if stored.Result.VideoNos[0] != "VI1" || stored.State != jobstate.Done {
		t.Fatalf("stored %+v", stored)
	}
}

func TestUpdateJobRollsBackOnErrorAndGuardsKeyFields(t *testing.T) {
	db, _ := openTest(t)
	j := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "a.mp4"})
	boom := errors.New("boom")
	cases := map[string]struct {
		fn   func(*contract.Job) error
		want error
	}{
		"fn error":      {func(j *contract.Job) error { j.Name = "changed"; return boom }, boom},
		"id change":     {func(j *contract.Job) error { j.ID++; return nil }, ErrInvalid},
		"created":       {func(j *contract.Job) error { j.Created++; return nil }, ErrInvalid},
		"unknown state": {func(j *contract.Job) error { j.State = "zombie"; return nil }, ErrInvalid},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := db.UpdateJob(j.ID, c.fn); !errors.Is(err, c.want) {
				t.Fatalf("err %v, want %v", err, c.want)
			}
			if got, _ := db.Job(j.ID); got.Name != "a.mp4" || got.State != jobstate.Queued {
				t.Fatalf("write not rolled back: %+v", got)
			}
		})
	}
}

func TestHistoryIsBoundedAndKeepsCreation(t *testing.T) {
	db, _ := openTest(t)
	j := mustCreate(t, db, contract.Job{Kind: jobkind.Download, Name: "x"})
	for i := 0; i < maxHistory+10; i++ {
		if _, err := db.SetState(j.ID, jobstate.Running, "retry"); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := db.Job(j.ID)
	if len(got.History) != maxHistory || got.History[0].State != jobstate.Queued || got.History[0].Note != "" {
		t.Fatalf("history len %d, first %+v", len(got.History), got.History[0])
	}
}

func TestMissingJobsReportNotFound(t *testing.T) {
	db, _ := openTest(t)
	if _, err := db.Job(99); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Job: %v", err)
	}
	if _, err := db.SetState(99, jobstate.Done, ""); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SetState: %v", err)
	}
	if err := db.DeleteJob(99); !errors.Is(err, ErrNotFound) {
		t.Fatalf("DeleteJob: %v", err)
	}
}

func TestActiveJobsSurviveRestartOldestFirst(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	var want []uint64
	for i, s := range []jobstate.JobState{jobstate.Running, jobstate.Done, jobstate.Paused, jobstate.Failed, jobstate.Queued, jobstate.Canceled} {
		j := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "f", Created: int64(1000 - i*10), State: s})
		if s.Active() {
			want = append([]uint64{j.ID}, want...) // later rows are older here
		}
	}
	done := mustCreate(t, db, contract.Job{Kind: jobkind.Import, Created: 5})
	if _, err := db.SetState(done.ID, jobstate.Done, ""); err != nil {
		t.Fatal(err)
	}
	db.Close()

	reopened := openAt(t, dir)
	jobs, err := reopened.ActiveJobs()
	if err != nil {
		t.Fatal(err)
	}
	if got := jobIDs(jobs); !slices.Equal(got, want) {
		t.Fatalf("active ids %v, want %v", got, want)
	}
}

func TestDeleteJobRemovesItEverywhere(t *testing.T) {
	db, _ := openTest(t)
	j := mustCreate(t, db, contract.Job{Kind: jobkind.UploadFile, Name: "gone.mp4"})
	if err := db.DeleteJob(j.ID); err != nil {
		t.Fatal(err)
	}
	active, _ := db.ActiveJobs()
	page, _ := db.Jobs(JobQuery{Text: "gone"})
	if _, err := db.Job(j.ID); !errors.Is(err, ErrNotFound) || len(active) != 0 || len(page.Jobs) != 0 {
		t.Fatalf("still visible: %v, active %d, search %d", err, len(active), len(page.Jobs))
	}
}

func jobIDs(jobs []contract.Job) []uint64 {
	ids := make([]uint64, len(jobs))
	for i, j := range jobs {
		ids[i] = j.ID
	}
	return ids
}
