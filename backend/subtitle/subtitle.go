// Package subtitle renders a video's timed text (a transcript or its scene captions) as plain
// text, SubRip (.srt), WebVTT (.vtt) or JSON, for the CLI and the app's Export.
package subtitle

import (
	"encoding/json"
	"fmt"
	"math"
	"memories-desktop/backend/contract"
	"strings"
)

// Render writes t in format. Lines are cleaned of control characters and a cue's text never
// holds a blank line, which would end the cue early in SRT and WebVTT.
func Render(t contract.Transcript, format string) ([]byte, error) {
	var b strings.Builder
	switch format {
	case "json":
		out, err := json.Marshal(t) // one line: the CLI's --json prints one object per line
		return append(out, '\n'), err
	case "text":
		for _, s := range t.Segments {
			fmt.Fprintf(&b, "%s  %s\n", Clock(s.Start), cueText(s.Text))
		}
	case "srt":
		for i, s := range t.Segments {
			fmt.Fprintf(&b, "%d\n%s --> %s\n%s\n\n", i+1, stamp(s.Start, ','), stamp(s.End, ','), cueText(s.Text))
		}
	case "vtt":
		b.WriteString("WEBVTT\n\n")
		for _, s := range t.Segments {
			fmt.Fprintf(&b, "%s --> %s\n%s\n\n", stamp(s.Start, '.'), stamp(s.End, '.'), strings.ReplaceAll(cueText(s.Text), "-->", "->"))
		}
	default:
		return nil, fmt.Errorf("unknown format %q: use %s", format, strings.Join(contract.SubtitleFormats, ", "))
	}
	return []byte(b.String()), nil
}

// cueText keeps a line printable and on one line.
func cueText(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)), " ")
}

// stamp formats seconds as HH:MM:SS,mmm (sep ',' for SRT, '.' for WebVTT).
func stamp(sec float64, sep byte) string {
	ms := int64(math.Round(max(sec, 0) * 1000))
	return fmt.Sprintf("%02d:%02d:%02d%c%03d", ms/3600000, ms/60000%60, ms/1000%60, sep, ms%1000)
}

// Clock formats seconds for people: m:ss, or h:mm:ss from an hour on.
func Clock(sec float64) string {
	s := int64(max(sec, 0))
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
