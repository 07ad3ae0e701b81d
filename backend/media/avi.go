package media

import (
	"encoding/binary"
	"io"
	"strings"
)

// AVI is a RIFF file: "RIFF" size "AVI ", then a LIST "hdrl" holding the main header (avih)
// and one LIST "strl" per stream, each with a stream header (strh) and format (strf). Only
// hdrl is read; the movi list of media data is never touched.

// maxHdrl bounds the header list read whole; real ones are a few KB (with OpenDML indexes
// referenced, not included).
const maxHdrl = 1 << 20

func readAVI(r io.ReadSeeker, size int64) (Info, error) {
	var riff [12]byte
	if _, err := io.ReadFull(r, riff[:]); err != nil {
		return Info{}, ErrNotVideo
	}
	if int64(binary.LittleEndian.Uint32(riff[4:8]))+8 > size {
		return Info{}, &TruncatedError{Why: "it is cut short: the container says it is longer than the file"}
	}
	hdrl, err := readHdrl(r, size)
	if err != nil {
		return Info{}, err
	}
	return describeAVI(hdrl)
}

// readHdrl finds the first chunk, which must be LIST hdrl, and reads it whole.
func readHdrl(r io.Reader, size int64) ([]byte, error) {
	var head [12]byte
	if _, err := io.ReadFull(r, head[:]); err != nil || string(head[:4]) != "LIST" || string(head[8:12]) != "hdrl" {
		return nil, &TruncatedError{Why: "it has no stream headers (hdrl list)"}
	}
	n := int64(binary.LittleEndian.Uint32(head[4:8])) - 4
	if n < 0 || n > maxHdrl || n+24 > size {
		return nil, &TruncatedError{Why: "its stream headers are damaged"}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, &TruncatedError{Why: "it ends inside its stream headers"}
	}
	return body, nil
}

type riffChunk struct {
	id   string
	data []byte
}

// chunks splits a RIFF list body into chunks (padded to even sizes); damage ends the list.
func chunks(body []byte) []riffChunk {
	var out []riffChunk
	for len(body) >= 8 {
		n := int(binary.LittleEndian.Uint32(body[4:8]))
		if n < 0 || n > len(body)-8 {
			break
		}
		out = append(out, riffChunk{string(body[:4]), body[8 : 8+n]})
		body = body[min(8+n+n%2, len(body)):]
	}
	return out
}

func describeAVI(hdrl []byte) (Info, error) {
	info, found := Info{Container: "avi"}, false
	for _, c := range chunks(hdrl) {
		switch {
		case c.id == "avih" && len(c.data) >= 40:
			readAvih(c.data, &info)
		case c.id == "LIST" && len(c.data) >= 4 && string(c.data[:4]) == "strl":
			found = readStrl(chunks(c.data[4:]), &info) || found
		}
	}
	if !found {
		return Info{}, ErrNoVideoTrack
	}
	return info, nil
}

// readAvih reads the main header: microseconds per frame, total frames, width and height.
func readAvih(d []byte, info *Info) {
	usPerFrame := binary.LittleEndian.Uint32(d[0:4])
	frames := binary.LittleEndian.Uint32(d[16:20])
	info.DurationSec = round2(float64(frames) * float64(usPerFrame) / 1e6)
	info.Width, info.Height = int(binary.LittleEndian.Uint32(d[32:36])), int(binary.LittleEndian.Uint32(d[36:40]))
}

// readStrl reads one stream; it reports whether the stream was the first video stream.
func readStrl(list []riffChunk, info *Info) bool {
	if len(list) < 2 || list[0].id != "strh" || len(list[0].data) < 32 {
		return false
	}
	strh := list[0].data
	switch string(strh[:4]) {
	case "auds":
		info.HasAudio = true
	case "vids":
		if info.VideoCodec != "" || list[1].id != "strf" || len(list[1].data) < 20 {
			return false
		}
		info.VideoCodec = aviCodec(string(list[1].data[16:20]))
		scale, rate := binary.LittleEndian.Uint32(strh[20:24]), binary.LittleEndian.Uint32(strh[24:28])
		if scale > 0 {
			info.FrameRate = round2(float64(rate) / float64(scale))
		}
		return true
	}
	return false
}

var aviCodecs = map[string]string{"H264": "h264", "X264": "h264", "AVC1": "h264", "DAVC": "h264",
	"HEVC": "hevc", "H265": "hevc", "HVC1": "hevc", "HEV1": "hevc", "VP90": "vp9", "VP80": "vp8",
	"AV01": "av1", "FMP4": "mpeg4", "XVID": "mpeg4", "DIVX": "mpeg4", "DX50": "mpeg4", "MP4V": "mpeg4",
	"MP42": "mpeg4", "MP43": "mpeg4", "DIV3": "mpeg4", "MJPG": "mjpeg", "WMV1": "wmv", "WMV2": "wmv",
	"WMV3": "wmv", "MPG2": "mpeg2", "H263": "h263"}

// aviCodec normalises a BITMAPINFOHEADER compression FourCC (case varies between writers).
func aviCodec(fourcc string) string {
	if c, ok := aviCodecs[strings.ToUpper(fourcc)]; ok {
		return c
	}
	return strings.TrimRight(fourcc, "\x00 ")
}
