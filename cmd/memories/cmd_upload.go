package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/formats"
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
	force := fs.Bool("force", false, "send videos in a codec the service cannot index (other checks still apply)")
	noFileMeta := fs.Bool("no-file-metadata", false, "do not take capture time, camera and place from the files")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	files, err := uploadPlan(c, paths, preflight.Options{AnyCodec: *force})
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
		return e.EnqueueUpload(f.Path, metaForFile(meta, f, !*noFileMeta))
	})
}

// metaForFile is the upload metadata for one file: the flags' values, with what they leave out
// taken from the file's capture details when fromFile is set.
func metaForFile(meta api.UploadMeta, f preflight.Verdict, fromFile bool) api.UploadMeta {
	if !fromFile {
		return meta
	}
	return f.FileMeta.Fill(meta)
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
func uploadPlan(c *cli, paths []string, opt preflight.Options) ([]preflight.Verdict, error) {
	if len(paths) == 0 {
		return nil, usagef("upload: name at least one video file or folder")
	}
	scan, err := preflight.ExpandWith(paths, opt)
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
			return nil, usagef("upload: %s: %s%s", s.Path, s.Reason, forceHint(s))
		}
		fmt.Fprintf(c.stderr, "skipped %s: %s%s\n", printable(s.Path), s.Reason, forceHint(s))
	}
	printWarnings(c, scan.Files)
	if len(scan.Files) == 0 {
		return nil, usagef("upload: no supported videos (%v) found", formats.Extensions())
	}
	return scan.Files, nil
}

// printWarnings lists on stderr what will not stop an upload but should be known (no audio).
func printWarnings(c *cli, files []preflight.Verdict) {
	for _, f := range files {
		for _, w := range f.Warnings {
			fmt.Fprintf(c.stderr, "warning: %s: %s\n", printable(f.Path), w)
		}
	}
}

// forceHint tells how to send a video the codec check refused anyway.
func forceHint(v preflight.Verdict) string {
	if v.Code == preflight.CodeCodec {
		return " (--force sends it anyway)"
	}
	return ""
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
