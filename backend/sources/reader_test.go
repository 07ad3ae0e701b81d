package sources

import (
	"errors"
	"memories-desktop/backend/contract"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadLinesMatchesParseLines(t *testing.T) {
	for _, text := range []string{
		"", "\n", "\r", "\r\n\r\n", "https://youtu.be/dQw4w9WgXcQ",
		"# c\n\n1,https://youtu.be/dQw4w9WgXcQ,x\r\nhello world\rhttps://youtu.be/dQw4w9WgXcQ\r",
		strings.Join(fuzzSeeds, "\r\n") + "\n",
	} {
		got, err := ReadLines(iotest.OneByteReader(strings.NewReader(text)))
		if err != nil || !reflect.DeepEqual(got, ParseLines(text)) {
			t.Errorf("%q: ReadLines %+v, %v\nParseLines %+v", text, got, err, ParseLines(text))
		}
	}
}

func TestReadLinesRefusesAnOverlongLineByNumber(t *testing.T) {
	text := "https://youtu.be/dQw4w9WgXcQ\n\n" + strings.Repeat("x", MaxLineBytes+1) + "\nhttps://youtu.be/aaaaaaaaaaa\n"
	_, err := ReadLines(strings.NewReader(text))
	var long *contract.LineTooLongError
	if !errors.As(err, &long) || long.Line != 3 || !strings.Contains(err.Error(), "line 3 ") {
		t.Fatalf("err = %v", err)
	}
	// A line of exactly the limit, with a CRLF ending, is still read.
	ok := strings.Repeat("y", MaxLineBytes) + "\r\nhttps://youtu.be/dQw4w9WgXcQ"
	if p, err := ReadLines(strings.NewReader(ok)); err != nil || p.Lines != 2 || len(p.Links) != 1 {
		t.Fatalf("limit-sized line: %d lines, %d links, %v", p.Lines, len(p.Links), err)
	}
}

func TestReadLinesReportsReadErrors(t *testing.T) {
	boom := errors.New("boom")
	r := iotest.TimeoutReader(strings.NewReader(strings.Repeat("https://youtu.be/dQw4w9WgXcQ\n", 10000)))
	if _, err := ReadLines(r); err == nil {
		t.Fatal("a failing reader produced a plan")
	}
	if _, err := ReadLines(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
}

func FuzzReadLines(f *testing.F) {
	f.Add(strings.Join(fuzzSeeds, "\n"))
	f.Add("a\r\r\nb\rc\n\rd")
	f.Fuzz(func(t *testing.T, text string) {
		got, err := ReadLines(iotest.HalfReader(strings.NewReader(text)))
		if err != nil || !reflect.DeepEqual(got, ParseLines(text)) {
			t.Fatalf("ReadLines %+v, %v; ParseLines %+v", got, err, ParseLines(text))
		}
	})
}
