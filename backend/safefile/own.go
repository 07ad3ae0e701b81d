package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// OpenOwn opens an existing partial file without following a link and checks that the name
// still refers to the plain file that was opened (Windows has no O_NOFOLLOW).
func OpenOwn(path string, flag int) (*os.File, error) {
	f, err := os.OpenFile(path, flag|noFollow, 0)
	if err != nil {
		return nil, notRegularIfLink(path, err)
	}
	info, err := f.Stat()
	if err == nil {
		err = sameRegular(path, info)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// notRegularIfLink turns the error O_NOFOLLOW gives for a link (ELOOP) into ErrNotRegular.
func notRegularIfLink(path string, err error) error {
	if st, lerr := os.Lstat(path); lerr == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, st.Mode().Type())
	}
	return err
}

// sameRegular checks that path names the plain file described by info, with no link between.
func sameRegular(path string, info fs.FileInfo) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() || !os.SameFile(st, info) {
		return fmt.Errorf("%s: %w: it was replaced while the download ran", path, ErrNotRegular)
	}
	return nil
}

// removeOwn deletes path only while it is still the file described by info.
func removeOwn(path string, info fs.FileInfo) {
	if sameRegular(path, info) == nil {
		os.Remove(path)
	}
}

// isDiskFull reports a write that failed for lack of space (diskFullErrors, per platform).
func isDiskFull(err error) bool {
	for _, full := range diskFullErrors {
		if errors.Is(err, full) {
			return true
		}
	}
	return false
}

// FileID names a file on its device: its device and inode numbers on Unix.
type FileID struct {
	Dev uint64 `json:"dev"`
	Ino uint64 `json:"ino"`
}

// IDOf is info's FileID; false where the system does not tell (os.SameFile still guards there).
func IDOf(info fs.FileInfo) (FileID, bool) { return idOf(info) }

// Links is info's count of hard links (names); 1 where the system does not tell.
func Links(info fs.FileInfo) uint64 { return links(info) }

// soleName refuses a file with more than one name: a hard link planted in place of a partial
// file would make every write land in the other file too.
func soleName(path string, info fs.FileInfo) error {
	if n := links(info); n > 1 {
		return fmt.Errorf("%s: %w: it has %d hard links, so writing it would change another file", path, ErrNotRegular, n)
	}
	return nil
}
