package core

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/transfer"
)

// served fetches a preview URL from the core's registry and returns the bytes ("" for a 404).
func served(t *testing.T, c *Service, url string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	c.previews.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
	if rec.Code != 200 {
		return ""
	}
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

func TestExpandGivesEveryUploadableFileAPreview(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true})
	dir := t.TempDir()
	good := mediatest.Copy(t, "h264-aac.mp4", filepath.Join(dir, "good.mp4"))
	mediatest.Copy(t, "text.mp4", filepath.Join(dir, "bad.mp4"))
	scan, err := c.Expand([]string{dir})
	if err != nil || len(scan.Files) != 1 || len(scan.Skipped) != 1 || scan.Skipped[0].Preview != "" {
		t.Fatalf("%+v %v", scan, err)
	}
	want, _ := os.ReadFile(good)
	if got := served(t, c, scan.Files[0].Preview); got != string(want) {
		t.Fatalf("preview served %d bytes", len(got))
	}
}

func TestUploadsTakeCaptureDetailsFromTheFileWhenAsked(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	taken := time.Date(2024, 6, 1, 9, 15, 30, 0, time.UTC).In(time.Local).Format(time.DateTime)
	path := mediatest.Copy(t, "hevc-tags.mov", filepath.Join(t.TempDir(), "shot.mov"))
	batch := contract.UploadBatch{Files: []contract.FileUpload{{Path: path}, {Path: path, Override: &contract.Meta{Camera: "Mine"}}},
		Meta: contract.Meta{FileMeta: true, Camera: ""}}
	views, err := c.EnqueueUploads(batch)
	if err != nil {
		t.Fatal(err)
	}
	first, second := specOf(t, c, views[0].ID), specOf(t, c, views[1].ID)
	if first.Meta.TakenAt != taken || first.Meta.Camera != "Apple iPhone 15 Pro" || *first.Meta.Latitude != 48.8584 {
		t.Fatalf("batch with file details: %+v", first.Meta)
	}
	if second.Meta.Camera != "Mine" || second.Meta.TakenAt != "" {
		t.Fatalf("an override without fileMeta: %+v", second.Meta)
	}
	refused := mediatest.Copy(t, "mpeg4.avi", filepath.Join(t.TempDir(), "old.avi"))
	if _, err := c.EnqueueUploads(contract.UploadBatch{Files: []contract.FileUpload{{Path: refused}}}); err == nil ||
		!strings.Contains(err.Error(), "MPEG-4 Part 2") {
		t.Fatalf("an unindexable codec was queued: %v", err)
	}
}

func specOf(t *testing.T, c *Service, id uint64) transfer.UploadSpec {
	t.Helper()
	j, err := c.activeDB().Job(id)
	var spec transfer.UploadSpec
	if err == nil {
		err = json.Unmarshal(j.Params, &spec)
	}
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

func TestPreviewsOfUploadedAndDownloadedVideos(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	src := mediatest.Copy(t, "h264-aac.mp4", filepath.Join(t.TempDir(), "sent.mp4"))
	up := uploadDone(t, c, src)
	no := up.Result.VideoNos[0]
	if url, err := c.VideoPreview("", no); err != nil || served(t, c, url) == "" {
		t.Fatalf("uploaded video: %q %v", url, err)
	}
	if url, _ := c.JobPreview(up.ID); served(t, c, url) == "" {
		t.Fatalf("upload job: %q", url)
	}
	os.Remove(src)
	if url, _ := c.VideoPreview("", no); url != "" {
		t.Fatalf("a deleted source still has a preview: %q", url)
	}
	// A finished download of the video, as the engine records one (downloads are tested in transfer).
	saved := mediatest.Copy(t, "h264-aac.mp4", filepath.Join(t.TempDir(), no+".mp4"))
	params, _ := json.Marshal(transfer.DownloadSpec{VideoNo: no, Dest: saved})
	dl := contract.Job{Kind: jobkind.Download, State: jobstate.Done, Name: no + ".mp4", Params: params,
		Result: contract.JobResult{Path: saved}}
	if err := c.activeDB().CreateJob(&dl); err != nil {
		t.Fatal(err)
	}
	url, err := c.VideoPreview("", no)
	if err != nil || served(t, c, url) == "" {
		t.Fatalf("downloaded video: %q %v", url, err)
	}
	if job, _ := c.JobPreview(dl.ID); job != url || !strings.HasSuffix(url, "/video.mp4") {
		t.Fatalf("download job preview %q, video preview %q", job, url)
	}
}
