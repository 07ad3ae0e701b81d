package core

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/media/mediatest"
	"memories-desktop/backend/sandbox"
)

// setSandbox flips the sandbox switch as Settings does, then applies it.
func setSandbox(t *testing.T, c *Service, on bool) {
	t.Helper()
	s := c.current()
	s.Sandbox = on
	if _, err := c.prefs.Update(s); err != nil {
		t.Fatal(err)
	}
	if err := c.ApplySettings(); err != nil {
		t.Fatal(err)
	}
}

// profileView is what the UI would show of the active profile.
func profileView(t *testing.T, c *Service, probe string) (videos []string, jobs int, dup bool) {
	t.Helper()
	page, err := c.Videos(context.Background(), contract.LibraryQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range page.Videos {
		videos = append(videos, v.VideoNo)
	}
	jp, err := c.Jobs(contract.JobQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.FindDuplicate(context.Background(), probe, "")
	if err != nil {
		t.Fatal(err)
	}
	return videos, len(jp.Jobs), d != nil && d.Kind != ""
}

func TestSandboxAndLiveNeverSeeEachOther(t *testing.T) {
	t.Setenv("MEMORIES_RATE_LIMITS", "off")
	live, err := sandbox.Listen("127.0.0.1:0", sandbox.Options{}) // stands in for the live service
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	c := startCore(t, Options{})
	useService(t, c, live.URL, "sk-live-key-1234")
	setSandbox(t, c, true)
	if err := c.StartEngine(context.Background()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "clip.mp4")
	os.WriteFile(file, mediatest.MP4([]byte("the same bytes in both profiles")), 0o644)
	inSandbox := uploadDone(t, c, file).Result.VideoNos[0]

	setSandbox(t, c, false)
	if videos, jobs, dup := profileView(t, c, file); len(videos) != 0 || jobs != 0 || dup {
		t.Fatalf("live profile shows sandbox data: videos %v, %d jobs, duplicate %v", videos, jobs, dup)
	}
	inLive := uploadDone(t, c, file).Result.VideoNos[0]
	if videos, jobs, dup := profileView(t, c, file); len(videos) != 1 || videos[0] != inLive || jobs != 1 || !dup {
		t.Fatalf("live profile: videos %v (want %s), %d jobs, duplicate %v", videos, inLive, jobs, dup)
	}

	setSandbox(t, c, true)
	if videos, jobs, dup := profileView(t, c, file); len(videos) != 1 || videos[0] != inSandbox || jobs != 1 || !dup {
		t.Fatalf("sandbox profile after switching back: videos %v (want %s), %d jobs, duplicate %v", videos, inSandbox, jobs, dup)
	}
}

// bigFile writes n pseudo-random bytes to a new file.
func bigFile(t *testing.T, n int) (string, []byte) {
	t.Helper()
	payload := make([]byte, n)
	for i := range payload {
		payload[i] = byte(i*7 + i/251)
	}
	b := mediatest.MP4(payload)
	path := filepath.Join(t.TempDir(), "big.mp4")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b
}

func TestSandboxRestartMidDownloadThenResume(t *testing.T) {
	t.Setenv("MEMORIES_RATE_LIMITS", "off")
	dataDir, secrets := t.TempDir(), fileSecrets(t)
	c, err := Start(dataDir, Options{Secrets: secrets, ForceSandbox: true})
	if err != nil {
		t.Fatal(err)
	}
	c.sandbox.parseDelay = 0 // ready at once, so it can be downloaded
	c.StartEngine(context.Background())
	src, want := bigFile(t, 4<<20)
	views, err := c.EnqueueUploads(contract.UploadBatch{Files: []contract.FileUpload{{Path: src}}, Meta: contract.Meta{RetainOriginal: true}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	up, err := c.engine().Wait(ctx, views[0].ID)
	if err != nil || up[0].State != jobstate.Done {
		t.Fatalf("upload: %+v %v", up, err)
	}
	videoNo := up[0].Result.VideoNos[0]
	c.sandbox.run.Server.SetFaults(sandbox.Faults{DownloadRate: 512 << 10}) // about 8 s for the file
	dest := filepath.Join(t.TempDir(), "out.mp4")
	res, err := c.EnqueueDownloads(appRequest([]string{videoNo}, contract.DownloadRequest{Path: dest}, ""))
	if err == nil && len(res.Jobs) != 1 {
		err = fmt.Errorf("queued %d jobs, conflicts %v", len(res.Jobs), res.Conflicts)
	}
	if err != nil {
		t.Fatal(err)
	}
	clocktest.WaitFor(t, func() bool {
		return c.sandbox.run.Server.Stats().Downloads > 0 && partialBytes(dest) > 64<<10
	})
	c.Close() // quit mid-download: the emulator stops too

	c2, err := Start(dataDir, Options{Secrets: secrets, ForceSandbox: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	c2.StartEngine(context.Background())
	interrupted, err := c2.Interrupted()
	if err != nil || len(interrupted) != 1 || interrupted[0].ID != res.Jobs[0].ID {
		t.Fatalf("after restart, interrupted: %+v %v", interrupted, err)
	}
	if _, err := c2.engine().ResumeInterrupted(); err != nil {
		t.Fatal(err)
	}
	done, err := c2.engine().Wait(ctx, res.Jobs[0].ID)
	if err != nil || done[0].State != jobstate.Done {
		t.Fatalf("resumed download: %+v %v", done, err)
	}
	got, _ := os.ReadFile(dest)
	if !bytes.Equal(got, want) {
		t.Fatalf("downloaded %d bytes, not the uploaded file (%d bytes)", len(got), len(want))
	}
	if c2.sandbox.run.Server.Stats().PartialDownloads != 1 {
		t.Fatalf("the resume did not continue from the partial file: %+v", c2.sandbox.run.Server.Stats())
	}
}

// partialBytes sums the sizes of the partial files next to dest.
func partialBytes(dest string) int64 {
	entries, _ := os.ReadDir(filepath.Dir(dest)) // partial names start with a dot
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.Name() != filepath.Base(dest) {
			n += info.Size()
		}
	}
	return n
}
