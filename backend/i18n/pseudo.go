package i18n

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// accented maps each ASCII letter to a look-alike, so no English word survives the pseudo-locale.
var accented = func() map[rune]rune {
	from := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	to := []rune("åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ")
	m := make(map[rune]rune, len(to))
	for i, r := range from {
		m[r] = to[i]
	}
	return m
}()

// pseudoT words the English message accented, about 40 % longer and in brackets; placeholder
// values (names, numbers) are kept as they are.
func (l *Localizer) pseudoT(id string, data Args) string {
	markers := make(Args, len(data))
	for k := range data {
		markers[k] = marker(k)
	}
	text := accent(l.render(id, markers, data["Count"]))
	pad := (utf8.RuneCountInString(text)*2 + 4) / 5
	text = "[" + text + strings.Repeat("~", pad) + "]"
	for k, v := range l.formatArgs(data) {
		text = strings.ReplaceAll(text, marker(k), fmt.Sprint(v))
	}
	return text
}
func marker(name string) string { return "\x00" + name + "\x00" }

// accent replaces the letters outside placeholder markers.
func accent(s string) string {
	var b strings.Builder
	inMarker := false
	for _, r := range s {
		if r == 0 {
			inMarker = !inMarker
		} else if a, ok := accented[r]; ok && !inMarker {
			r = a
		}
		b.WriteRune(r)
	}
	return b.String()
}

// OutsidePseudo returns what of s lies outside the pseudo-locale's brackets: text that did not
// come from the catalogue, where tests of the pseudo-locale look for English left.
func OutsidePseudo(s string) string {
	depth, b := 0, strings.Builder{}
	for _, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
