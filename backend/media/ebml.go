package media

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/bits"
)

// A small EBML reader for the parts of Matroska the inspection needs: element headers read from
// the stream (so clusters of media data are skipped by seeking), and small master elements
// (Info, Tracks) read whole and walked in memory.

const unknownSize = -1

var errBadVint = errors.New("malformed EBML number")

// vintLen is the length of an EBML variable-size integer, told by its first byte's leading zeros.
func vintLen(b byte) int { return bits.LeadingZeros8(b) + 1 }

// readHeader reads an element's ID (marker kept, as IDs are written) and data size.
func readHeader(r io.Reader) (id uint64, size int64, n int, err error) {
	id, idLen, err := readVint(r, true)
	if err != nil {
		return 0, 0, 0, err
	}
	raw, sizeLen, err := readVint(r, false)
	if err != nil {
		return 0, 0, 0, err
	}
	return id, sizeOf(raw, sizeLen), idLen + sizeLen, nil
}

// readVint reads one variable-size integer from the stream.
func readVint(r io.Reader, keepMarker bool) (uint64, int, error) {
	var buf [8]byte
	if _, err := io.ReadFull(r, buf[:1]); err != nil {
		return 0, 0, err
	}
	n := vintLen(buf[0])
	if n > 8 {
		return 0, 0, errBadVint
	}
	if _, err := io.ReadFull(r, buf[1:n]); err != nil {
		return 0, 0, err
	}
	return vintValue(buf[:n], keepMarker), n, nil
}

func vintValue(b []byte, keepMarker bool) uint64 {
	v := uint64(b[0])
	if !keepMarker {
		v &= 0xff >> len(b)
	}
	for _, c := range b[1:] {
		v = v<<8 | uint64(c)
	}
	return v
}

// sizeOf turns a raw size into a length, with all data bits set meaning "unknown".
func sizeOf(raw uint64, n int) int64 {
	if raw == 1<<(7*n)-1 {
		return unknownSize
	}
	return int64(raw)
}

// element is one child found in an in-memory master element.
type element struct {
	id   uint64
	data []byte
}

// children splits an in-memory master element's body into its children; damage ends the list.
func children(body []byte) []element {
	var out []element
	for len(body) > 0 {
		id, size, n, err := readHeader(&sliceReader{b: body})
		if err != nil || size < 0 || int64(n)+size > int64(len(body)) {
			break
		}
		out = append(out, element{id, body[n : n+int(size)]})
		body = body[n+int(size):]
	}
	return out
}

type sliceReader struct{ b []byte }

func (s *sliceReader) Read(p []byte) (int, error) {
	if len(s.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.b)
	s.b = s.b[n:]
	return n, nil
}

func (e element) uint() uint64 {
	if len(e.data) > 8 {
		return 0
	}
	var v uint64
	for _, c := range e.data {
		v = v<<8 | uint64(c)
	}
	return v
}

func (e element) float() float64 {
	switch len(e.data) {
	case 4:
		return float64(math.Float32frombits(binary.BigEndian.Uint32(e.data)))
	case 8:
		return math.Float64frombits(binary.BigEndian.Uint64(e.data))
	}
	return 0
}
