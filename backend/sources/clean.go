package sources

import (
	"strings"
	"unicode"
)

// Characters people paste around links: quotes, brackets and sentence punctuation.
const (
	openers = "\"'`<([{“‘«"
	closers = "\"'`>)]},.;:!?”’»"
)

// isSpace reports white space and invisible format characters (zero-width space, BOM, direction
// marks), which chat apps and spreadsheets slip into copied links.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// clean strips whatever surrounds a link but cannot be part of its end or start.
func clean(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return isSpace(r) || strings.ContainsRune(openers, r) })
	return strings.TrimRightFunc(s, func(r rune) bool { return isSpace(r) || strings.ContainsRune(closers, r) })
}
