package i18n

import (
	"os/exec"
	"strings"
)

// systemLocale is the first of the person's preferred languages in System Settings, which apps
// started from the Finder do not get through LANG.
func systemLocale() string {
	out, err := exec.Command("defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(out), "\n") {
		if s := strings.Trim(strings.TrimSpace(line), `",()`); s != "" {
			return s
		}
	}
	return ""
}
