package autostart

import (
	"errors"
	"strings"

	"golang.org/x/sys/windows/registry"
	"memories-desktop/backend/i18n"
)

const (
	runKey   = `Software\Microsoft\Windows\CurrentVersion\Run`
	runValue = "Memories Desktop"
)

// get reads the value of the per-user Run key that Windows starts at login.
func get() Status {
	st := Status{Available: true, Where: `HKEY_CURRENT_USER\` + runKey + `\` + runValue}
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if err != nil {
		return st
	}
	defer k.Close()
	v, _, err := k.GetStringValue(runValue)
	st.Enabled = err == nil && v != ""
	return st
}

func set(on bool, exe string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	if !on {
		if err := k.DeleteValue(runValue); err != nil && !errors.Is(err, registry.ErrNotExist) {
			return err
		}
		return nil
	}
	if strings.ContainsRune(exe, '"') {
		return errors.New(i18n.T("autostart.quote"))
	}
	return k.SetStringValue(runValue, `"`+exe+`"`)
}
