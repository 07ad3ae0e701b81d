package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"

	"memories-desktop/backend/api"
	"memories-desktop/backend/transfer"
)

type downloadLine struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// destFlags are -o and --overwrite.
type destFlags struct {
	out       string
	overwrite bool
}

func (d *destFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.out, "o", "", "existing folder to save into (server name, else ID.mp4), or the file path")
	fs.BoolVar(&d.overwrite, "overwrite", false, "replace an existing file")
}

// check rejects -o FILE with several ids: they would all want the same name.
func (d *destFlags) check(ids []string) error {
	if len(ids) == 0 {
		return usagef("give at least one id")
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

// path picks where one download goes: inside -o when it is a folder (or the current folder),
// else exactly -o.
func (d *destFlags) path(serverName, fallback string) string {
	name := api.SanitizeFilename(serverName, fallback)
	if d.out == "" {
		return name
	}
	if isDir(d.out) {
		return filepath.Join(d.out, name)
	}
	return d.out
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

type fetchFunc func(ctx context.Context, id string) (*api.Download, error)

func runDownload(ctx context.Context, c *cli, args []string) error {
	return runFetch(ctx, c, "download", args, func(cfg *config) fetchFunc {
		return func(ctx context.Context, id string) (*api.Download, error) {
			return cfg.client.Download(ctx, id, cfg.scope, api.DownloadOptions{})
		}
	})
}

func runDownloadAsset(ctx context.Context, c *cli, args []string) error {
	return runFetch(ctx, c, "download-asset", args, func(cfg *config) fetchFunc {
		return func(ctx context.Context, id string) (*api.Download, error) {
			return cfg.client.DownloadAsset(ctx, id, api.DownloadOptions{})
		}
	})
}

func runFetch(ctx context.Context, c *cli, name string, args []string, fetcher func(*config) fetchFunc) error {
	var o common
	var d destFlags
	fs := newFlags(name, commands[name].usage, c)
	o.register(fs)
	d.register(fs)
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := d.check(ids); err != nil {
		return usagef("%s: %v", name, err)
	}
	cfg, err := o.resolve(c)
	if err != nil {
		return err
	}
	fetch := fetcher(cfg)
	return eachItem(ids, func(id string) error { return fetchOne(ctx, cfg, &d, id, fetch) },
		func(id string, fl failure) failure { fl.ID = id; return fl }, cfg.out)
}

// fetchOne streams one download into place through a .part file.
func fetchOne(ctx context.Context, cfg *config, d *destFlags, id string, fetch fetchFunc) error {
	dl, err := fetch(ctx, id)
	if err != nil {
		return err
	}
	defer dl.Body.Close()
	dest := d.path(dl.Filename, id+".mp4")
	update, finish := cfg.out.progress("downloading "+filepath.Base(dest), dl.Size)
	saved, err := transfer.WriteAtomic(ctx, dl.Body, dl.Size, dest,
		transfer.SaveOptions{Overwrite: d.overwrite, Progress: update})
	finish()
	if err != nil {
		return err
	}
	abs, _ := filepath.Abs(saved.Path)
	cfg.out.result(downloadLine{ID: id, Path: abs, Bytes: saved.Bytes, SHA256: saved.SHA256},
		"saved "+id+" → "+abs+" ("+formatBytes(saved.Bytes)+")")
	return nil
}
