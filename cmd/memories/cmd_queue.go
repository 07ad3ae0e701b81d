package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// historyLine is one job in `memories history --json`.
type historyLine struct {
	jobLine
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Created int64  `json:"created"`
	Updated int64  `json:"updated"`
}

func runHistory(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("history", commands["history"].usage, c)
	o.register(fs)
	kind := fs.String("kind", "", "only this kind: upload_file, upload_url, import, download, download_asset")
	state := fs.String("state", "", "only this state: queued, running, paused, interrupted, done, failed, canceled")
	limit := fs.Int("limit", 50, "at most this many jobs, newest first")
	search := fs.String("search", "", "only jobs whose name, id, video number, task id or path contains this")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("history: unexpected argument %q", rest[0])
	}
	q, err := historyQuery(*kind, *state, *search, *limit)
	if err != nil {
		return err
	}
	s, err := o.open(c, false)
	if err != nil {
		return err
	}
	defer s.close()
	page, err := s.svc.Jobs(q)
	if err != nil {
		return err
	}
	for _, j := range page.Jobs {
		printHistory(s.out, j)
	}
	return reportDamaged(s.out, s.svc.DatabasePath(), page.Damaged)
}

// historyQuery checks the filters before the database is opened.
func historyQuery(kind, state, search string, limit int) (contract.JobQuery, error) {
	q := contract.JobQuery{Text: search, Limit: limit}
	if kind != "" {
		q.Kinds = []string{kind}
	}
	if state != "" {
		q.States = []string{state}
	}
	if err := core.CheckJobQuery(q); err != nil {
		return q, rejected("history", err)
	}
	if limit < 1 || limit > 1000 {
		return q, usagef("history: --limit must be 1 to 1000")
	}
	return q, nil
}

// reportDamaged names the job records that could not be read; history fails (exit 1) with them.
func reportDamaged(out *printer, path string, ids []uint64) error {
	if len(ids) == 0 {
		return nil
	}
	out.note("%d job record(s) in %s could not be read and were left out (job %v); "+
		"run `memories doctor --repair` to keep what can be read in a fresh database", len(ids), path, ids)
	return errReported
}

func printHistory(out *printer, j contract.JobView) {
	line := historyLine{jobLine: outcomeLine(j.ID, j.Kind, j.State, j.Result, *j.Subject), Kind: string(j.Kind), Name: j.Name,
		Created: j.Created, Updated: j.Updated}
	if j.Error != nil {
		line.Error, line.Code = j.Error.Message, j.Error.Code
	}
	text := fmt.Sprintf("%6d  %-16s %-11s %s  %s", j.ID, j.Kind, j.State,
		time.UnixMilli(j.Updated).Format("2006-01-02 15:04"), j.Name)
	out.result(line, text)
}

func runResume(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("resume", commands["resume"].usage, c)
	o.register(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	s, err := o.open(c, true)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.start(ctx); err != nil {
		return err
	}
	ids, err := s.svc.ResumeUnfinished()
	if err != nil {
		return err
	}
	s.out.note("%d unfinished job(s) to finish", len(ids))
	return s.run(ctx, ids)
}

func runRetry(ctx context.Context, c *cli, args []string) error {
	return runOnJobs(ctx, c, "retry", args, true, (*core.Service).RetryJob)
}

func runCancel(ctx context.Context, c *cli, args []string) error {
	return runOnJobs(ctx, c, "cancel", args, false, (*core.Service).CancelJob)
}

// runOnJobs applies action to each job id; retry then runs the jobs to the end.
func runOnJobs(ctx context.Context, c *cli, name string, args []string, run bool, action func(*core.Service, uint64) error) error {
	var o common
	fs := newFlags(name, commands[name].usage, c)
	o.register(fs)
	raw, err := parse(fs, args)
	if err != nil {
		return err
	}
	ids, err := jobIDs(raw)
	if err != nil {
		return err
	}
	s, err := o.open(c, run)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.start(ctx); err != nil {
		return err
	}
	for _, id := range ids {
		if err := action(s.svc, id); err != nil {
			return usagef("%s: job %d: %v", name, id, err)
		}
	}
	if !run {
		s.out.note("%s: %d job(s)", name, len(ids))
		return nil
	}
	return s.run(ctx, ids)
}

func jobIDs(raw []string) ([]uint64, error) {
	if len(raw) == 0 {
		return nil, usagef("give at least one job id (see `memories history`)")
	}
	ids := make([]uint64, len(raw))
	for i, r := range raw {
		id, err := strconv.ParseUint(r, 10, 64)
		if err != nil || id == 0 {
			return nil, usagef("%q is not a job id", r)
		}
		ids[i] = id
	}
	return ids, nil
}
