package media

import (
	"io"
	"strings"
	"time"
)

// Matroska element IDs the inspection reads (from the Matroska specification).
const (
	idEBML           = 0x1A45DFA3
	idDocType        = 0x4282
	idSegment        = 0x18538067
	idInfo           = 0x1549A966
	idTimestampScale = 0x2AD7B1
	idDuration       = 0x4489
	idDateUTC        = 0x4461
	idTracks         = 0x1654AE6B
	idTrackEntry     = 0xAE
	idTrackType      = 0x83
	idCodecID        = 0x86
	idDefaultDur     = 0x23E383
	idVideo          = 0xE0
	idPixelWidth     = 0xB0
	idPixelHeight    = 0xBA
	idCluster        = 0x1F43B675
)

// maxMasterRead bounds the header elements read whole (Info, Tracks); real ones are a few KB.
const maxMasterRead = 1 << 20

// mkvEpoch is the origin of Matroska's DateUTC.
var mkvEpoch = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)

type mkvReader struct {
	r           io.ReadSeeker
	size        int64
	info, track []byte
}

func readMatroska(r io.ReadSeeker, size int64) (Info, error) {
	m := &mkvReader{r: r, size: size}
	docType, err := m.readEBMLHeader()
	if err != nil {
		return Info{}, err
	}
	if err := m.readSegment(); err != nil {
		return Info{}, err
	}
	if m.track == nil {
		return Info{}, &TruncatedError{Why: "it has no track list; the copy may have stopped early"}
	}
	info := Info{Container: "matroska"}
	if docType == "webm" {
		info.Container = "webm"
	}
	return m.describe(info)
}

// readEBMLHeader reads the file's EBML header and returns its DocType.
func (m *mkvReader) readEBMLHeader() (string, error) {
	id, size, _, err := readHeader(m.r)
	if err != nil || id != idEBML || size < 0 || size > 4096 {
		return "", ErrNotVideo
	}
	body := make([]byte, size)
	if _, err := io.ReadFull(m.r, body); err != nil {
		return "", &TruncatedError{Why: "it ends inside its header"}
	}
	for _, e := range children(body) {
		if e.id == idDocType {
			return strings.TrimRight(string(e.data), "\x00"), nil
		}
	}
	return "matroska", nil
}

// readSegment walks the segment's top-level elements, reading Info and Tracks and seeking over
// everything else, until both are found or media data with an unknown size begins.
func (m *mkvReader) readSegment() error {
	id, size, _, err := readHeader(m.r)
	if err != nil || id != idSegment {
		return &TruncatedError{Why: "it has no segment after its header"}
	}
	start, _ := m.r.Seek(0, io.SeekCurrent)
	if size != unknownSize && start+size > m.size {
		return &TruncatedError{Why: "it is cut short: the container says it is longer than the file"}
	}
	for m.info == nil || m.track == nil {
		done, err := m.next()
		if done || err != nil {
			return err
		}
	}
	return nil
}

// next handles one segment child; done means there is nothing more to read.
func (m *mkvReader) next() (done bool, err error) {
	id, size, _, err := readHeader(m.r)
	if err != nil || size == unknownSize {
		return true, nil
	}
	at, _ := m.r.Seek(0, io.SeekCurrent)
	if at+size > m.size {
		return true, nil
	}
	if (id == idInfo || id == idTracks) && size <= maxMasterRead {
		return false, m.keep(id, size)
	}
	_, err = m.r.Seek(size, io.SeekCurrent)
	return false, err
}

func (m *mkvReader) keep(id uint64, size int64) error {
	body := make([]byte, size)
	if _, err := io.ReadFull(m.r, body); err != nil {
		return err
	}
	if id == idInfo {
		m.info = body
	} else {
		m.track = body
	}
	return nil
}
