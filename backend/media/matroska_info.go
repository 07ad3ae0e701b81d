package media

import (
	"strings"
	"time"
)

// describe fills info from the Info and Tracks elements.
func (m *mkvReader) describe(info Info) (Info, error) {
	m.readInfo(&info)
	var video []element
	for _, e := range children(m.track) {
		if e.id != idTrackEntry {
			continue
		}
		kind, entry := trackType(e.data)
		switch {
		case kind == 1 && video == nil:
			video = entry
		case kind == 2:
			info.HasAudio = true
		}
	}
	if video == nil {
		return Info{}, ErrNoVideoTrack
	}
	readVideoTrack(video, &info)
	return info, nil
}

// readInfo reads the duration (in timestamp units, 1 ms unless TimestampScale says otherwise)
// and the muxing date, the only capture detail Matroska has a field for.
func (m *mkvReader) readInfo(info *Info) {
	scale, duration := uint64(1_000_000), 0.0
	for _, e := range children(m.info) {
		switch e.id {
		case idTimestampScale:
			scale = e.uint()
		case idDuration:
			duration = e.float()
		case idDateUTC:
			if len(e.data) == 8 {
				t := mkvEpoch.Add(time.Duration(int64(e.uint())))
				info.Capture.TakenAt = &t
			}
		}
	}
	info.DurationSec = round2(duration * float64(scale) / 1e9)
}

func trackType(entry []byte) (uint64, []element) {
	elems := children(entry)
	for _, e := range elems {
		if e.id == idTrackType {
			return e.uint(), elems
		}
	}
	return 0, elems
}

func readVideoTrack(track []element, info *Info) {
	for _, e := range track {
		switch e.id {
		case idCodecID:
			info.VideoCodec = mkvCodec(strings.TrimRight(string(e.data), "\x00"))
		case idDefaultDur:
			if d := e.uint(); d > 0 {
				info.FrameRate = round2(1e9 / float64(d))
			}
		case idVideo:
			readPixels(e.data, info)
		}
	}
}

func readPixels(video []byte, info *Info) {
	for _, e := range children(video) {
		switch e.id {
		case idPixelWidth:
			info.Width = int(e.uint())
		case idPixelHeight:
			info.Height = int(e.uint())
		}
	}
}

var mkvCodecs = map[string]string{"V_MPEG4/ISO/AVC": "h264", "V_MPEGH/ISO/HEVC": "hevc", "V_VP9": "vp9",
	"V_VP8": "vp8", "V_AV1": "av1", "V_MPEG4/ISO/ASP": "mpeg4", "V_MPEG4/ISO/SP": "mpeg4",
	"V_MPEG4/ISO/AP": "mpeg4", "V_MPEG2": "mpeg2", "V_MPEG1": "mpeg1", "V_MJPEG": "mjpeg",
	"V_THEORA": "theora", "V_PRORES": "prores", "V_MS/VFW/FOURCC": "vfw"}

func mkvCodec(id string) string {
	if c, ok := mkvCodecs[id]; ok {
		return c
	}
	return id
}
