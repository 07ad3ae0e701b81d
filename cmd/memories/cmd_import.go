package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"memories-desktop/backend/sources"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

var qualities = []string{"360", "480", "720", "1080", "1440", "2160"}

func runImport(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("import", commands["import"].usage, c)
	o.register(fs)
	quality := fs.String("quality", "720", "YouTube quality: "+strings.Join(qualities, "|"))
	callback := fs.String("callback", "", "http(s) URL the service notifies")
	links, err := parse(fs, args)
	if err != nil {
		return err
	}
	plan, err := importPlan(c, links, *quality)
	if err != nil {
		return err
	}
	cfg, err := o.resolve(c)
	if err != nil {
		return err
	}
	return enqueueAndRun(ctx, c, cfg, plan.Tasks, func(e *transfer.Engine, t sources.Task) (store.Job, error) {
		return e.EnqueueImport(transfer.ImportSpec{Platform: string(t.Platform), Links: t.Links,
			Scope: cfg.scope, Quality: *quality, Callback: *callback})
	})
}

// importPlan reads the links (arguments, or stdin for "-"), and rejects the whole command when
// any line is not a supported post link: nothing is sent for a half-valid list.
func importPlan(c *cli, args []string, quality string) (sources.Plan, error) {
	if !contains(qualities, quality) {
		return sources.Plan{}, usagef("import: --quality must be one of %s", strings.Join(qualities, ", "))
	}
	text, err := linkText(c, args)
	if err != nil {
		return sources.Plan{}, err
	}
	plan := sources.ParseLines(text)
	for _, p := range plan.Problems {
		fmt.Fprintf(c.stderr, "line %d: %s: %s\n", p.Line, printable(p.Raw), p.Reason)
	}
	fmt.Fprintln(c.stderr, plan.Summary())
	if len(plan.Problems) > 0 {
		return plan, usagef("import: %d invalid line(s); nothing was sent", len(plan.Problems))
	}
	if len(plan.Tasks) == 0 {
		return plan, usagef("import: no links given")
	}
	return plan, nil
}

func linkText(c *cli, args []string) (string, error) {
	if len(args) == 1 && args[0] == "-" {
		data, err := io.ReadAll(io.LimitReader(c.stdin, 16<<20))
		return string(data), err
	}
	return strings.Join(args, "\n"), nil
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}
