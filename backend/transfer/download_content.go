package transfer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/media"
	"memories-desktop/backend/safefile"
)

// ErrNotMedia means the answer was not the file asked for: an empty body, an error page or a
// JSON error sent as a file, or an encoded (compressed) body. Nothing takes the final name and
// the partial file is removed; it is not retried.
var ErrNotMedia = errors.New("the service did not send the file")

// checkEncoding refuses a body sent with a content encoding: the download asks for the file
// itself (identity), and a compressed body saved as is would not be the video.
func checkEncoding(enc string) error {
	if enc == "" || strings.EqualFold(enc, "identity") {
		return nil
	}
	return fmt.Errorf("%w: it sent it %s-encoded, not as the file itself", ErrNotMedia, enc)
}

// checkContent looks at what arrived, complete and synced in the part file, before it takes the
// final name: an empty file, or one whose first bytes are plainly not media (media.NotMedia).
func checkContent(part string, n int64) error {
	if n == 0 {
		return fmt.Errorf("%w: it sent an empty file (0 bytes)", ErrNotMedia)
	}
	f, err := safefile.OpenOwn(part, os.O_RDONLY)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, media.SniffHead)
	k, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return err
	}
	if what := media.NotMedia(head[:k]); what != "" {
		return fmt.Errorf("%w: it sent %s", ErrNotMedia, what)
	}
	return nil
}

// runnable are extensions that make a file a program or script when opened: a server-chosen
// one is not kept (the name gets the video's .mp4 instead).
var runnable = map[string]bool{".exe": true, ".com": true, ".bat": true, ".cmd": true, ".scr": true,
	".msi": true, ".pif": true, ".cpl": true, ".dll": true, ".ps1": true, ".vbs": true, ".vbe": true,
	".js": true, ".jse": true, ".wsf": true, ".hta": true, ".jar": true, ".lnk": true, ".reg": true,
	".sh": true, ".command": true, ".app": true, ".desktop": true, ".apk": true, ".run": true}

// withoutRunnableExt replaces a runnable extension of a server-chosen name with .mp4.
func withoutRunnableExt(name string) string {
	ext := filepath.Ext(name)
	if !runnable[strings.ToLower(ext)] {
		return name
	}
	return strings.TrimSuffix(name, ext) + ".mp4"
}
