package watch

import (
	"errors"
	"memories-desktop/backend/contract"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// tree is the set of folders watched live. inotify watches are a per-user system limit
// (fs.inotify.max_user_watches): at the limit the rest of the tree is only rescanned, and the
// watch says so.
type tree struct {
	fsw       *fsnotify.Watcher
	cfg       contract.WatchConfig
	max       int // 0: until the system refuses
	live      map[string]bool
	unwatched int       // folders found in the last walk that could not be watched live
	rootID    [2]uint64 // the watched folder's device and inode when it was watched live
}

func newTree(fsw *fsnotify.Watcher, c contract.WatchConfig, max int) *tree {
	return &tree{fsw: fsw, cfg: c, max: max, live: map[string]bool{}}
}

// wantsDir says whether a folder inside the watch is watched: the root, and with Recursive
// every subfolder except the Uploaded one.
func (t *tree) wantsDir(path string) bool {
	if path == t.cfg.Folder {
		return true
	}
	return t.cfg.Recursive && path != filepath.Join(t.cfg.Folder, contract.WatchUploadedDir)
}

// add watches a folder live when the limit allows; it reports whether it did.
func (t *tree) add(path string) bool {
	if t.live[path] {
		return true
	}
	if t.max > 0 && len(t.live) >= t.max {
		t.unwatched++
		return false
	}
	err := t.fsw.Add(path)
	switch {
	case err == nil:
		t.live[path] = true
		if path == t.cfg.Folder {
			if info, err := os.Stat(path); err == nil {
				t.rootID = folderID(info)
			}
		}
		return true
	case errors.Is(err, syscall.ENOSPC):
		t.unwatched++
	}
	return false
}

// forget drops a folder that was removed or renamed (the system has dropped its watch).
func (t *tree) forget(path string) {
	if t.live[path] {
		delete(t.live, path)
		_ = t.fsw.Remove(path)
	}
}

// replaced says whether the watched folder is no longer what is watched live: the system dropped
// its watch (an unmount does so without a notice) or the path leads to another folder (a drive
// mounted again over it). Live watches the system dropped inside the tree are forgotten, so the
// next walk watches those folders again.
func (t *tree) replaced(info os.FileInfo) bool {
	if !t.live[t.cfg.Folder] {
		return false
	}
	watched := map[string]bool{}
	for _, p := range t.fsw.WatchList() {
		watched[p] = true
	}
	for p := range t.live {
		if !watched[p] {
			delete(t.live, p)
		}
	}
	return !t.live[t.cfg.Folder] || folderID(info) != t.rootID
}

// systemLimit reads the per-user inotify limit; 0 when unknown (not Linux).
func systemLimit() int {
	b, err := os.ReadFile("/proc/sys/fs/inotify/max_user_watches")
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}
