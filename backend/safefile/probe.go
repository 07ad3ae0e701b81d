package safefile

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// probePrefix names the file a probe creates where the system has no unnamed files.
const probePrefix = ".memories-write-check-"

// staleProbe is the age past which a named probe is a leftover: a probe lives for microseconds.
const staleProbe = time.Minute

// ProbeWritable tells whether a file can be created in dir, by creating one: permission bits do
// not tell about read-only mounts, ACLs or a superuser. On Linux the probe has no name at all
// (O_TMPFILE), so a kill in the middle of it leaves nothing in a person's folder; elsewhere, and
// on file systems without unnamed files, it is a named file removed at once, and the leftovers
// of earlier kills are swept first (once a folder per process: a batch of downloads into a large
// folder would otherwise list it for each one).
func ProbeWritable(dir string) error {
	if done, err := probeUnnamed(dir); done {
		return err
	}
	if _, swept := sweptDirs.LoadOrStore(dir, true); !swept {
		sweepProbes(dir)
	}
	f, err := os.CreateTemp(dir, probePrefix+"*")
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// sweptDirs are the folders this process has swept.
var sweptDirs sync.Map

// sweepProbes removes the named probes a kill left in dir: empty regular files older than
// staleProbe (a link or anything else under such a name is not ours to remove).
func sweepProbes(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), probePrefix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && info.Size() == 0 && time.Since(info.ModTime()) > staleProbe {
			_ = os.Remove(filepath.Join(dir, e.Name())) // best effort: the probe itself still decides
		}
	}
}
