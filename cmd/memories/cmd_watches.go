package main

import (
	"context"
	"fmt"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"strings"
	"time"
)

const watchesUsage = "[--json] [list | remove NAME | pause NAME | resume NAME]"

// runWatchesCmd lists the saved watch folders with their counts, or removes, pauses or resumes one.
func runWatchesCmd(_ context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("watches", watchesUsage, c)
	o.register(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	verb, name := "list", ""
	switch {
	case len(rest) == 0 || len(rest) == 1 && rest[0] == "list":
	case len(rest) == 2 && (rest[0] == "remove" || rest[0] == "pause" || rest[0] == "resume"):
		verb, name = rest[0], rest[1]
	default:
		return usagef("usage: memories watches %s", watchesUsage)
	}
	s, err := o.open(c, false)
	if err != nil {
		return err
	}
	defer s.close()
	switch verb {
	case "remove":
		err = s.svc.RemoveWatch(name)
	case "pause":
		_, err = s.svc.PauseWatch(name)
	case "resume":
		_, err = s.svc.ResumeWatch(name)
	}
	if err != nil {
		return usagef("watches: %v", err)
	}
	if verb != "list" {
		s.out.note("%s: %sd", name, strings.TrimSuffix(verb, "e"))
		return nil
	}
	list, err := s.svc.ListWatches()
	if err != nil {
		return err
	}
	every := s.svc.UploadEvery()
	for _, w := range list {
		s.out.result(w, describeWatch(w, every))
	}
	return nil
}

// describeWatch is a watch's line in the list: its settings, counts and the pacer's honest ETA.
func describeWatch(w contract.WatchSummary, every time.Duration) string {
	st := w.Stats
	state := "active"
	if w.Paused {
		state = "paused"
	}
	line := fmt.Sprintf("%s  %s  (%s; recursive %v; after upload: %s; settle %s)\n  seen %d, uploaded %d, already there %d, "+
		"waiting %d%s, skipped %d, failed %d", w.Name, w.Folder, state, w.Recursive, w.After, core.WatchSettle(w.WatchConfig),
		st.Seen, st.Uploaded, st.Duplicates, st.Waiting, waitingETA(st.Waiting, every), st.Skipped, st.Failed)
	if st.LastActivity > 0 {
		line += "; last activity " + time.UnixMilli(st.LastActivity).Format(time.DateTime)
	}
	for _, r := range st.Refused {
		line += "\n  " + r.Path + ": " + r.Reason
	}
	return line
}

// waitingETA is " — about 8h0m at 1 upload a minute" for n files waiting for the pacer.
func waitingETA(n int, every time.Duration) string {
	if n == 0 || every <= 0 {
		return ""
	}
	return fmt.Sprintf(" — about %s at 1 upload every %s", (time.Duration(n) * every).Round(time.Minute), every)
}
