package main

import (
	"context"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
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
		return usage("uploadURL.one")
	}
	if err := core.CheckVideoURL(urls[0]); err != nil {
		return usage("cli.commandError", i18n.Args{"Command": "upload-url", "Error": err.Error()})
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
	return queueAndRun(ctx, s, func() ([]contract.JobView, error) {
		view, err := s.svc.EnqueueURL(urls[0], meta)
		if err != nil {
			return nil, err
		}
		return []contract.JobView{view}, nil
	})
}
