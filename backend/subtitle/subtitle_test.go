package subtitle

import (
	"memories-desktop/backend/contract"
	"strings"
	"testing"
)

var sample = contract.Transcript{VideoNo: "VI1", Segments: []contract.Segment{
	{Index: 0, Start: 0, End: 7.25, Text: " Hello there"},
	{Index: 1, Start: 3725.5, End: 3727, Text: "two\n\nlines --> arrow"},
}}

func TestRenderFormats(t *testing.T) {
	want := map[string]string{
		"text": "0:00  Hello there\n1:02:05  two lines --> arrow\n",
		"srt":  "1\n00:00:00,000 --> 00:00:07,250\nHello there\n\n2\n01:02:05,500 --> 01:02:07,000\ntwo lines --> arrow\n\n",
		"vtt":  "WEBVTT\n\n00:00:00.000 --> 00:00:07.250\nHello there\n\n01:02:05.500 --> 01:02:07.000\ntwo lines -> arrow\n\n",
	}
	for format, w := range want {
		got, err := Render(sample, format)
		if err != nil || string(got) != w {
			t.Errorf("%s:\n%q\nwant\n%q (%v)", format, got, w, err)
		}
	}
	if got, err := Render(sample, "json"); err != nil || !strings.Contains(string(got), `"start":3725.5`) {
		t.Errorf("json: %s %v", got, err)
	}
	if _, err := Render(sample, "docx"); err == nil {
		t.Error("an unknown format was rendered")
	}
}
