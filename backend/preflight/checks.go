package preflight

import (
	"io"
	"io/fs"
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
		return refusal(CodeNotRegular, "preflight.folder")
	}
	return refusal(CodeNotRegular, "preflight.special")
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
		return refusal(CodeUnsupportedExt, "preflight.badExtension", use)
	}
	return refusal(CodeUnsupportedExt, "preflight.noExtension", use)
}

// nonEmpty rejects 0-byte files, which the service refuses and usually mean a failed copy.
func nonEmpty(_ string, info fs.FileInfo) *failure {
	if info.Size() > 0 {
		return nil
	}
	return refusal(CodeEmpty, "preflight.empty")
}

// withinLimit rejects files over MaxFileSize before hours are spent sending them.
func withinLimit(_ string, info fs.FileInfo) *failure {
	if info.Size() <= MaxFileSize {
		return nil
	}
	return refusal(CodeTooLarge, "preflight.tooLarge", i18n.Args{"Size": FormatSize(info.Size()), "Limit": FormatSize(MaxFileSize)})
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

// FormatSize words a byte count in the language on screen ("3.1 GiB", "3,1 GiB"), rounded up, so
// a file just over a limit never reads as equal to it.
func FormatSize(n int64) string { return i18n.Default().SizeAtLeast(n) }
