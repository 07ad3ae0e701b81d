package main

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

const watchUsage = "[--recursive] [--tag T]... [--scope S] [--settle DUR] [--after keep|move|delete " +
	"[--confirm-delete=DELETE]] [--name NAME] [--notify] [--json] DIR... | --name NAME"

// watchFlags are the settings of a watch given on the command line.
type watchFlags struct {
	name, after, confirm string
	recursive, notify    bool
	tags, include, excl  multiFlag
	settle, rescan       time.Duration
	set                  map[string]bool // the flags given, so a saved watch keeps the rest
}

func (w *watchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&w.name, "name", "", "flag.watch.name")
	fs.BoolVar(&w.recursive, "recursive", false, "flag.watch.recursive")
	fs.Var(&w.tags, "tag", "flag.watch.tag")
	fs.Var(&w.include, "include", "flag.watch.include")
	fs.Var(&w.excl, "exclude", "flag.watch.exclude")
	fs.DurationVar(&w.settle, "settle", 0, "flag.watch.settle")
	fs.StringVar(&w.after, "after", "", "flag.watch.after")
	fs.StringVar(&w.confirm, "confirm-delete", "", "flag.watch.confirm-delete")
	fs.DurationVar(&w.rescan, "rescan", 0, "flag.watch.rescan")
	fs.BoolVar(&w.notify, "notify", false, "flag.watch.notify")
}

// check refuses contradictory flags before anything is opened or sent.
func (w *watchFlags) check(dirs []string) error {
	switch {
	case len(dirs) == 0 && w.name == "":
		return usage("watch.noFolder")
	case len(dirs) > 1 && w.name != "":
		return usage("watch.nameOne")
	case w.after != "" && w.after != string(contract.WatchKeep) && w.after != string(contract.WatchMove) && w.after != string(contract.WatchDelete):
		return usage("watch.badAfter", i18n.Args{"After": printable(w.after)})
	case w.after == string(contract.WatchDelete) && w.confirm != contract.WatchDeleteConfirmation:
		return usage("watch.confirmDelete", i18n.Args{"Confirm": contract.WatchDeleteConfirmation})
	case w.set["settle"] && w.settle < 100*time.Millisecond:
		return usage("watch.settleMin")
	}
	for _, t := range w.tags {
		if err := core.CheckTag(t); err != nil {
			return rejected("watch", err)
		}
	}
	for _, d := range dirs {
		if info, err := os.Stat(d); err != nil || !info.IsDir() {
			return usage("watch.notFolder", i18n.Args{"Dir": printable(d)})
		}
	}
	return nil
}

// apply sets the given flags on a watch's settings.
func (w *watchFlags) apply(cfg *contract.WatchConfig, o *common) {
	if w.set["recursive"] {
		cfg.Recursive = w.recursive
	}
	if w.set["tag"] {
		cfg.Tags = w.tags
	}
	if w.set["include"] {
		cfg.Include = w.include
	}
	if w.set["exclude"] {
		cfg.Exclude = w.excl
	}
	if w.set["settle"] {
		cfg.SettleMS = w.settle.Milliseconds()
	}
	if w.set["after"] {
		cfg.After = contract.WatchAfter(w.after)
		cfg.DeleteConfirmed = w.confirm == contract.WatchDeleteConfirmation
	}
	if o.scopeGiven {
		cfg.Scope = o.scope
	}
}

func runWatch(ctx context.Context, c *cli, args []string) error {
	var o common
	var w watchFlags
	fs := newFlags("watch", watchUsage, c)
	o.register(fs)
	w.register(fs)
	dirs, err := parse(fs, args)
	if err != nil {
		return err
	}
	w.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { w.set[f.Name] = true })
	if err := w.check(dirs); err != nil {
		return err
	}
	s, err := o.open(c, true)
	if err != nil {
		return err
	}
	defer s.close()
	names, err := w.watches(s.svc, dirs, &o)
	if err != nil {
		return err
	}
	// The engine outlives the interrupt: closing the session stops a running upload as
	// interrupted, which the next run resumes (a cancelled context would cancel it for good).
	if err := s.start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	s.svc.NotifyWatches(w.notify)
	opt := contract.WatchRunOptions{Rescan: w.rescan, Report: watchReporter(s.out)}
	if w.rescan > 0 {
		opt.LimitedRescan = min(w.rescan, time.Minute)
	}
	return runWatches(ctx, s, names, opt)
}

// watches saves the watches of dirs (a folder watched before keeps its name and settings, with
// the flags given applied) or, without dirs, finds the saved watch --name.
func (w *watchFlags) watches(svc *core.Service, dirs []string, o *common) ([]string, error) {
	if len(dirs) == 0 {
		cfg, err := svc.GetWatch(w.name)
		if err != nil {
			return nil, usage("watch.unknown", i18n.Args{"Error": describe(err)})
		}
		if w.apply(&cfg, o); len(w.set) > 1 || o.scopeGiven {
			if _, err := svc.UpdateWatch(cfg); err != nil {
				return nil, usage("cli.commandError", i18n.Args{"Command": "watch", "Error": describe(err)})
			}
		}
		return []string{cfg.Name}, nil
	}
	var names []string
	for _, d := range dirs {
		abs, _ := filepath.Abs(d)
		cfg, found, err := svc.WatchOfFolder(abs)
		if err != nil {
			return nil, err
		}
		if !found {
			cfg = contract.WatchConfig{Name: w.name, Folder: abs} // no name: AddWatch names it after the folder
		}
		w.apply(&cfg, o)
		save := svc.UpdateWatch
		if !found {
			save = svc.AddWatch
		}
		if cfg, err = save(cfg); err != nil {
			return nil, usage("watch.folderError", i18n.Args{"Dir": printable(d), "Error": describe(err)})
		}
		names = append(names, cfg.Name)
	}
	return names, nil
}

// runWatches runs the watches until ctx ends (SIGINT, SIGTERM).
func runWatches(ctx context.Context, s *session, names []string, opt contract.WatchRunOptions) error {
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { errs[i] = s.svc.RunWatch(ctx, name, opt) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	s.out.note("%s", tr("watch.stopped"))
	return nil
}

// watchReporter prints each event: a JSON line on stdout with --json, else a line on stderr.
func watchReporter(out *printer) func(contract.WatchEvent) {
	return func(e contract.WatchEvent) {
		if out.json {
			out.result(e, "")
			return
		}
		parts := []string{tr("watch.event", i18n.Args{"Watch": e.Watch, "Event": tr("watchEvent." + e.Kind)})}
		if e.Path != "" {
			parts = append(parts, e.Path)
		}
		if e.VideoNo != "" {
			parts = append(parts, "("+e.VideoNo+")")
		}
		if e.Detail != "" {
			parts = append(parts, "- "+e.Detail)
		}
		out.note("%s", strings.Join(parts, " "))
	}
}
