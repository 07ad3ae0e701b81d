package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/store"
)

// The watch at scale (docs/BENCHMARKS.md): a tree of small .mp4 files, every one matching, with a
// settle time of an hour so the run measures discovery alone: the first full scan (walk, inotify
// watches, one record per file saved), the heap after it, and the CPU used over 10 s of idling.
// Nothing is queued, so the watch needs no engine (its Queue is never called).
//
//	go test -run '^$' -bench 'BenchmarkWatch' -benchtime 1x ./backend/watch
func BenchmarkWatch50000FilesIn5000Folders(b *testing.B) { benchmarkWatch(b, 50_000, 5_000) }
func BenchmarkWatch100000FilesInOneFolder(b *testing.B)  { benchmarkWatch(b, 100_000, 1) }

func benchmarkWatch(b *testing.B, files, folders int) {
	root := b.TempDir()
	for i := range files {
		dir := root
		if folders > 1 {
			dir = filepath.Join(root, fmt.Sprintf("d%04d", i%folders))
		}
		if i < folders {
			os.MkdirAll(dir, 0o755)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%06d.mp4", i)), []byte("x"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		db, err := store.Open(b.TempDir(), time.Second)
		if err != nil {
			b.Fatal(err)
		}
		c, err := Add(db, contract.WatchConfig{Name: "bench", Folder: root, Recursive: true, SettleMS: time.Hour.Milliseconds()})
		if err != nil {
			b.Fatal(err)
		}
		started := make(chan contract.WatchEvent, 1)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		t0 := time.Now()
		go func() {
			done <- Run(ctx, db, nil, c, contract.WatchRunOptions{Report: func(e contract.WatchEvent) {
				if e.Kind == contract.WatchEvStarted {
					started <- e
				}
			}})
		}()
		e := <-started
		scan := time.Since(t0)
		var before, after syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		time.Sleep(10 * time.Second)
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(scan.Seconds(), "scan-s")
		b.ReportMetric(float64(cpuTime(after)-cpuTime(before))/float64(10*time.Second)*100, "idle-cpu-%")
		b.ReportMetric(float64(maxRSS(after))/1024, "maxrss-MiB")
		b.Logf("%s", e.Detail)
		db.Close()
	}
}

func cpuTime(r syscall.Rusage) time.Duration {
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

func maxRSS(r syscall.Rusage) int64 { return r.Maxrss } // KiB on Linux
