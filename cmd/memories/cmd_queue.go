package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
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
	if *limit < 1 || *limit > 1000 {
		return usagef("history: --limit must be 1 to 1000")
	}
	db, out, err := o.openLocal(c)
	if err != nil {
		return err
	}
	defer db.Close()
	q := store.JobQuery{Text: *search, Limit: *limit}
	if *kind != "" {
		q.Kinds = []store.JobKind{store.JobKind(*kind)}
	}
	if *state != "" {
		q.States = []store.JobState{store.JobState(*state)}
	}
	page, err := db.Jobs(q)
	if err != nil {
		return err
	}
	for _, j := range page.Jobs {
		printHistory(out, j)
	}
	return nil
}

func printHistory(out *printer, j store.Job) {
	line := historyLine{jobLine: describeJob(j), Kind: string(j.Kind), Name: j.Name, Created: j.Created, Updated: j.Updated}
	if j.Error != nil {
		line.Error, line.Code = j.Error.Message, j.Error.Code
	}
	text := fmt.Sprintf("%6d  %-16s %-11s %s  %s", j.ID, j.Kind, j.State,
		time.UnixMilli(j.Updated).Format("2006-01-02 15:04"), j.Name)
	out.result(line, text)
}

// openLocal opens just the database, for commands that need no API key.
func (o *common) openLocal(c *cli) (*profileDB, *printer, error) {
	saved, dir, err := o.savedSettings(c)
	if err != nil {
		return nil, nil, err
	}
	base, asset := o.endpoints(c, saved)
	db, err := openDB(dir, settings.ProfileDir(dir, false, base, asset))
	return db, newPrinter(c, o.json), err
}

func runResume(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("resume", commands["resume"].usage, c)
	o.register(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := o.resolve(c)
	if err != nil {
		return err
	}
	s, err := startSession(ctx, c, cfg)
	if err != nil {
		return err
	}
	defer s.close()
	ids, err := s.eng.ResumeInterrupted()
	if err != nil {
		return err
	}
	cfg.out.note("%d interrupted job(s) to finish", len(ids))
	return s.run(ctx, ids)
}

func runRetry(ctx context.Context, c *cli, args []string) error {
	return runOnJobs(ctx, c, "retry", args, true, (*transfer.Engine).Retry)
}

func runCancel(ctx context.Context, c *cli, args []string) error {
	return runOnJobs(ctx, c, "cancel", args, false, (*transfer.Engine).Cancel)
}

// runOnJobs applies action to each job id; retry then runs the jobs to the end.
func runOnJobs(ctx context.Context, c *cli, name string, args []string, run bool, action func(*transfer.Engine, uint64) error) error {
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
	cfg, err := o.resolveFor(c, run)
	if err != nil {
		return err
	}
	s, err := startSession(ctx, c, cfg)
	if err != nil {
		return err
	}
	defer s.close()
	for _, id := range ids {
		if err := action(s.eng, id); err != nil {
			return usagef("%s: job %d: %v", name, id, err)
		}
	}
	if !run {
		cfg.out.note("%s: %d job(s)", name, len(ids))
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
