package api

import (
	"cmp"
	"mime"
	"net/url"
	"strings"
	"unicode"
)

// MaxFilenameBytes bounds sanitised names; 200 bytes leaves room for a ".part" suffix and a
// " (2)" de-duplication counter under the 255-byte limit of common file systems.
const MaxFilenameBytes = 200

// maxExtBytes is the longest suffix still treated as an extension worth keeping when a name is
// shortened.
const maxExtBytes = 16

// SanitizeFilename turns a name chosen by someone else (a server header, a platform title) into
// one safe to create on any OS: directories stripped (both / and \), control, bidi-override and
// Windows-reserved characters (<>:"|?*) replaced by "_", runs of dots collapsed, dots and spaces
// trimmed from both ends, reserved device names (CON, NUL, COM1…) prefixed with "_", and at most
// 200 bytes of valid UTF-8 with the extension kept. When nothing usable remains it returns
// fallback, sanitised the same way, or "download" if even that is unusable.
func SanitizeFilename(name, fallback string) string {
	for _, candidate := range []string{name, fallback} {
		if s := cleanFilename(candidate); s != "" {
			return s
		}
	}
	return "download"
}

// FilenameFromContentDisposition returns the file name a Content-Disposition header suggests,
// already sanitised, or "" when it suggests none. An RFC 5987 filename* (UTF-8 percent-encoded)
// wins over a plain filename, as RFC 6266 asks.
func FilenameFromContentDisposition(h string) string {
	name := ""
	if _, params, err := mime.ParseMediaType(h); err == nil {
		name = params["filename"] // mime has already preferred and decoded filename*
	} else {
		name = looseFilenameParam(h)
	}
	return cleanFilename(name)
}

// looseFilenameParam digs the name out of a header mime.ParseMediaType rejects (for example
// unquoted spaces or a duplicated parameter), since servers do send such headers.
func looseFilenameParam(h string) string {
	plain, extended := "", ""
	for _, part := range strings.Split(h, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		v = strings.Trim(strings.TrimSpace(v), `"`)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "filename":
			plain = v
		case "filename*":
			extended = decodeExtValue(v)
		}
	}
	return cmp.Or(extended, plain)
}

// decodeExtValue decodes an RFC 5987 value (charset'language'percent-encoded); only UTF-8 and
// ASCII are understood, anything else yields "".
func decodeExtValue(v string) string {
	parts := strings.SplitN(v, "'", 3)
	if len(parts) != 3 || !(strings.EqualFold(parts[0], "utf-8") || strings.EqualFold(parts[0], "us-ascii")) {
		return ""
	}
	s, err := url.PathUnescape(parts[2])
	if err != nil {
		return ""
	}
	return s
}

// cleanFilename applies every sanitising rule and may return "".
func cleanFilename(name string) string {
	s := strings.Map(safeFilenameRune, baseName(strings.ToValidUTF8(name, "_")))
	s = collapseDots(s)
	s = trimFilename(capFilename(s, MaxFilenameBytes-1)) // one byte spare for the "_" prefix
	if isReservedDeviceName(s) {
		s = "_" + s
	}
	return s
}

// baseName drops everything up to the last / or \, whatever the OS the name came from.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

func safeFilenameRune(r rune) rune {
	if strings.ContainsRune(`<>:"|?*/\`, r) {
		return '_'
	}
	return replaceControl(r)
}

// replaceControl turns control and bidi-override characters into "_".
func replaceControl(r rune) rune {
	if unicode.IsControl(r) || isBidiControl(r) {
		return '_'
	}
	return r
}

// isBidiControl catches the direction overrides used to disguise "exe.mp4" as "4pm.exe".
func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

func collapseDots(s string) string {
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	return s
}

// trimFilename removes what Windows drops silently and Unix treats as hidden: dots and spaces at
// either end.
func trimFilename(s string) string { return strings.Trim(s, ". ") }

// capFilename shortens s to max bytes, keeping a short extension and whole UTF-8 characters.
func capFilename(s string, max int) string {
	if len(s) <= max {
		return s
	}
	ext := ""
	if i := strings.LastIndexByte(s, '.'); i > 0 && len(s)-i <= maxExtBytes {
		s, ext = s[:i], s[i:]
	}
	return strings.TrimRight(truncateUTF8(s, max-len(ext)), ". ") + ext
}

// isReservedDeviceName reports Windows device names, which are reserved with any extension.
func isReservedDeviceName(s string) bool {
	stem, _, _ := strings.Cut(s, ".")
	switch strings.ToUpper(strings.TrimRight(stem, " ")) {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³":
		return true
	}
	return false
}
