package main

import (
	"context"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

const (
	watchesUsage    = "[--json] [list | remove NAME | pause NAME | resume NAME]"
	watchesSynopsis = "memories watches " + watchesUsage
)

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
		return usage("cli.usage", i18n.Args{"Synopsis": watchesSynopsis})
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
		return usage("cli.commandError", i18n.Args{"Command": "watches", "Error": describe(err)})
	}
	if verb != "list" {
		s.out.note("%s", tr("watches."+verb+"d", i18n.Args{"Name": printable(name)}))
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
	l := i18n.Default()
	state, recursive := l.T("watches.active"), l.T("watches.no")
	if w.Paused {
		state = l.T("watches.pausedState")
	}
	if w.Recursive {
		recursive = l.T("watches.yes")
	}
	line := l.T("watches.line", i18n.Args{"Name": w.Name, "Folder": w.Folder, "State": state, "Recursive": recursive,
		"After": l.T("watchAfter." + string(w.After)), "Settle": l.Duration(core.WatchSettle(w.WatchConfig)),
		"Seen": st.Seen, "Uploaded": st.Uploaded, "Duplicates": st.Duplicates, "Waiting": st.Waiting,
		"ETA": waitingETA(st.Waiting, every), "Skipped": st.Skipped, "Failed": st.Failed})
	if st.LastActivity > 0 {
		line += l.T("watches.lastActivity", i18n.Args{"At": l.DateTime(time.UnixMilli(st.LastActivity))})
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
	l := i18n.Default()
	return l.T("watches.eta", i18n.Args{"Left": l.Duration((time.Duration(n) * every).Round(time.Minute)), "Every": l.Duration(every)})
}
