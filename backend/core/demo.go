package core

import (
	"os"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/transfer"
)

// DemoEnv, with sandbox mode, fills the emulator with a few uploads and an import so every view
// has something to show (screenshots, demos). It never touches a real account.
const DemoEnv = "MEMORIES_SANDBOX_DEMO"

var demoURLs = []string{
	"https://media.example.com/family/beach-day.mp4",
	"https://media.example.com/family/birthday-cake.mp4",
	"https://media.example.com/trips/alps-hike.mp4",
	"https://media.example.com/trips/city-night-walk.mp4",
}

var demoLinks = []string{
	"https://www.tiktok.com/@travelbyte/video/7301234567890123456",
	"https://www.tiktok.com/@travelbyte/video/7301234567890123457",
	"https://www.tiktok.com/@cookclips/video/7309876543210987654",
}

// seedDemo queues the demo work when asked for and safe (sandbox only).
func (c *Service) seedDemo() {
	if os.Getenv(DemoEnv) != "1" || !c.SandboxActive() {
		return
	}
	for i, u := range demoURLs {
		c.EnqueueURL(u, contract.Meta{Tags: [][]string{{"family"}, {"family", "party"}, {"trip"}, {"trip", "night"}}[i], RetainOriginal: true})
	}
	c.engine().EnqueueImport(transfer.ImportSpec{Platform: "tiktok", Links: demoLinks,
		Scope: c.current().Scope, Quality: "720"})
}
