package api

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestUploadMetaValidate(t *testing.T) {
	manyTags := make([]string, MaxTags+1)
	for i := range manyTags {
		manyTags[i] = "t"
	}
	cases := []struct {
		name  string
		meta  UploadMeta
		field string // "" means valid
	}{
		{"empty", UploadMeta{}, ""},
		{"full", UploadMeta{Scope: "trip", Tags: []string{"a", "b"}, TakenAt: "2025-08-12 14:30:00",
			Camera: "X100", Latitude: ptr(-90.0), Longitude: ptr(180.0), Prompt: "p",
			Callback: "https://example.com/cb", RetainOriginal: ptr(false)}, ""},
		{"20 tags", UploadMeta{Tags: manyTags[:MaxTags]}, ""},
		{"21 tags", UploadMeta{Tags: manyTags}, "tags"},
		{"empty tag", UploadMeta{Tags: []string{"a", "  "}}, "tags"},
		{"taken at ISO", UploadMeta{TakenAt: "2025-08-12T14:30:00Z"}, "takenAt"},
		{"taken at date only", UploadMeta{TakenAt: "2025-08-12"}, "takenAt"},
		{"taken at impossible", UploadMeta{TakenAt: "2025-13-40 25:00:00"}, "takenAt"},
		{"camera 200", UploadMeta{Camera: strings.Repeat("é", 200)}, ""},
		{"camera 201", UploadMeta{Camera: strings.Repeat("c", 201)}, "camera"},
		{"callback ftp", UploadMeta{Callback: "ftp://example.com/cb"}, "callback"},
		{"callback relative", UploadMeta{Callback: "/cb"}, "callback"},
		{"callback 300", UploadMeta{Callback: "https://e.com/" + strings.Repeat("a", 286)}, "callback"},
		{"callback 299", UploadMeta{Callback: "https://e.com/" + strings.Repeat("a", 285)}, ""},
		{"latitude only", UploadMeta{Latitude: ptr(1.0)}, "longitude"},
		{"longitude only", UploadMeta{Longitude: ptr(1.0)}, "latitude"},
		{"latitude 91", UploadMeta{Latitude: ptr(91.0), Longitude: ptr(0.0)}, "latitude"},
		{"longitude -181", UploadMeta{Latitude: ptr(0.0), Longitude: ptr(-181.0)}, "longitude"},
		{"latitude NaN", UploadMeta{Latitude: ptr(math.NaN()), Longitude: ptr(0.0)}, "latitude"},
		{"longitude Inf", UploadMeta{Latitude: ptr(0.0), Longitude: ptr(math.Inf(1))}, "longitude"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.meta.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			wantInvalid(t, err, tc.field)
		})
	}
}

func TestUploadMetaFields(t *testing.T) {
	m := UploadMeta{Tags: []string{"a", " b "}, TakenAt: "2025-08-12 14:30:00", Camera: "X100",
		Latitude: ptr(48.8566), Longitude: ptr(-2.5), Prompt: "faces", Callback: "https://e.com/cb"}
	want := []formField{{"unique_id", "default"}, {"callback", "https://e.com/cb"},
		{"datetime_taken", "2025-08-12 14:30:00"}, {"camera_model", "X100"}, {"latitude", "48.8566"},
		{"longitude", "-2.5"}, {"tags", "a"}, {"tags", "b"}, {"retain_original_video", "true"},
		{"video_transcription_prompt", "faces"}}
	if got := m.fields(); !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %v\nwant %v", got, want)
	}
}

func TestRetainOriginalOnlyFalseWhenExplicit(t *testing.T) {
	cases := map[string]struct {
		retain *bool
		want   string
	}{"unset": {nil, "true"}, "true": {ptr(true), "true"}, "false": {ptr(false), "false"}}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fs := UploadMeta{Scope: "s", RetainOriginal: tc.retain}.fields()
			want := []formField{{"unique_id", "s"}, {"retain_original_video", tc.want}}
			if !reflect.DeepEqual(fs, want) {
				t.Fatalf("got %v", fs)
			}
		})
	}
}
