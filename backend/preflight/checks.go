package preflight

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"memories-desktop/backend/i18n"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/formats"
)

// regularFile rejects folders, devices, pipes and sockets, which cannot be uploaded as videos.
func regularFile(_ string, info fs.FileInfo) *failure {
	switch {
	case info.Mode().IsRegular():
		return nil
	case info.IsDir():
		return &failure{CodeNotRegular, i18n.T("preflight.folder")}
	}
	return &failure{CodeNotRegular, i18n.T("preflight.special")}
}

// knownExtension rejects names the upload endpoint refuses to accept.
func knownExtension(path string, _ fs.FileInfo) *failure {
	if _, ok := formats.ForName(path); ok {
		return nil
	}
	exts := formats.Extensions()
	use := i18n.Args{"Extensions": strings.Join(exts[:len(exts)-1], ", "), "Last": exts[len(exts)-1]}
	if ext := filepath.Ext(path); ext != "" {
		use["Ext"] = ext
		return &failure{CodeUnsupportedExt, i18n.T("preflight.badExtension", use)}
	}
	return &failure{CodeUnsupportedExt, i18n.T("preflight.noExtension", use)}
}

// nonEmpty rejects 0-byte files, which the service refuses and usually mean a failed copy.
func nonEmpty(_ string, info fs.FileInfo) *failure {
	if info.Size() > 0 {
		return nil
	}
	return &failure{CodeEmpty, i18n.T("preflight.empty")}
}

// withinLimit rejects files over MaxFileSize before hours are spent sending them.
func withinLimit(_ string, info fs.FileInfo) *failure {
	if info.Size() <= MaxFileSize {
		return nil
	}
	return &failure{CodeTooLarge, i18n.T("preflight.tooLarge", i18n.Args{"Size": FormatSize(info.Size()), "Limit": FormatSize(MaxFileSize)})}
}

// readable opens the file and reads its first byte, catching permission and I/O errors now
// rather than minutes into an upload.
func readable(path string, _ fs.FileInfo) *failure {
	f, err := os.Open(path)
	if err != nil {
		return unreadable(err)
	}
	defer f.Close()
	if _, err := f.Read(make([]byte, 1)); err != nil && err != io.EOF {
		return unreadable(err)
	}
	return nil
}

// FormatSize writes a byte count for people: "3 GB", "3.2 GB", "512 MB", using 1024-based units
// labelled the way the service's documentation labels its limits. It rounds up, so a file just
// over a limit never reads as equal to it.
func FormatSize(n int64) string {
	units := []string{"bytes", "KB", "MB", "GB", "TB"}
	v, i := float64(n), 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	s := strings.TrimSuffix(fmt.Sprintf("%.1f", math.Ceil(v*10)/10), ".0")
	return s + " " + units[i]
}
