package sources

import (
	"memories-desktop/backend/contract"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	tiktokBase      = "https://www.tiktok.com/@"
	tiktokShortBase = "https://vm.tiktok.com/"
)

var (
	errTikTok        = &reason{id: "link.tiktok"}
	errTikTokPhoto   = &reason{id: "link.tiktokPhoto"}
	errTikTokProfile = &reason{id: "link.tiktokProfile"}
)

// tiktokPage matches www/m/bare tiktok.com: /@user/video/<id> and the /t/<code> short form.
func tiktokPage(u *url.URL) (contract.Link, error) {
	s := segments(u.Path)
	switch {
	case len(s) == 2 && strings.EqualFold(s[0], "t"):
		return tiktokCode(s[1])
	case len(s) == 3 && strings.HasPrefix(s[0], "@"):
		return tiktokPost(s[0][1:], strings.ToLower(s[1]), s[2])
	case len(s) == 1 && strings.HasPrefix(s[0], "@"):
		return contract.Link{}, errTikTokProfile
	}
	return contract.Link{}, errTikTok
}

// tiktokPost builds the canonical video link; the user name is kept because the service
// expects the full page URL, but the numeric id alone decides duplicates.
func tiktokPost(user, kind, id string) (contract.Link, error) {
	if kind == "photo" {
		return contract.Link{}, errTikTokPhoto
	}
	if kind != "video" || !validTikTokUser(user) || !isDigits(id, 32) {
		return contract.Link{}, errTikTok
	}
	return contract.Link{Platform: TikTok, ID: id, Canonical: tiktokBase + url.PathEscape(user) + "/video/" + id}, nil
}

// tiktokShort matches vm.tiktok.com/<code>/ and vt.tiktok.com/<code>/.
func tiktokShort(u *url.URL) (contract.Link, error) {
	if s := segments(u.Path); len(s) == 1 {
		return tiktokCode(s[0])
	}
	return contract.Link{}, &reason{id: "link.tiktokShort"}
}

// tiktokCode canonicalises a short-link code. It can only be resolved online, so the code is the ID.
func tiktokCode(code string) (contract.Link, error) {
	if !validChars(code, 32, "") {
		return contract.Link{}, &reason{id: "link.tiktokShortCode"}
	}
	return contract.Link{Platform: TikTok, ID: code, Canonical: tiktokShortBase + code + "/"}, nil
}

// validTikTokUser accepts letters and digits of any script plus "." "_" "-", up to 64 characters.
func validTikTokUser(user string) bool {
	if user == "" || utf8.RuneCountInString(user) > 64 {
		return false
	}
	return strings.IndexFunc(user, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-", r)
	}) < 0
}

// isDigits reports whether s is 1 to max ASCII digits, the shape of TikTok video ids.
func isDigits(s string, max int) bool {
	return s != "" && len(s) <= max && strings.Trim(s, "0123456789") == ""
}
