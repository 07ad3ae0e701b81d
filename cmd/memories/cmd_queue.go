package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
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
	kind := fs.String("kind", "", "flag.history.kind")
	state := fs.String("state", "", "flag.history.state")
	limit := fs.Int("limit", 50, "flag.history.limit")
	search := fs.String("search", "", "flag.history.search")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usage("cli.unexpectedArgument", i18n.Args{"Command": "history", "Arg": printable(rest[0])})
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
		return q, usage("history.badLimit")
	}
	return q, nil
}

// reportDamaged names the job records that could not be read; history fails (exit 1) with them.
func reportDamaged(out *printer, path string, ids []uint64) error {
	if len(ids) == 0 {
		return nil
	}
	out.note("%s", tr("history.damaged", i18n.Args{"Count": len(ids), "Path": path, "Jobs": fmt.Sprint(ids)}))
	return errReported
}

func printHistory(out *printer, j contract.JobView) {
	line := historyLine{jobLine: outcomeLine(j.ID, j.Kind, j.State, j.Result, *j.Subject), Kind: string(j.Kind), Name: j.Name,
		Created: j.Created, Updated: j.Updated}
	if j.Error != nil {
		line.Error, line.Code = j.Error.Message, j.Error.Code
	}
	text := fmt.Sprintf("%6d  %s %s %s  %s", j.ID, column(tr("jobKind."+string(j.Kind)), 16), column(tr("jobState."+string(j.State)), 11),
		i18n.Default().DateTime(time.UnixMilli(j.Updated)), core.JobName(j))
	if j.Error != nil && j.State == jobstate.Failed {
		text += "\n        " + printable(j.Error.Message) // in the language in use, whoever stored it
	}
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
	s.out.note("%s", tr("resume.count", i18n.Args{"Count": len(ids)}))
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
			return usage("jobs.actionFailed", i18n.Args{"Command": name, "Job": fmt.Sprint(id), "Error": describe(err)})
		}
	}
	if !run {
		s.out.note("%s", tr("jobs."+name+".done", i18n.Args{"Count": len(ids)}))
		return nil
	}
	return s.run(ctx, ids)
}

func jobIDs(raw []string) ([]uint64, error) {
	if len(raw) == 0 {
		return nil, usage("jobs.noIDs")
	}
	ids := make([]uint64, len(raw))
	for i, r := range raw {
		id, err := strconv.ParseUint(r, 10, 64)
		if err != nil || id == 0 {
			return nil, usage("jobs.badID", i18n.Args{"Arg": printable(r)})
		}
		ids[i] = id
	}
	return ids, nil
}
