package media

import (
	"bytes"
	"unicode"
)

// SniffHead is how many leading bytes NotMedia looks at.
const SniffHead = 512

// NotMedia names what a file's first bytes show it is when that is plainly not a media file (an
// HTML page, a JSON document, gzip-compressed data), "" otherwise. It is what a server's error
// page or an encoded body looks like when saved under a video's name; unknown binary data is
// not judged here.
func NotMedia(head []byte) string {
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b, 0x08}) {
		return "gzip-compressed data"
	}
	text := bytes.TrimLeftFunc(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), unicode.IsSpace)
	lower := bytes.ToLower(text[:min(len(text), 16)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--"} {
		if bytes.HasPrefix(lower, []byte(tag)) {
			return "a web page (HTML or XML)"
		}
	}
	if len(text) > 1 && (text[0] == '{' || text[0] == '[') {
		rest := bytes.TrimLeftFunc(text[1:], unicode.IsSpace)
		if len(rest) == 0 || rest[0] == '"' || rest[0] == '}' || rest[0] == ']' || rest[0] == '{' {
			return "a JSON document"
		}
	}
	return ""
}
