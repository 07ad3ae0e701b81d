package main

import (
	"context"

	"memories-desktop/backend/preflight"
)

type uploadURLLine struct {
	URL     string `json:"url"`
	VideoNo string `json:"video_no"`
	Status  string `json:"status"`
}

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
	res, err := cfg.client.UploadURL(ctx, urls[0], meta)
	if err != nil {
		return err
	}
	cfg.out.result(uploadURLLine{URL: urls[0], VideoNo: res.VideoNo, Status: res.Status},
		"uploaded "+urls[0]+" → "+res.VideoNo+" ("+res.Status+")")
	return nil
}
