package autostart

import (
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/i18n"
)

// entryPath is the LaunchAgent launchd loads at the next login.
func entryPath() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New(i18n.T("autostart.noHome"))
	}
	return filepath.Join(home, "Library", "LaunchAgents", "ai.memories.desktop.plist"), nil
}

// entry is the LaunchAgent's property list: run exe once at load (login).
func entry(exe string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(exe))
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key><string>ai.memories.desktop</string>
	<key>ProgramArguments</key><array><string>` + b.String() + `</string></array>
	<key>RunAtLoad</key><true/>
</dict>
</plist>
`
}
