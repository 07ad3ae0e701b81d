//go:build !linux && !darwin

package watch

import "io/fs"

// identity is unknown here, so a watch never moves or deletes a file after its upload.
func identity(fs.FileInfo) (ctime int64, ino uint64) { return 0, 0 }

// folderID is unknown here; a dropped live watch still tells an unmount.
func folderID(fs.FileInfo) [2]uint64 { return [2]uint64{} }
