package media

import (
	"encoding/binary"
	"io"
	"strings"
	"time"

	mp4 "github.com/abema/go-mp4"
)

// mp4Reader walks the box tree with go-mp4, reading only the index boxes it needs: movie and
// track headers, handlers, the first sample description, the sample count and metadata. The
// media data (mdat) is skipped by seeking.
type mp4Reader struct {
	r        io.ReadSeeker
	size     int64
	brand    string
	moov     bool
	cutShort bool
	end      int64 // where the last top-level box ends
	mdat     bool
	tracks   []*mp4Track
	meta     map[string]string // QuickTime mdta keys and udta ©-atoms, as text
	keys     []string          // mdta key names, by index-1
	duration float64
	created  uint64 // seconds since 1904, 0 when unset
}

type mp4Track struct {
	handler       string
	entry         string
	timescale     uint32
	duration      uint64
	samples       uint32
	width, height int
}

func readMP4(r io.ReadSeeker, size int64) (Info, error) {
	m := &mp4Reader{r: r, size: size, meta: map[string]string{}}
	if _, err := mp4.ReadBoxStructure(r, m.visit); err != nil {
		return Info{}, &TruncatedError{Why: "its boxes are damaged (" + err.Error() + ")"}
	}
	if !m.moov {
		return Info{}, &TruncatedError{Why: "it has no index (moov box); the copy may have stopped early"}
	}
	if m.cutShort || !m.mdat || m.end < m.size && m.size-m.end < 8 { // no media, or a header cut in two
		return Info{}, &TruncatedError{Why: "it is cut short: the container says it is longer than the file"}
	}
	return m.info()
}

// mp4Containers are the boxes visit descends into on the way to what it reads.
var mp4Containers = map[string]bool{"moov": true, "moov/trak": true, "moov/trak/mdia": true,
	"moov/trak/mdia/minf": true, "moov/trak/mdia/minf/stbl": true, "moov/udta": true,
	"moov/meta": true, "moov/meta/ilst": true}

// visit is the box handler: it descends into containers and reads the boxes it knows.
func (m *mp4Reader) visit(h *mp4.ReadHandle) (any, error) {
	end := int64(h.BoxInfo.Offset + h.BoxInfo.Size)
	if end > m.size {
		m.cutShort = true
		return nil, nil
	}
	if len(h.Path) == 1 {
		m.end = end
		m.mdat = m.mdat || h.BoxInfo.Type == mp4.BoxTypeMdat()
	}
	name := strings.Replace(boxPath(h.Path), "moov/udta/meta", "moov/meta", 1) // QuickTime puts it either way
	if mp4Containers[name] {
		m.enter(name)
		return h.Expand()
	}
	if read := m.readerOf(name); read != nil {
		return nil, read(h)
	}
	return nil, nil
}

func (m *mp4Reader) enter(name string) {
	switch name {
	case "moov":
		m.moov = true
	case "moov/trak":
		m.tracks = append(m.tracks, &mp4Track{})
	}
}

// readerOf returns the reader for a box, or nil for boxes that are skipped.
func (m *mp4Reader) readerOf(name string) func(*mp4.ReadHandle) error {
	readers := map[string]func(*mp4.ReadHandle) error{
		"ftyp": m.readFtyp, "moov/mvhd": m.readMvhd, "moov/trak/tkhd": m.readTkhd,
		"moov/trak/mdia/mdhd": m.readMdhd, "moov/trak/mdia/hdlr": m.readHdlr,
		"moov/trak/mdia/minf/stbl/stsd": m.readStsd, "moov/trak/mdia/minf/stbl/stsz": m.readStsz,
		"moov/meta/keys": m.readKeys,
	}
	switch {
	case readers[name] != nil:
		return readers[name]
	case isChild(name, "moov/meta/ilst/"):
		return m.readItem
	case isChild(name, "moov/udta/"):
		return m.readUserData
	}
	return nil
}

// isChild tells whether name is a direct child of the parent path (given with its slash).
func isChild(name, parent string) bool {
	rest, ok := strings.CutPrefix(name, parent)
	return ok && !strings.Contains(rest, "/")
}

func boxPath(p mp4.BoxPath) string {
	s := ""
	for i, t := range p {
		if i > 0 {
			s += "/"
		}
		s += t.String()
	}
	return s
}

func (m *mp4Reader) track() *mp4Track {
	if len(m.tracks) == 0 {
		m.tracks = append(m.tracks, &mp4Track{})
	}
	return m.tracks[len(m.tracks)-1]
}

func (m *mp4Reader) readFtyp(h *mp4.ReadHandle) error {
	box, _, err := h.ReadPayload()
	if err != nil {
		return err
	}
	m.brand = string(box.(*mp4.Ftyp).MajorBrand[:])
	return nil
}

func (m *mp4Reader) readMvhd(h *mp4.ReadHandle) error {
	box, _, err := h.ReadPayload()
	if err != nil {
		return err
	}
	mvhd := box.(*mp4.Mvhd)
	if mvhd.Timescale > 0 {
		m.duration = float64(mvhd.GetDuration()) / float64(mvhd.Timescale)
	}
	m.created = mvhd.GetCreationTime()
	return nil
}

func (m *mp4Reader) readTkhd(h *mp4.ReadHandle) error {
	box, _, err := h.ReadPayload()
	if err != nil {
		return err
	}
	tkhd := box.(*mp4.Tkhd)
	t := m.track()
	t.width, t.height = int(tkhd.GetWidthInt()), int(tkhd.GetHeightInt())
	return nil
}

func (m *mp4Reader) readMdhd(h *mp4.ReadHandle) error {
	box, _, err := h.ReadPayload()
	if err != nil {
		return err
	}
	mdhd := box.(*mp4.Mdhd)
	t := m.track()
	t.timescale, t.duration = mdhd.Timescale, mdhd.GetDuration()
	return nil
}

func (m *mp4Reader) readHdlr(h *mp4.ReadHandle) error {
	box, _, err := h.ReadPayload()
	if err != nil {
		return err
	}
	m.track().handler = string(box.(*mp4.Hdlr).HandlerType[:])
	return nil
}

// readStsd notes the first sample entry's type (avc1, hvc1, vp09…): it names the codec. The
// entry is not parsed, so codecs go-mp4 does not model are still named.
func (m *mp4Reader) readStsd(h *mp4.ReadHandle) error {
	raw, err := m.readRaw(h, 16)
	if err != nil || len(raw) < 16 {
		return err
	}
	m.track().entry = string(raw[12:16]) // version+flags, entry count, entry size, entry type
	return nil
}

// readStsz reads only the sample count; the per-sample sizes that follow can be megabytes.
func (m *mp4Reader) readStsz(h *mp4.ReadHandle) error {
	raw, err := m.readRaw(h, 12)
	if err != nil || len(raw) < 12 {
		return err
	}
	m.track().samples = binary.BigEndian.Uint32(raw[8:12])
	return nil
}

// readRaw reads at most n bytes of a box's payload.
func (m *mp4Reader) readRaw(h *mp4.ReadHandle, n int64) ([]byte, error) {
	if _, err := h.BoxInfo.SeekToPayload(m.r); err != nil {
		return nil, err
	}
	size := max(0, min(n, int64(h.BoxInfo.Size)-int64(h.BoxInfo.HeaderSize))) // a damaged size can be below the header's
	buf := make([]byte, size)
	_, err := io.ReadFull(m.r, buf)
	return buf, err
}

// mac1904 is the epoch of QuickTime and MP4 timestamps.
var mac1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
