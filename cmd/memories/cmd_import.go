package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"memories-desktop/backend/sources"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
	"memories-desktop/backend/validate"
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
	if err := validate.Callback(*callback); err != nil {
		return rejected("import", err)
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
	plan, err := readPlan(c, args)
	if err != nil {
		return plan, err
	}
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

// readPlan plans the links in args, or streams them from stdin for "-" (any number of lines);
// a line too long or a read error rejects the whole command, so a cut list is never sent.
func readPlan(c *cli, args []string) (sources.Plan, error) {
	if len(args) != 1 || args[0] != "-" {
		return sources.ParseLines(strings.Join(args, "\n")), nil
	}
	plan, err := sources.ReadLines(c.stdin)
	var long *sources.LineTooLongError
	switch {
	case errors.As(err, &long):
		return plan, usagef("import: %v", err)
	case err != nil:
		return plan, fmt.Errorf("import: reading the links from standard input: %w", err)
	}
	return plan, nil
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}
