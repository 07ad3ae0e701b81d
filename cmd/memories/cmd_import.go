package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

func runImport(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("import", commands["import"].usage, c)
	o.register(fs)
	quality := fs.String("quality", "720", "flag.import.quality")
	callback := fs.String("callback", "", "flag.import.callback")
	links, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := core.CheckCallback(*callback); err != nil {
		return rejected("import", err)
	}
	plan, err := importPlan(c, links, *quality)
	if err != nil {
		return err
	}
	s, err := o.open(c, true)
	if err != nil {
		return err
	}
	defer s.close()
	var planned []string // the plan's tasks in order: core splits them again the same way
	for _, t := range plan.Tasks {
		planned = append(planned, t.Links...)
	}
	return queueAndRun(ctx, s, func() ([]contract.JobView, error) {
		return s.svc.EnqueueImport(contract.ImportRequest{Text: strings.Join(planned, "\n"), Quality: *quality, Callback: *callback})
	})
}

// importPlan reads the links (arguments, or stdin for "-"), and rejects the whole command when
// any line is not a supported post link: nothing is sent for a half-valid list.
func importPlan(c *cli, args []string, quality string) (contract.LinkPlan, error) {
	if !slices.Contains(core.Qualities(), quality) {
		return contract.LinkPlan{}, usage("import.badQuality", i18n.Args{"Qualities": strings.Join(core.Qualities(), ", ")})
	}
	plan, err := readPlan(c, args)
	if err != nil {
		return plan, err
	}
	for _, p := range plan.Problems {
		fmt.Fprintln(c.stderr, tr("import.badLine", i18n.Args{"Line": fmt.Sprint(p.Line), "Raw": printable(p.Raw), "Reason": p.Reason}))
	}
	fmt.Fprintln(c.stderr, plan.Summary)
	if len(plan.Problems) > 0 {
		return plan, usage("import.invalidLines", i18n.Args{"Count": len(plan.Problems)})
	}
	if len(plan.Tasks) == 0 {
		return plan, usage("import.noLinks")
	}
	return plan, nil
}

// readPlan plans the links in args, or streams them from stdin for "-" (any number of lines);
// a line too long or a read error rejects the whole command, so a cut list is never sent.
func readPlan(c *cli, args []string) (contract.LinkPlan, error) {
	if len(args) != 1 || args[0] != "-" {
		return core.ParseLinks(strings.Join(args, "\n")), nil
	}
	plan, err := core.ReadLinks(c.stdin)
	var long *contract.LineTooLongError
	switch {
	case errors.As(err, &long):
		return plan, usage("cli.commandError", i18n.Args{"Command": "import", "Error": core.Describe(err).Message})
	case err != nil:
		return plan, fmt.Errorf("%s: %w", tr("import.readStdin"), err)
	}
	return plan, nil
}
