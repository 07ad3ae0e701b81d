package core

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"memories-desktop/backend/api"
)

// DemoVideosEnv, with sandbox mode, adds that many videos (at most maxDemoVideos) straight to
// the emulator, so the Library can be tried and tested at size. They are not transfers, so
// Transfers and History stay as they were; the Library lists them on its next refresh.
const DemoVideosEnv = "MEMORIES_SANDBOX_DEMO_VIDEOS"

const maxDemoVideos = 50_000

// seedDemoVideos uploads the videos by URL in the background and says on stderr when done (the
// real-window tests wait for that line).
func (c *Service) seedDemoVideos(ctx context.Context) {
	n, err := strconv.Atoi(os.Getenv(DemoVideosEnv))
	if err != nil || n <= 0 || !c.SandboxActive() {
		return
	}
	client, err := c.Client()
	if err != nil {
		return
	}
	client = client.WithGate(nil) // only ever the local emulator: 1 upload a minute would take days
	go func() {
		scope := c.Settings.Get().Scope
		for i := range min(n, maxDemoVideos) {
			url := fmt.Sprintf("https://media.example.com/demo/clip-%05d.mp4", i+1)
			if _, err := client.UploadURL(ctx, url, api.UploadMeta{Scope: scope}); err != nil {
				fmt.Fprintf(os.Stderr, "demo videos: stopped after %d: %v\n", i, err)
				return
			}
		}
		fmt.Fprintf(os.Stderr, "demo videos: %d added to the sandbox\n", min(n, maxDemoVideos))
	}()
}
