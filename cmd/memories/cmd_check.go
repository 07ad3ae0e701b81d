package main

import (
	"context"
	"fmt"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// runCheck reports what the upload check finds in each file (folders are walked), sending
// nothing. Exit status 0 when every file could be uploaded, 1 when any would be refused.
func runCheck(_ context.Context, c *cli, args []string) error {
	fs := newFlags("check", commands["check"].usage, c)
	asJSON := fs.Bool("json", false, "one JSON object per line on stdout")
	force := fs.Bool("force", false, "judge as upload --force does: accept codecs the service cannot index")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("check: name at least one video file or folder")
	}
	scan, err := core.Check(paths, *force)
	if err != nil {
		return usagef("check: %v", err)
	}
	out := newPrinter(c, *asJSON)
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
		return fmt.Sprintf("%s: refused: %s", printable(v.Path), v.Reason)
	}
	parts := []string{mediaSummary(v)}
	if fm := v.FileMeta; fm != nil {
		parts = append(parts, fileMetaSummary(fm))
	}
	line := fmt.Sprintf("%s: ok: %s", printable(v.Path), strings.Join(parts, "; "))
	for _, w := range v.Warnings {
		line += "\n  warning: " + w
	}
	return line
}

func mediaSummary(v contract.Verdict) string {
	m := v.Media
	audio := "audio"
	if !m.HasAudio {
		audio = "no audio"
	}
	return fmt.Sprintf("%s, %s, %dx%d, %g fps, %.1f s, %s", strings.ToUpper(m.Container), m.CodecName,
		m.Width, m.Height, m.FrameRate, m.DurationSec, audio)
}

func fileMetaSummary(fm *contract.FileMeta) string {
	var parts []string
	if fm.TakenAt != "" {
		parts = append(parts, "taken "+fm.TakenAt)
	}
	if fm.Camera != "" {
		parts = append(parts, "camera "+fm.Camera)
	}
	if fm.Latitude != nil && fm.Longitude != nil {
		parts = append(parts, fmt.Sprintf("at %g,%g", *fm.Latitude, *fm.Longitude))
	}
	return "from the file: " + strings.Join(parts, ", ")
}
