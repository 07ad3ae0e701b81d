// Package validate holds the one set of input rules shared by the desktop app's bound methods and
// the CLI, so both reject the same scope, tag, id, filter or destination before anything is sent.
// Every rejection is an *api.ValidationError naming the field.
package validate

import (
	"fmt"
	"memories-desktop/backend/i18n"
	"strings"
	"unicode"
	"unicode/utf8"

	"memories-desktop/backend/api"
)

// Limits of what is accepted. MaxScopeLen matches the Settings form; MaxTagLen keeps a tag a
// label, not a document.
const (
	MaxScopeLen = 128
	MaxTagLen   = 100
	MaxIDLen    = 128
)

// invalid is the rejection of field, worded from the catalogue message id with args.
func invalid(field, id string, args ...i18n.Args) error {
	return &api.ValidationError{Field: field, Message: i18n.T(id, args...)}
}

// Scope checks a scope (the service's unique_id): not blank, at most MaxScopeLen characters,
// no spaces, control characters or any of / \ ? # &, which would change the meaning of a URL.
func Scope(scope string) error {
	switch {
	case strings.TrimSpace(scope) == "":
		return invalid("scope", "rule.scopeEmpty")
	case utf8.RuneCountInString(scope) > MaxScopeLen:
		return invalid("scope", "rule.scopeLong", i18n.Args{"Max": MaxScopeLen})
	case !utf8.ValidString(scope) || strings.ContainsFunc(scope, unicode.IsSpace) || hasControl(scope):
		return invalid("scope", "rule.scopeSpaces")
	case strings.ContainsAny(scope, "/\\?#&"):
		return invalid("scope", "rule.scopeChars")
	}
	return nil
}

// Tag checks one tag: not blank, valid text without control characters (a newline would split
// it in every list it is shown in), at most MaxTagLen characters.
func Tag(tag string) error {
	switch {
	case strings.TrimSpace(tag) == "":
		return invalid("tags", "rule.tagEmpty")
	case !utf8.ValidString(tag) || hasControl(tag):
		return invalid("tags", "rule.tagControl", i18n.Args{"Tag": fmt.Sprintf("%q", tag)})
	case utf8.RuneCountInString(tag) > MaxTagLen:
		return invalid("tags", "rule.tagLong", i18n.Args{"Max": MaxTagLen})
	}
	return nil
}

// Tags checks every tag.
func Tags(tags []string) error {
	for _, t := range tags {
		if err := Tag(t); err != nil {
			return err
		}
	}
	return nil
}

func hasControl(s string) bool { return strings.ContainsFunc(s, unicode.IsControl) }

// Callback checks a callback URL with the upload metadata's rule (an http(s) address with a
// host, at most 299 characters), so an import is held to it too, before anything is queued.
func Callback(raw string) error {
	if raw == "" {
		return nil
	}
	return api.UploadMeta{Callback: raw}.Validate()
}
