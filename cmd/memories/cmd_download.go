package main

import (
	"cmp"
	"context"
	"flag"
	"os"
	"path/filepath"

	"memories-desktop/backend/core"
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

// request says where one download goes: inside -o when it is a folder (or the current folder,
// named by the server or ID.mp4), else exactly -o.
func (d *destFlags) request(id string, asset bool) core.DownloadRequest {
	r := core.DownloadRequest{ID: id, Asset: asset, Overwrite: d.overwrite, SHA256: d.sha256, DestDir: d.out == "" || isDir(d.out)}
	r.Dest, _ = filepath.Abs(cmp.Or(d.out, "."))
	return r
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
	check := core.CheckVideoNos
	if asset {
		check = core.CheckAssetIDs
	}
	if err := check(ids); err != nil {
		return rejected(name, err)
	}
	if err := d.check(ids); err != nil {
		return rejected(name, err)
	}
	s, err := o.open(c, true)
	if err != nil {
		return err
	}
	defer s.close()
	return enqueueAndRun(ctx, s, ids, func(id string) (core.Draft, error) {
		return s.svc.PlanDownload(d.request(id, asset))
	})
}
