package main

import (
	"fmt"
	"strings"
	"testing"
)

// The scale benchmarks of docs/BENCHMARKS.md: the CLI against the in-process sandbox with pacing
// off, so what is measured is the client's own work per item (planning, recording, scheduling,
// waiting), which must not grow with the size of the command.
// go test -run '^$' -bench 'Import(1k|10k|100k)Links|QueuedDownloads' -benchtime 1x ./cmd/memories

func benchmarkImport(b *testing.B, n int) {
	var text strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&text, "https://www.tiktok.com/@u/video/%d\n", 7300000000000000000+i)
	}
	for b.Loop() {
		e := newTestEnv(b)
		if r := e.run(text.String(), "import", "-"); r.code != 0 {
			b.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if got, want := e.sb.Stats().ImportLinks, n; got != want {
			b.Fatalf("%d links reached the service, want %d", got, want)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/link")
}

func BenchmarkImport1kLinks(b *testing.B)   { benchmarkImport(b, 1_000) }
func BenchmarkImport10kLinks(b *testing.B)  { benchmarkImport(b, 10_000) }
func BenchmarkImport100kLinks(b *testing.B) { benchmarkImport(b, 100_000) }

// benchmarkQueuedDownloads queues n downloads of tiny (16-byte) assets in one command and runs
// them to the end.
func benchmarkQueuedDownloads(b *testing.B, n int) {
	e := newTestEnv(b)
	args := []string{"download-asset", "-o", ""}
	for i := 0; i < n; i++ {
		id := e.addAsset(fmt.Sprintf("a%d.mp4", i), "0123456789abcdef")
		args = append(args, id)
	}
	for b.Loop() {
		args[2] = b.TempDir()
		if r := e.run("", args...); r.code != 0 {
			b.Fatalf("exit %d: %s", r.code, r.stderr[:min(len(r.stderr), 2000)])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/job")
}

func BenchmarkQueuedDownloads500(b *testing.B)   { benchmarkQueuedDownloads(b, 500) }
func BenchmarkQueuedDownloads5000(b *testing.B)  { benchmarkQueuedDownloads(b, 5_000) }
func BenchmarkQueuedDownloads50000(b *testing.B) { benchmarkQueuedDownloads(b, 50_000) }
