package sources

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"net/url"
	"strings"
)

// matcher recognises the post links of one host; it fills Canonical, Platform and ID.
type matcher func(u *url.URL) (contract.Link, error)

// hosts maps every accepted host name to its matcher.
var hosts = map[string]matcher{
	"www.tiktok.com":    tiktokPage,
	"tiktok.com":        tiktokPage,
	"m.tiktok.com":      tiktokPage,
	"vm.tiktok.com":     tiktokShort,
	"vt.tiktok.com":     tiktokShort,
	"www.youtube.com":   youtubePage,
	"youtube.com":       youtubePage,
	"m.youtube.com":     youtubePage,
	"music.youtube.com": youtubePage,
	"youtu.be":          youtubeShort,
	"www.instagram.com": instagramPage,
	"instagram.com":     instagramPage,
	"m.instagram.com":   instagramPage,
}

var (
	errEmpty  = &reason{id: "link.empty"}
	errNotWeb = &reason{id: "link.notWeb"}
	errUser   = &reason{id: "link.user"}
	errPort   = &reason{id: "link.port"}
)

// Classify recognises one TikTok, YouTube or Instagram post link and returns its canonical form,
// so that every spelling of a post (mobile host, short link, tracking parameters) is sent and
// deduplicated as one. The error says in plain words why raw is not a supported post link.
func Classify(raw string) (contract.Link, error) {
	u, err := parseWebURL(clean(raw))
	if err != nil {
		return contract.Link{}, err
	}
	match, ok := hosts[u.Host]
	if !ok {
		return contract.Link{}, &reason{"link.host", i18n.Args{"Host": strings.TrimPrefix(u.Host, "www.")}}
	}
	link, err := match(u)
	link.Raw = raw
	return link, err
}

// parseWebURL parses s as an http(s) link, adding https:// when the scheme is missing, and
// returns it with a lower-case host and no port.
func parseWebURL(s string) (*url.URL, error) {
	if s == "" {
		return nil, errEmpty
	}
	u, err := url.Parse(withScheme(s))
	if err != nil {
		return nil, errNotWeb
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &reason{"link.scheme", i18n.Args{"Scheme": u.Scheme}}
	}
	return checkAuthority(u)
}

// checkAuthority rejects user info, odd ports and host names without a dot, and normalises the host.
func checkAuthority(u *url.URL) (*url.URL, error) {
	if u.User != nil {
		return nil, errUser
	}
	if p := u.Port(); p != "" && p != "443" && p != "80" {
		return nil, errPort
	}
	u.Host = strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if !strings.Contains(u.Host, ".") {
		return nil, errNotWeb
	}
	return u, nil
}

// withScheme adds https:// to links pasted without a scheme ("youtu.be/…", "//www.tiktok.com/…"),
// and leaves other schemes ("ftp://", "mailto:") in place so they are reported by name.
func withScheme(s string) string {
	switch {
	case strings.HasPrefix(s, "//"):
		return "https:" + s
	case strings.Contains(s, "://") || hasBareScheme(s):
		return s
	}
	return "https://" + s
}

// hasBareScheme reports a scheme without slashes, such as "mailto:" or "javascript:", while
// "example.com:8080/x" (a host and port) is not one.
func hasBareScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || (i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9') {
		return false
	}
	return strings.IndexFunc(s[:i], func(r rune) bool { return !isLetter(r) }) < 0
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// segments splits a URL path into its non-empty parts, so trailing and doubled slashes don't matter.
func segments(path string) []string {
	return strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
}

// validChars reports whether s is non-empty, at most max bytes and made only of ASCII letters,
// digits and the given extra characters.
func validChars(s string, max int, extra string) bool {
	if s == "" || len(s) > max {
		return false
	}
	for _, r := range s {
		if !isLetter(r) && !(r >= '0' && r <= '9') && !strings.ContainsRune(extra, r) {
			return false
		}
	}
	return true
}
