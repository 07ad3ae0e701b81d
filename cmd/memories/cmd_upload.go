package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"memories-desktop/backend/preflight"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

func runUpload(ctx context.Context, c *cli, args []string) error {
	var o common
	var m metaFlags
	fs := newFlags("upload", commands["upload"].usage, c)
	o.register(fs)
	m.register(fs)
	skipDup := fs.Bool("skip-duplicates", false,
		"read each file first and leave out those whose bytes were uploaded to the scope before")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	files, err := uploadPlan(c, paths)
	if err != nil {
		return err
	}
	cfg, err := o.resolve(c)
	if err != nil {
		return err
	}
	meta, err := m.meta(cfg.scope)
	if err != nil {
		return err
	}
	return enqueueAndRun(ctx, c, cfg, files, func(e *transfer.Engine, f preflight.Verdict) (store.Job, error) {
		if *skipDup {
			if earlier, ok, err := e.UploadedBefore(ctx, f.Path, meta.Scope); err == nil && ok {
				fmt.Fprintf(c.stderr, "skipped %s: already uploaded as %s on %s\n", printable(f.Path), earlier.VideoNo,
					time.UnixMilli(earlier.At).Format(time.DateTime))
				return store.Job{}, errSkipped
			}
		}
		return e.EnqueueUpload(f.Path, meta)
	})
}

// errSkipped tells enqueueAndRun that an item was left out on purpose.
var errSkipped = errors.New("skipped")

// enqueueAndRun records one job per item in the queue, then runs the engine until they finish.
func enqueueAndRun[T any](ctx context.Context, c *cli, cfg *config, items []T,
	enqueue func(*transfer.Engine, T) (store.Job, error)) error {
	s, err := startSession(ctx, c, cfg)
	if err != nil {
		return err
	}
	defer s.close()
	ids := make([]uint64, 0, len(items))
	for _, it := range items {
		j, err := enqueue(s.eng, it)
		if errors.Is(err, errSkipped) {
			continue
		}
		if err != nil {
			return err
		}
		ids = append(ids, j.ID)
	}
	return s.run(ctx, ids)
}

// uploadPlan checks every path before anything is sent: a named file that cannot be uploaded,
// or folders without a single video, reject the whole command.
func uploadPlan(c *cli, paths []string) ([]preflight.Verdict, error) {
	if len(paths) == 0 {
		return nil, usagef("upload: name at least one video file or folder")
	}
	scan, err := preflight.Expand(paths)
	if err != nil {
		return nil, usagef("upload: %v", err)
	}
	named := map[string]bool{}
	for _, p := range paths {
		abs, _ := filepath.Abs(p)
		named[abs] = true
	}
	for _, s := range scan.Skipped {
		if named[s.Path] {
			return nil, usagef("upload: %s: %s", s.Path, s.Reason)
		}
		fmt.Fprintf(c.stderr, "skipped %s: %s\n", printable(s.Path), s.Reason)
	}
	if len(scan.Files) == 0 {
		return nil, usagef("upload: no supported videos (%v) found", preflight.VideoExtensions)
	}
	return scan.Files, nil
}

// eachItem runs do for every item, printing a failure line for each that fails, and returns
// errReported when any did. A cancelled context stops the loop.
func eachItem[T any](items []T, do func(T) error, label func(T, failure) failure, out *printer) error {
	failed := false
	for _, it := range items {
		if err := do(it); err != nil {
			failed = true
			fl := label(it, newFailure(err))
			out.result(fl, "failed: "+printable(first(fl.File, fl.URL, fl.ID))+": "+printable(fl.Error))
			if isCancel(err) {
				break
			}
		}
	}
	if failed {
		return errReported
	}
	return nil
}

func isCancel(err error) bool { return errors.Is(err, context.Canceled) }
