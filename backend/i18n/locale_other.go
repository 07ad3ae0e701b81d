//go:build !windows && !darwin

package i18n

// systemLocale is "" where the environment is the system's setting (Linux and other Unix).
func systemLocale() string { return "" }
