package core

import (
	"fmt"
	"os"
	"strconv"
)

// DemoVideosEnv, with sandbox mode, adds that many videos (at most maxDemoVideos) straight to
// the emulator, so the Library can be tried and tested at size. They are not transfers, so
// Transfers and History stay as they were; the Library lists them on its next refresh.
const DemoVideosEnv = "MEMORIES_SANDBOX_DEMO_VIDEOS"

const maxDemoVideos = 50_000

// seedDemoVideos puts the demo videos into the emulator in one step (sandbox.SeedVideos), before
// the window's first library refresh, and says on stderr when done (the real-window tests wait
// for that line).
func (c *Service) seedDemoVideos() {
	n, err := strconv.Atoi(os.Getenv(DemoVideosEnv))
	if err != nil || n <= 0 || !c.SandboxActive() {
		return
	}
	n = min(n, maxDemoVideos)
	added, err := c.sandbox.seed(c.current().Scope, n)
	if err != nil {
		fmt.Fprintf(os.Stderr, "demo videos: %v\n", err)
		return
	}
	fmt.Fprintf(os.Stderr, "demo videos: %d added to the sandbox (%d new)\n", n, added)
}
