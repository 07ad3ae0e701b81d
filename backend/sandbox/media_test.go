package sandbox

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

// TestSyntheticMP4Structure walks the boxes: ftyp, moov (mvhd, trak), mdat, sizes adding up.
func TestSyntheticMP4Structure(t *testing.T) {
	b := SyntheticMP4("https://youtu.be/abc")
	var types []string
	for off := 0; off < len(b); {
		size := int(binary.BigEndian.Uint32(b[off:]))
		if size < 8 || off+size > len(b) {
			t.Fatalf("box at %d has size %d in a %d-byte file", off, size, len(b))
		}
		types = append(types, string(b[off+4:off+8]))
		off += size
	}
	if got := strings.Join(types, ","); got != "ftyp,moov,mdat" {
		t.Fatalf("top-level boxes %s", got)
	}
	mvhd := bytes.Index(b, []byte("mvhd"))
	timescale := binary.BigEndian.Uint32(b[mvhd+16:])
	duration := binary.BigEndian.Uint32(b[mvhd+20:])
	if want := syntheticDuration("https://youtu.be/abc"); timescale != 1000 || int(duration/timescale) != want {
		t.Errorf("mvhd timescale %d duration %d, want %d s", timescale, duration, want)
	}
	for _, typ := range []string{"trak", "tkhd", "mdia", "mdhd", "hdlr", "vide"} {
		if !bytes.Contains(b, []byte(typ)) {
			t.Errorf("missing %s", typ)
		}
	}
}

// TestSyntheticMP4Deterministic gives equal bytes for equal seeds and different ones otherwise.
func TestSyntheticMP4Deterministic(t *testing.T) {
	a, b, c := SyntheticMP4("seed-1"), SyntheticMP4("seed-1"), SyntheticMP4("seed-2")
	if !bytes.Equal(a, b) || bytes.Equal(a, c) || len(a) < 4096 || len(a) > 8192 {
		t.Errorf("lengths %d %d %d; equal seeds equal: %v, different seeds equal: %v", len(a), len(b), len(c), bytes.Equal(a, b), bytes.Equal(a, c))
	}
}
