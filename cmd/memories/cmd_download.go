package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// destFlags are -o, --on-exists (--overwrite) and --sha256.
type destFlags struct {
	out       string
	overwrite bool
	onExists  string // a core choice; "" when none was given
	sha256    bool
}

// onExistsChoices maps --on-exists values to the app's collision choices.
var onExistsChoices = map[string]string{"replace": choice.Replace, "keep-both": choice.KeepBoth, "skip": choice.Skip}

const onExistsHint = "--on-exists replace|keep-both|skip"

func (d *destFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.out, "o", "", "flag.download.o")
	fs.BoolVar(&d.overwrite, "overwrite", false, "flag.download.overwrite")
	fs.Func("on-exists", "flag.download.on-exists", func(v string) error {
		c, ok := onExistsChoices[v]
		if !ok {
			return errors.New(tr("download.onExistsWant", i18n.Args{"Choices": strings.TrimPrefix(onExistsHint, "--on-exists ")}))
		}
		d.onExists = c
		return nil
	})
	fs.BoolVar(&d.sha256, "sha256", false, "flag.download.sha256")
}

// check rejects, before anything is sent: a missing or read-only folder, the data folder, a name
// too long for its .part file, -o FILE with several ids (they would all want the same name) and
// --overwrite with another --on-exists.
func (d *destFlags) check(ids []string, dataDir string) error {
	if len(ids) == 0 {
		return usage("download.noIDs")
	}
	if d.overwrite && d.onExists != "" && d.onExists != choice.Replace {
		return usage("download.overwriteConflict")
	}
	if d.overwrite {
		d.onExists = choice.Replace
	}
	if err := d.checkDest(); err != nil {
		return err
	}
	if err := core.CheckOutsideDataDir(d.folder(), dataDir); err != nil {
		return err
	}
	if len(ids) > 1 && d.out != "" && !isDir(d.out) {
		return usage("download.outNotFolder", i18n.Args{"Out": printable(d.out)})
	}
	return nil
}

// folder is where the files go.
func (d *destFlags) folder() string {
	if d.out == "" || isDir(d.out) {
		return cmp.Or(d.out, ".")
	}
	return filepath.Dir(d.out)
}

// plan decides every file name and what to do with taken ones, before any request: -o FILE,
// or ID.mp4 in the folder for a video. An asset saved into a folder is named by the server's
// answer, so its choice travels with the job. Taken names without --on-exists are a usage
// error naming them all; skipped ones are reported and left out.
func (d *destFlags) plan(ids []string, asset bool) (reqs, skipped []contract.DownloadRequest, err error) {
	taken := map[string]bool{}
	var conflicts []string
	for _, id := range ids {
		r := contract.DownloadRequest{IDs: []string{id}, Asset: asset, SHA256: d.sha256, Choice: d.onExists}
		r.Path, _ = filepath.Abs(d.folder())
		switch {
		case d.out != "" && !isDir(d.out):
			r.Path, _ = filepath.Abs(d.out)
		case asset:
			r.Folder = true
			reqs = append(reqs, r)
			continue
		default:
			r.Path = filepath.Join(r.Path, core.NumberedName(id))
		}
		place, err := core.Place(r.Path, d.onExists, taken)
		switch {
		case errors.Is(err, core.ErrNameTaken):
			conflicts = append(conflicts, r.Path)
			continue
		case err != nil:
			return nil, nil, &usageError{describe(err)}
		case place.Skip:
			skipped = append(skipped, r)
			continue
		}
		r.Path, r.Replace = place.Path, place.Replace
		reqs = append(reqs, r)
	}
	if len(conflicts) > 0 {
		return nil, nil, usage("download.exist", i18n.Args{"Count": len(conflicts), "Paths": strings.Join(conflicts, ", "),
			"Hint": onExistsHint})
	}
	return reqs, skipped, nil
}

// uniqueIDs drops repeated ids (each would cost a request for the same file), keeping the order.
func uniqueIDs(ids []string) (unique, repeated []string) {
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			repeated = append(repeated, id)
			continue
		}
		seen[id] = true
		unique = append(unique, id)
	}
	return unique, repeated
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

func runDownload(ctx context.Context, c *cli, args []string) error {
	return runFetch(ctx, c, "download", args, false)
}

func runDownloadAsset(ctx context.Context, c *cli, args []string) error {
	return runFetch(ctx, c, "download-asset", args, true)
}

func runFetch(ctx context.Context, c *cli, name string, args []string, asset bool) error {
	var o common
	var d destFlags
	fs := newFlags(name, commands[name].usage, c)
	o.register(fs)
	d.register(fs)
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	ids, repeated := uniqueIDs(ids)
	check := core.CheckVideoNos
	if asset {
		check = core.CheckAssetIDs
	}
	if err := check(ids); err != nil {
		return rejected(name, err)
	}
	dataDir, err := core.ResolveDataDir(o.dataDir, c.getenv)
	if err != nil {
		return err
	}
	if err := d.check(ids, dataDir); err != nil {
		return rejected(name, err)
	}
	reqs, skipped, err := d.plan(ids, asset)
	if err != nil {
		return rejected(name, err)
	}
	s, err := o.open(c, true)
	if err != nil {
		return err
	}
	defer s.close()
	for _, id := range repeated {
		s.out.note("%s", tr("download.repeated", i18n.Args{"ID": printable(id)}))
	}
	for _, r := range skipped {
		line := jobLine{State: contract.StatusSkipped, ID: r.IDs[0], Path: r.Path}
		s.out.result(line, skippedText(line))
	}
	return queueAndRun(ctx, s, func() ([]contract.JobView, error) {
		res, err := s.svc.EnqueueDownloads(reqs...)
		if err == nil && len(res.Jobs) == 0 && len(res.Conflicts) > 0 { // a name taken since it was planned
			err = usage("download.exist", i18n.Args{"Count": len(res.Conflicts),
				"Paths": strings.Join(res.Conflicts, ", "), "Hint": onExistsHint})
		}
		return res.Jobs, err
	})
}
