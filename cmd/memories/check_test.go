package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/media/mediatest"
)

// localTime is how a UTC time from a movie header is shown: in this computer's time zone.
func localTime(y int, mo time.Month, d, h, mi, s int) string {
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC).In(time.Local).Format(time.DateTime)
}

// media copies the real test files into a folder, under their own names.
func media(t *testing.T, names ...string) (dir string, paths []string) {
	dir = t.TempDir()
	for _, n := range names {
		paths = append(paths, mediatest.Copy(t, n, filepath.Join(dir, n)))
	}
	return dir, paths
}

func TestCheckReportsEveryFile(t *testing.T) {
	e := newTestEnv(t)
	dir, _ := media(t, "h264-aac.mp4", "h264-silent.mp4", "hevc-tags.mov", "mpeg4.avi", "vp9.mkv", "truncated.mp4", "text.mp4")
	r := e.run("", "check", dir).want(t, 1)
	want := []string{
		"h264-aac.mp4: ok: MP4, H.264, 64x36, 25 fps, 0.5 s, audio; from the file: taken " + localTime(2025, 8, 12, 14, 30, 0),
		"h264-silent.mp4: ok: MP4, H.264, 64x36, 25 fps, 0.5 s, no audio\n  warning: it has no audio track, so there is nothing to transcribe",
		"hevc-tags.mov: ok: MOV, H.265/HEVC, 64x36, 25 fps, 0.5 s, audio; from the file: taken " + localTime(2024, 6, 1, 9, 15, 30) + ", camera Apple iPhone 15 Pro, at 48.8584, 2.2945",
		"vp9.mkv: ok: MATROSKA, VP9, 64x36, 25 fps, 0.5 s, no audio; from the file: taken " + localTime(2023, 1, 2, 3, 4, 5),
		"mpeg4.avi: refused: its video is MPEG-4 Part 2, which the service cannot index",
		"text.mp4: refused: it is not a video",
		"truncated.mp4: refused: the file is incomplete: it has no index (moov box)",
	}
	for _, w := range want {
		if !strings.Contains(r.stdout, filepath.Join(dir, w)) {
			t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
		}
	}
	if n := e.sb.Stats().Uploads; n != 0 {
		t.Fatalf("check sent %d uploads", n)
	}
}

func TestCheckJSON(t *testing.T) {
	e := newTestEnv(t)
	_, paths := media(t, "hevc-tags.mov")
	lines := e.run("", "check", "--json", paths[0]).want(t, 0).lines(t)
	m, _ := lines[0]["media"].(map[string]any)
	fm, _ := lines[0]["fileMeta"].(map[string]any)
	if len(lines) != 1 || lines[0]["ok"] != true || m["videoCodec"] != "hevc" || m["hasAudio"] != true ||
		m["width"] != 64.0 || fm["camera"] != "Apple iPhone 15 Pro" || fm["latitude"] != 48.8584 {
		t.Fatalf("%v", lines)
	}
	_, bad := media(t, "mpeg4.avi")
	forced := e.run("", "check", "--json", "--force", bad[0]).want(t, 0).lines(t)
	if forced[0]["ok"] != true || !strings.Contains(forced[0]["warnings"].([]any)[0].(string), "MPEG-4 Part 2") {
		t.Fatalf("%v", forced)
	}
	e.run("", "check").want(t, 2)
}

func TestUploadRefusesWhatTheServiceCannotIndex(t *testing.T) {
	e := newTestEnv(t)
	_, paths := media(t, "mpeg4.avi", "truncated.mp4", "text.mp4")
	for _, p := range paths {
		r := e.run("", "upload", p).want(t, 2)
		if !strings.Contains(r.stderr, p+": ") {
			t.Fatalf("stderr %q", r.stderr)
		}
	}
	r := e.run("", "upload", "--force", paths[1]).want(t, 2)
	if !strings.Contains(r.stderr, "incomplete") {
		t.Fatalf("--force let a truncated file through: %q", r.stderr)
	}
	if n := e.sb.Stats().Uploads; n != 0 {
		t.Fatalf("%d uploads reached the server", n)
	}
	r = e.run("", "upload", "--json", "--force", paths[0]).want(t, 0)
	if e.sb.Stats().Uploads != 1 || !strings.Contains(r.stderr, "warning: "+paths[0]+": its video is MPEG-4 Part 2") {
		t.Fatalf("forced upload: %d uploads, stderr %q", e.sb.Stats().Uploads, r.stderr)
	}
}

func TestUploadTakesCaptureDetailsFromTheFile(t *testing.T) {
	e := newTestEnv(t)
	_, paths := media(t, "hevc-tags.mov")
	e.run("", "upload", "--json", paths[0]).want(t, 0)
	e.run("", "upload", "--json", "--camera", "Mine", "--taken", "2020-01-01 00:00:00", paths[0]).want(t, 0)
	e.run("", "upload", "--json", "--no-file-metadata", paths[0]).want(t, 0)
	videos := e.sb.Videos("default")
	if len(videos) != 3 {
		t.Fatalf("%d videos", len(videos))
	}
	got := map[string]string{}
	for _, v := range videos {
		got[v.CameraModel] = v.DatetimeTaken.Format(time.DateTime) + " " + location(v.Latitude, v.Longitude)
	}
	want := map[string]string{
		"Apple iPhone 15 Pro": localTime(2024, 6, 1, 9, 15, 30) + " 48.8584,2.2945",
		"Mine":                "2020-01-01 00:00:00 48.8584,2.2945",
		"":                    "0001-01-01 00:00:00 none",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("camera %q: %q, want %q (all: %v)", k, got[k], w, got)
		}
	}
}

func location(lat, lon *float64) string {
	if lat == nil || lon == nil {
		return "none"
	}
	return fmt.Sprintf("%g,%g", *lat, *lon)
}
