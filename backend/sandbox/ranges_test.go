package sandbox

import "testing"

// TestParseRange covers the single-range forms and the cases that fall back to the whole body.
func TestParseRange(t *testing.T) {
	tests := []struct {
		header string
		want   byteRange
		ok     bool
	}{
		{"", byteRange{length: 10}, true},
		{"bytes=3-", byteRange{start: 3, length: 7, partial: true}, true},
		{"bytes=3-3", byteRange{start: 3, length: 1, partial: true}, true},
		{"bytes=-20", byteRange{start: 0, length: 10, partial: true}, true},
		{"bytes=-0", byteRange{}, false},
		{"bytes=10-", byteRange{}, false},
		{"bytes=5-2", byteRange{length: 10}, true},
		{"bytes=x-", byteRange{length: 10}, true},
		{"bytes=5", byteRange{length: 10}, true},
	}
	for _, tt := range tests {
		if got, ok := parseRange(tt.header, 10); got != tt.want || ok != tt.ok {
			t.Errorf("parseRange(%q) = %+v, %v; want %+v, %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
}
