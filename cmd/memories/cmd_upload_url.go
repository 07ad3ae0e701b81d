package main

import (
	"context"

	"memories-desktop/backend/preflight"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

func runUploadURL(ctx context.Context, c *cli, args []string) error {
	var o common
	var m metaFlags
	fs := newFlags("upload-url", commands["upload-url"].usage, c)
	o.register(fs)
	m.register(fs)
	urls, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(urls) != 1 {
		return usagef("upload-url: give exactly one direct video URL")
	}
	if err := preflight.CheckVideoURL(urls[0]); err != nil {
		return usagef("upload-url: %v", err)
	}
	cfg, err := o.resolve(c)
	if err != nil {
		return err
	}
	meta, err := m.meta(cfg.scope)
	if err != nil {
		return err
	}
	return enqueueAndRun(ctx, c, cfg, urls, func(e *transfer.Engine, u string) (store.Job, error) {
		return e.EnqueueURL(u, meta)
	})
}
