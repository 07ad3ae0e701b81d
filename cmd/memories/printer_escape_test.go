package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestNamesWithControlCharactersAreShownEscaped(t *testing.T) {
	var out, errOut bytes.Buffer
	p := &printer{stdout: &out, stderr: &errOut}
	name := "evil\x1b[2J\rname\n.mp4\u202e"
	p.result(nil, "saved "+printable(name))
	p.note("%s: waiting", name)
	p.draw(name, 1, 2, 0, -1)
	for _, s := range []string{out.String(), errOut.String()} {
		if strings.ContainsAny(s, "\x1b\r\u202e") || strings.Count(s, "\n") > 2 {
			t.Fatalf("raw control characters reached the terminal: %q", s)
		}
	}
	if !strings.Contains(out.String(), `evil\x1b[2J\x0dname\x0a.mp4`) {
		t.Fatalf("name not shown escaped: %q", out.String())
	}
}

func TestDescribeDoesNotRepeatItself(t *testing.T) {
	err := errors.New("open /x/clip.mp4: no such file or directory")
	if got := describe(err); strings.Count(got, err.Error()) != 1 {
		t.Fatalf("message repeats itself: %q", got)
	}
}
