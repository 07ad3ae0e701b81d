package core

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/transfer"
)

// uploadedVideo uploads content (a real MP4 container: uploads are inspected) and returns the
// new video's number.
func uploadedVideo(t *testing.T, c *Service, content []byte) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "clip.mp4")
	if err := os.WriteFile(src, content, 0o644); err != nil {
		t.Fatal(err)
	}
	views, err := c.EnqueueUploads(contract.UploadBatch{Files: []contract.FileUpload{{Path: src}}, Meta: contract.Meta{RetainOriginal: true}})
	if err != nil {
		t.Fatal(err)
	}
	return finish(t, c, views[0].ID).Result.VideoNos[0]
}

func finish(t *testing.T, c *Service, id uint64) contract.Job {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done, err := c.engine().Wait(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return done[0]
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustHold(t *testing.T, path string, want []byte) {
	t.Helper()
	if got := mustRead(t, path); !bytes.Equal(got, want) {
		t.Fatalf("%s holds %q, want %q", path, got[:min(len(got), 20)], want[:min(len(want), 20)])
	}
}

func TestFolderDownloadsAskOnceThenKeepBothReplaceOrSkip(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	content := mediatest.MP4(bytes.Repeat([]byte("video!"), 5000))
	no := uploadedVideo(t, c, content)
	dir := t.TempDir()
	name := c.DownloadName(no)
	taken := filepath.Join(dir, name)
	writeFile(t, taken, "old")
	target := contract.DownloadRequest{Path: dir, Folder: true}

	res, err := c.EnqueueDownloads(appRequest([]string{no}, target, ""))
	if err != nil || len(res.Jobs) != 0 || !reflect.DeepEqual(res.Conflicts, []string{name}) {
		t.Fatalf("no choice yet: %+v %v", res, err)
	}
	if res, err = c.EnqueueDownloads(appRequest([]string{no}, target, choice.Skip)); err != nil || len(res.Jobs) != 0 {
		t.Fatalf("skip queued %+v %v", res.Jobs, err)
	}
	res, _ = c.EnqueueDownloads(appRequest([]string{no}, target, choice.KeepBoth))
	finish(t, c, res.Jobs[0].ID)
	mustHold(t, filepath.Join(dir, "clip (1).mp4"), content)
	mustHold(t, taken, []byte("old"))

	res, _ = c.EnqueueDownloads(appRequest([]string{no}, target, choice.Replace))
	if j := finish(t, c, res.Jobs[0].ID); j.State != jobstate.Done {
		t.Fatalf("replace: %+v", j)
	}
	mustHold(t, taken, content)
	if _, err := c.EnqueueDownloads(appRequest([]string{no}, target, "overwrite-all")); err == nil {
		t.Fatal("an unknown choice was accepted")
	}
}

func TestReplaceConfirmedInTheSaveDialogReplaces(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	content := mediatest.MP4([]byte("the new video bytes"))
	no := uploadedVideo(t, c, content)
	dest := filepath.Join(t.TempDir(), "holiday.mov")
	writeFile(t, dest, "old")
	res, err := c.EnqueueDownloads(appRequest([]string{no}, contract.DownloadRequest{Path: dest, Replace: true}, ""))
	if err != nil || len(res.Conflicts) != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if j := finish(t, c, res.Jobs[0].ID); j.State != jobstate.Done {
		t.Fatalf("%+v", j.Error)
	}
	mustHold(t, dest, content)
}

func TestRetryOfATakenNameOffersTheChoice(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	content := mediatest.MP4([]byte("fresh bytes"))
	no := uploadedVideo(t, c, content)
	dest := filepath.Join(t.TempDir(), "clip.mp4")
	// The name is taken after the download was queued: the job fails, and says so without a CLI flag.
	j, err := c.engine().EnqueueDownload(transfer.DownloadSpec{VideoNo: no, Dest: dest, Overwrite: false})
	writeFile(t, dest, "old")
	if err != nil {
		t.Fatal(err)
	}
	failed := finish(t, c, j.ID)
	if failed.State != jobstate.Failed || failed.Error == nil || failed.Error.Code != errcode.Exists {
		t.Fatalf("want a failed job with code %q, got %+v", errcode.Exists, failed.Error)
	}
	if bytes.Contains([]byte(failed.Error.Message), []byte("--")) {
		t.Fatalf("the message names a CLI flag: %q", failed.Error.Message)
	}
	if err := c.RetryDownload(j.ID, choice.KeepBoth); err != nil {
		t.Fatal(err)
	}
	if done := finish(t, c, j.ID); done.State != jobstate.Done || done.Name != "clip (1).mp4" {
		t.Fatalf("keep both: %+v", done)
	}
	mustHold(t, dest, []byte("old"))
	mustHold(t, filepath.Join(filepath.Dir(dest), "clip (1).mp4"), content)
}

func TestFilterFollowsTheRealExtension(t *testing.T) {
	for name, want := range map[string]Filter{
		"a.MOV":  {"QuickTime video (.mov)", "*.mov;*.MOV"},
		"b.mkv":  {"Matroska video (.mkv)", "*.mkv;*.MKV"},
		"c.mp4":  {"MP4 video (.mp4)", "*.mp4;*.MP4"},
		"d.webm": {"WEBM file (.webm)", "*.webm;*.WEBM"},
		"noext":  {"All files", "*"},
	} {
		if got := FilterFor(name); got != want {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
}
