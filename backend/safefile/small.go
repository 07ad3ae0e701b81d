package safefile

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
)

// WriteFile replaces path with data through WriteAtomic, the one atomic writer: the bytes go to
// a new temporary file beside path (created with O_EXCL and mode perm, so never an existing name
// or a link), are synced, and renamed over path, so a reader or a crash sees the old file or the
// new one, never half of one. A link at path is replaced by the file, never written through. The
// folder must exist. The temporary name is random, so two writers of one file never collide.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	token := make([]byte, 6)
	rand.Read(token)
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"."+hex.EncodeToString(token)+".tmp")
	_, err := WriteAtomic(context.Background(), bytes.NewReader(data), int64(len(data)), path,
		Options{Part: tmp, Overwrite: true, ReplaceLink: true, Perm: perm})
	return err
}
