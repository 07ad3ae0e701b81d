package api

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestExactReader(t *testing.T) {
	cases := []struct {
		name, src string
		size      int64
		want      error
	}{
		{"exact", "abcdef", 6, nil},
		{"short", "abc", 6, io.ErrUnexpectedEOF},
		{"long", "abcdefg", 6, ErrFileGrew},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var last int64
			r := &exactReader{r: strings.NewReader(tc.src), size: tc.size, progress: func(n int64) { last = n }}
			got, err := io.ReadAll(r)
			if !errors.Is(err, tc.want) || !errors.Is(r.failure(), tc.want) {
				t.Fatalf("err %v, failure %v, want %v", err, r.failure(), tc.want)
			}
			if want := min(int64(len(tc.src)), tc.size); int64(len(got)) != want || last != want {
				t.Fatalf("read %d bytes, progress %d, want %d", len(got), last, want)
			}
		})
	}
}
