package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

func runUpload(ctx context.Context, c *cli, args []string) error {
	var o common
	var m metaFlags
	fs := newFlags("upload", commands["upload"].usage, c)
	o.register(fs)
	m.register(fs)
	skipDup := fs.Bool("skip-duplicates", false, "flag.upload.skip-duplicates")
	force := fs.Bool("force", false, "flag.upload.force")
	noFileMeta := fs.Bool("no-file-metadata", false, "flag.upload.no-file-metadata")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	files, err := uploadPlan(c, paths, *force)
	if err != nil {
		return err
	}
	s, err := o.open(c, true)
	if err != nil {
		return err
	}
	defer s.close()
	meta, err := m.meta(s.svc)
	if err != nil {
		return err
	}
	meta.FileMeta = !*noFileMeta // what the flags leave out is taken from the file's capture details
	return queueAndRun(ctx, s, func() ([]contract.JobView, error) {
		batch := contract.UploadBatch{Meta: meta, AnyCodec: *force}
		for _, f := range files {
			if !*skipDup || !s.uploadedBefore(ctx, f.Path) {
				batch.Files = append(batch.Files, contract.FileUpload{Path: f.Path})
			}
		}
		return s.svc.EnqueueUploads(batch)
	})
}

// uploadedBefore says on stderr, and reports, that the file's bytes were uploaded to the scope
// before.
func (s *session) uploadedBefore(ctx context.Context, path string) bool {
	dup, err := s.svc.FindDuplicate(ctx, path, "")
	switch {
	case err != nil || dup == nil:
		return false
	case dup.Kind == core.DupUploaded:
		s.out.note("%s", tr("upload.skipUploaded", i18n.Args{"Path": printable(path), "VideoNo": dup.VideoNo,
			"At": i18n.Default().DateTime(time.UnixMilli(dup.At))}))
	case dup.Kind == core.DupQueued:
		s.out.note("%s", tr("upload.skipQueued", i18n.Args{"Path": printable(path), "Job": fmt.Sprint(dup.JobID)}))
	default:
		return false
	}
	return true
}

// queueAndRun starts the engine, queues what enqueue asks core for (core records a command's jobs
// in one transaction: a kill then loses none of what was asked, nor leaves half of it queued),
// then runs the engine until they finish.
func queueAndRun(ctx context.Context, s *session, enqueue func() ([]contract.JobView, error)) error {
	if err := s.start(ctx); err != nil {
		return err
	}
	views, err := enqueue()
	if err != nil {
		return err
	}
	ids := make([]uint64, len(views))
	for i, v := range views {
		ids[i] = v.ID
	}
	return s.run(ctx, ids)
}

// uploadPlan checks every path before anything is sent: a named file that cannot be uploaded,
// or folders without a single video, reject the whole command.
func uploadPlan(c *cli, paths []string, anyCodec bool) ([]contract.Verdict, error) {
	if len(paths) == 0 {
		return nil, usage("upload.noPaths")
	}
	scan, err := core.Check(paths, anyCodec)
	if err != nil {
		return nil, usage("cli.commandError", i18n.Args{"Command": "upload", "Error": err.Error()})
	}
	named := map[string]bool{}
	for _, p := range paths {
		abs, _ := filepath.Abs(p)
		named[abs] = true
	}
	for _, s := range scan.Skipped {
		if named[s.Path] {
			return nil, usage("upload.refused", i18n.Args{"Path": printable(s.Path), "Reason": s.Reason + forceHint(s)})
		}
		fmt.Fprintln(c.stderr, tr("upload.skipped", i18n.Args{"Path": printable(s.Path), "Reason": s.Reason + forceHint(s)}))
	}
	printWarnings(c, scan.Files)
	if len(scan.Files) == 0 {
		return nil, usage("upload.none", i18n.Args{"Extensions": strings.Join(core.VideoExtensions(), " ")})
	}
	return scan.Files, nil
}

// printWarnings lists on stderr what will not stop an upload but should be known (no audio).
func printWarnings(c *cli, files []contract.Verdict) {
	for _, f := range files {
		for _, w := range f.Warnings {
			fmt.Fprintln(c.stderr, tr("upload.warning", i18n.Args{"Path": printable(f.Path), "Warning": w}))
		}
	}
}

// forceHint tells how to send a video the codec check refused anyway.
func forceHint(v contract.Verdict) string {
	if v.Code == contract.CodeCodec {
		return " " + tr("upload.forceHint")
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
			out.failed(fl, tr("cli.itemFailed", i18n.Args{"Item": printable(cmp.Or(fl.File, fl.URL, fl.ID)), "Error": printable(describe(err))}))
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
