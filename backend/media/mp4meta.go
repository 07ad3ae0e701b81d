package media

import (
	"cmp"
	"encoding/binary"
	"errors"
	"strings"
	"time"

	mp4 "github.com/abema/go-mp4"
)

// maxMetaItem bounds one metadata item read into memory: text values are tiny, and cover art
// or thumbnails, which can be large, are not wanted.
const maxMetaItem = 4096

// readKeys notes the names of QuickTime metadata keys ("com.apple.quicktime.make"…); ilst
// items refer to them by 1-based index. Metadata is optional: a damaged keys box is ignored
// rather than making the whole file unusable (so are damaged items below).
func (m *mp4Reader) readKeys(h *mp4.ReadHandle) error {
	box, _, err := h.ReadPayload()
	if err != nil {
		return nil
	}
	for _, k := range box.(*mp4.Keys).Entries {
		m.keys = append(m.keys, string(k.KeyValue))
	}
	return nil
}

// readItem reads one ilst item: a box named by key index holding a "data" box with the value.
func (m *mp4Reader) readItem(h *mp4.ReadHandle) error {
	t := h.BoxInfo.Type
	index := int(binary.BigEndian.Uint32(t[:]))
	if index < 1 || index > len(m.keys) || h.BoxInfo.Size > maxMetaItem {
		return nil
	}
	raw, err := m.readRaw(h, maxMetaItem)
	if err != nil {
		return nil
	}
	if v, ok := dataValue(raw); ok {
		m.meta[m.keys[index-1]] = v
	}
	return nil
}

// dataValue extracts a UTF-8 value from a "data" box: size, "data", type, locale, value.
func dataValue(raw []byte) (string, bool) {
	if len(raw) < 16 || string(raw[4:8]) != "data" {
		return "", false
	}
	size := min(int(binary.BigEndian.Uint32(raw[:4])), len(raw))
	if binary.BigEndian.Uint32(raw[8:12]) != mp4.DataTypeStringUTF8 || size < 16 {
		return "", false
	}
	return strings.TrimSpace(string(raw[16:size])), true
}

// readUserData reads the classic QuickTime text atoms (©xyz, ©mak, ©mod, ©day): a 16-bit
// length, a 16-bit language code, then the text.
func (m *mp4Reader) readUserData(h *mp4.ReadHandle) error {
	t := h.BoxInfo.Type
	if t[0] != 0xa9 || h.BoxInfo.Size > maxMetaItem {
		return nil
	}
	raw, err := m.readRaw(h, maxMetaItem)
	if err != nil || len(raw) < 4 {
		return nil
	}
	n := min(int(binary.BigEndian.Uint16(raw[:2])), len(raw)-4)
	m.meta["©"+string(t[1:])] = strings.TrimSpace(string(raw[4 : 4+n]))
	return nil
}

// info turns what was read into Info.
func (m *mp4Reader) info() (Info, error) {
	info := Info{Container: "mp4", DurationSec: m.duration}
	if m.brand == "qt  " {
		info.Container = "mov"
	}
	var video *mp4Track
	for _, t := range m.tracks {
		switch {
		case t.handler == "vide" && video == nil:
			video = t
		case t.handler == "soun":
			info.HasAudio = true
		}
	}
	if video == nil {
		return Info{}, ErrNoVideoTrack
	}
	info.VideoCodec = mp4Codec(video.entry)
	info.Width, info.Height = video.width, video.height
	if video.timescale > 0 && video.duration > 0 {
		info.FrameRate = round2(float64(video.samples) * float64(video.timescale) / float64(video.duration))
	}
	info.Capture = m.capture()
	return info, nil
}

var mp4Codecs = map[string]string{"avc1": "h264", "avc3": "h264", "hvc1": "hevc", "hev1": "hevc",
	"dvh1": "hevc", "dvhe": "hevc", "vp09": "vp9", "vp08": "vp8", "av01": "av1", "mp4v": "mpeg4",
	"s263": "h263", "h263": "h263", "jpeg": "mjpeg", "mjpa": "mjpeg", "apcn": "prores", "apch": "prores",
	"apcs": "prores", "apco": "prores", "ap4h": "prores", "mp2v": "mpeg2"}

// mp4Codec normalises a sample entry type; unknown ones are kept as found.
func mp4Codec(entry string) string {
	if c, ok := mp4Codecs[entry]; ok {
		return c
	}
	return strings.TrimSpace(entry)
}

// capture gathers the capture details, preferring QuickTime keys over the older atoms.
func (m *mp4Reader) capture() Capture {
	c := Capture{
		Make:  cmp.Or(m.meta["com.apple.quicktime.make"], m.meta["com.android.manufacturer"], m.meta["©mak"]),
		Model: cmp.Or(m.meta["com.apple.quicktime.model"], m.meta["com.android.model"], m.meta["©mod"]),
	}
	loc := cmp.Or(m.meta["com.apple.quicktime.location.ISO6709"], m.meta["©xyz"])
	if lat, lon, err := ParseISO6709(loc); err == nil {
		c.Latitude, c.Longitude = &lat, &lon
	}
	c.TakenAt = m.takenAt()
	return c
}

// takenAt prefers the camera's own creation date, which carries the local offset of the shot,
// over the movie header's (UTC, and often the time of a later edit or copy).
func (m *mp4Reader) takenAt() *time.Time {
	for _, key := range []string{"com.apple.quicktime.creationdate", "©day"} {
		if t, err := parseDate(m.meta[key]); err == nil {
			return &t
		}
	}
	if m.created == 0 {
		return nil
	}
	t := mac1904.Add(time.Duration(m.created) * time.Second)
	return &t
}

var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05-0700", "2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05", "2006-01-02"}

func parseDate(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }
