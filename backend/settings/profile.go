package settings

import (
	"crypto/sha256"
	"encoding/hex"
	"memories-desktop/backend/api"
	"path/filepath"
	"strings"
)

// A profile is one place the app talks to: the in-app sandbox, or one pair of API endpoints.
// Each profile keeps its own database (queue, history, library cache, duplicate index, pacing
// state), so what was learnt from one server is never shown or used for another.

// SandboxDirName is the data-folder subfolder of the sandbox profile: its database, and the
// emulator's library and uploaded bytes.
const SandboxDirName = "sandbox"

// ProfileDir is the folder holding the database of a profile. The default endpoints keep the data
// folder itself, so existing installs find their history where it always was.
func ProfileDir(dataDir string, sandbox bool, baseURL, assetBaseURL string) string {
	if sandbox {
		return filepath.Join(dataDir, SandboxDirName)
	}
	base := strings.TrimRight(strings.TrimSpace(baseURL), "/")
	asset := strings.TrimRight(strings.TrimSpace(assetBaseURL), "/")
	if (base == "" || base == api.DefaultBaseURL) && (asset == "" || asset == api.DefaultAssetBaseURL) {
		return dataDir
	}
	sum := sha256.Sum256([]byte(strings.ToLower(base) + "\n" + strings.ToLower(asset)))
	return filepath.Join(dataDir, "profiles", hex.EncodeToString(sum[:8]))
}
