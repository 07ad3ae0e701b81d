package main

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkImport30000Links submits 600 import tasks through the CLI against the in-process
// sandbox with pacing off; with -cpuprofile it shows where the CPU goes between requests
// (docs/RELIABILITY.md): go test -run '^$' -bench Import30000 -benchtime 1x -cpuprofile cpu.out ./cmd/memories
func BenchmarkImport30000Links(b *testing.B) {
	var text strings.Builder
	for i := 0; i < 30_000; i++ {
		fmt.Fprintf(&text, "https://www.tiktok.com/@u/video/%d\n", 7300000000000000000+i)
	}
	for b.Loop() {
		e := newTestEnv(b)
		r := e.run(text.String(), "import", "-")
		if r.code != 0 {
			b.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		b.ReportMetric(float64(e.sb.Stats().Imports), "import-requests")
	}
}
