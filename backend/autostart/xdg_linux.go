package autostart

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/i18n"
)

// entryPath is $XDG_CONFIG_HOME/autostart/memories-desktop.desktop (default ~/.config).
func entryPath() (string, error) {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(dir) { // the spec ignores a relative value
		home, err := os.UserHomeDir()
		if err != nil {
			return "", errors.New(i18n.T("autostart.noHome"))
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "autostart", "memories-desktop.desktop"), nil
}

// entry is the desktop entry: the session starts Exec once the user is logged in.
func entry(exe string) string {
	return "[Desktop Entry]\nType=Application\nName=Memories Desktop\n" +
		"Comment=" + oneLine(i18n.T("autostart.comment")) + "\n" +
		"Exec=" + quoteExec(exe) + "\nIcon=memories-desktop\nTerminal=false\nX-GNOME-Autostart-enabled=true\n"
}

// oneLine keeps a value on its line: a desktop entry's values escape line breaks.
func oneLine(s string) string {
	return strings.NewReplacer("\\", `\\`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// quoteExec quotes a path for a desktop entry's Exec key: in double quotes with ", `, $ and \
// escaped when it holds anything but plain characters, and % doubled (field codes). The value
// is then escaped once more as a desktop entry string (\ doubled).
func quoteExec(path string) string {
	arg := strings.ReplaceAll(path, "%", "%%")
	if strings.ContainsAny(arg, " \t\n\"'\\><~|&;$*?#()`") {
		arg = `"` + strings.NewReplacer(`"`, `\"`, "`", "\\`", `$`, `\$`, `\`, `\\`).Replace(arg) + `"`
	}
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(arg)
}
