package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// runCheck reports what the upload check finds in each file (folders are walked), sending
// nothing. Exit status 0 when every file could be uploaded, 1 when any would be refused.
func runCheck(_ context.Context, c *cli, args []string) error {
	fs := newFlags("check", commands["check"].usage, c)
	asJSON := fs.Bool("json", false, "flag.check.json")
	force := fs.Bool("force", false, "flag.check.force")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usage("check.noPaths")
	}
	out := newPrinter(c, *asJSON) // first: under --json, the verdicts' reasons are English
	scan, err := core.Check(paths, *force)
	if err != nil {
		return usage("cli.commandError", i18n.Args{"Command": "check", "Error": err.Error()})
	}
	for _, v := range append(scan.Files, scan.Skipped...) {
		out.result(v, checkLine(v))
	}
	if len(scan.Skipped) > 0 {
		return errReported
	}
	return nil
}

// checkLine is one file's report for people: its verdict, then what the container says.
func checkLine(v contract.Verdict) string {
	if !v.OK {
		return tr("check.refused", i18n.Args{"Path": printable(v.Path), "Reason": v.Reason})
	}
	parts := []string{mediaSummary(v)}
	if fm := v.FileMeta; fm != nil {
		parts = append(parts, fileMetaSummary(fm))
	}
	line := tr("check.ok", i18n.Args{"Path": printable(v.Path), "Report": strings.Join(parts, "; ")})
	for _, w := range v.Warnings {
		line += "\n  " + tr("check.warning", i18n.Args{"Warning": w})
	}
	return line
}

func mediaSummary(v contract.Verdict) string {
	m := v.Media
	audio := tr("check.audio")
	if !m.HasAudio {
		audio = tr("check.noAudio")
	}
	return tr("check.media", i18n.Args{"Container": strings.ToUpper(m.Container), "Codec": m.CodecName,
		"Size": fmt.Sprintf("%dx%d", m.Width, m.Height), "FPS": i18n.Default().Decimal(m.FrameRate, 3),
		"Duration": i18n.Default().Duration(time.Duration(m.DurationSec * float64(time.Second))), "Audio": audio})
}

func fileMetaSummary(fm *contract.FileMeta) string {
	var parts []string
	if fm.TakenAt != "" {
		parts = append(parts, tr("check.taken", i18n.Args{"At": fm.TakenAt}))
	}
	if fm.Camera != "" {
		parts = append(parts, tr("check.camera", i18n.Args{"Camera": fm.Camera}))
	}
	if fm.Latitude != nil && fm.Longitude != nil {
		parts = append(parts, tr("check.place", i18n.Args{"Place": i18n.Default().Coordinates(*fm.Latitude, *fm.Longitude)}))
	}
	return tr("check.fromFile", i18n.Args{"Parts": strings.Join(parts, ", ")})
}
