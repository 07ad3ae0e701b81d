package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"

	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
	"memories-desktop/backend/validate"
)

// destFlags are -o, --overwrite and --sha256.
type destFlags struct {
	out       string
	overwrite bool
	sha256    bool
}

func (d *destFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.out, "o", "", "existing folder to save into (server name, else ID.mp4), or the file path")
	fs.BoolVar(&d.overwrite, "overwrite", false, "replace an existing file")
	fs.BoolVar(&d.sha256, "sha256", false, "also compute the file's SHA-256 while saving it, and print it")
}

// check rejects a missing or read-only folder, a name too long for its .part file, -o FILE with
// several ids (they would all want the same name) and an existing file without --overwrite,
// before any (billed) download starts.
func (d *destFlags) check(ids []string) error {
	if len(ids) == 0 {
		return usagef("give at least one id")
	}
	if err := d.checkDest(); err != nil {
		return err
	}
	if len(ids) > 1 && d.out != "" && !isDir(d.out) {
		return usagef("-o %s is not an existing folder; with several ids, -o must be a folder", d.out)
	}
	if d.out != "" && !isDir(d.out) && !d.overwrite {
		if _, err := os.Lstat(d.out); err == nil {
			return usagef("%s already exists (use --overwrite to replace it)", d.out)
		}
	}
	return nil
}

// spec says where one download goes: inside -o when it is a folder (or the current folder,
// named by the server or ID.mp4), else exactly -o.
func (d *destFlags) spec(id, scope string, asset bool) transfer.DownloadSpec {
	s := transfer.DownloadSpec{Scope: scope, Overwrite: d.overwrite, SHA256: d.sha256, DestDir: d.out == "" || isDir(d.out)}
	s.Dest, _ = filepath.Abs(first(d.out, "."))
	if asset {
		s.AssetID = id
	} else {
		s.VideoNo = id
	}
	return s
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
	field := validate.FieldVideoNo
	if asset {
		field = validate.FieldAssetID
	}
	if err := validate.IDs(field, ids); err != nil {
		return rejected(name, err)
	}
	if err := d.check(ids); err != nil {
		return rejected(name, err)
	}
	cfg, err := o.resolve(c)
	if err != nil {
		return err
	}
	return enqueueAndRun(ctx, c, cfg, ids, func(e *transfer.Engine, id string) (store.Job, error) {
		return e.EnqueueDownload(d.spec(id, cfg.scope, asset))
	})
}
