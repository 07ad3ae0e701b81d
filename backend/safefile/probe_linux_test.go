package safefile

import (
	"os"
	"sync/atomic"
	"testing"
)

// On Linux the probe never has a name: a listing of the folder taken while thousands of probes
// run never sees one (a named probe shows up within a few hundred), so a kill at any moment
// leaves the person's folder as it was.
func TestProbeIsNeverSeenInTheFolder(t *testing.T) {
	dir := t.TempDir()
	if done, err := probeUnnamed(dir); !done || err != nil {
		t.Fatalf("this file system has no unnamed files (done %v, %v): the test needs ext4, tmpfs or the like", done, err)
	}
	var stop atomic.Bool
	errs := make(chan error, 1)
	go func() {
		defer close(errs)
		for i := 0; i < 5000 && !stop.Load(); i++ {
			if err := ProbeWritable(dir); err != nil {
				errs <- err
				return
			}
		}
	}()
	seen := 0
	for running := true; running; {
		select {
		case err, open := <-errs:
			if err != nil {
				t.Fatal(err)
			}
			running = open
		default:
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		seen += len(entries)
	}
	stop.Store(true)
	if seen != 0 {
		t.Fatalf("listings saw a probe %d times", seen)
	}
}
