// Package media reads a video file's container (MP4/MOV, Matroska/WebM, AVI) to learn what it
// holds before it costs an upload: codec, duration, size, frame rate, audio, and the capture
// details cameras record (time, place, make and model). Only headers and the index are read,
// never the media data, so a 3 GB file costs a few small reads.
package media

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Info is what a container says about its video.
type Info struct {
	Container   string  `json:"container"`   // "mp4", "mov", "matroska", "webm", "avi"
	VideoCodec  string  `json:"videoCodec"`  // normalised: "h264", "hevc", "vp9", "mpeg4"…; "" when unknown
	CodecName   string  `json:"codecName"`   // for people: "H.264", "MPEG-4 Part 2"…
	DurationSec float64 `json:"durationSec"` // 0 when the container does not say
	Width       int     `json:"width"`
	Height      int     `json:"height"`
	FrameRate   float64 `json:"frameRate"` // frames per second, 0 when unknown
	HasAudio    bool    `json:"hasAudio"`
	Capture     Capture `json:"capture"`
}

// Capture is what the camera recorded about the shot; zero fields were not found.
type Capture struct {
	TakenAt   *time.Time `json:"takenAt,omitempty"`
	Latitude  *float64   `json:"latitude,omitempty"`
	Longitude *float64   `json:"longitude,omitempty"`
	Make      string     `json:"make,omitempty"`
	Model     string     `json:"model,omitempty"`
}

// ErrNotVideo means the bytes are not a container this package knows (MP4/MOV, Matroska, AVI).
var ErrNotVideo = errors.New("not a video container")

// TruncatedError means the container starts well but is cut short or lacks its index.
type TruncatedError struct{ Why string }

func (e *TruncatedError) Error() string { return "the file is incomplete: " + e.Why }

// InspectFile opens path and inspects it.
func InspectFile(path string) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Info{}, err
	}
	return Inspect(f, st.Size())
}

// Inspect identifies the container by its first bytes (not by the file name) and reads it.
func Inspect(r io.ReadSeeker, size int64) (Info, error) {
	head := make([]byte, 12)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Info{}, err
	}
	read := readerFor(head[:n])
	if read == nil {
		return Info{}, ErrNotVideo
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return Info{}, err
	}
	info, err := read(r, size)
	if err != nil {
		return Info{}, err
	}
	info.CodecName = CodecName(info.VideoCodec)
	return info, nil
}

// readerFor picks the container reader from the file's magic bytes.
func readerFor(head []byte) func(io.ReadSeeker, int64) (Info, error) {
	switch {
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "AVI ":
		return readAVI
	case len(head) >= 4 && string(head[:4]) == "\x1a\x45\xdf\xa3":
		return readMatroska
	case len(head) >= 8 && isMP4Box(string(head[4:8])):
		return readMP4
	}
	return nil
}

// isMP4Box tells the box types an MP4 or QuickTime file may start with.
func isMP4Box(t string) bool {
	switch t {
	case "ftyp", "moov", "mdat", "free", "skip", "wide", "pnot":
		return true
	}
	return false
}

// Indexed is the set of video codecs the service can index (its upload documentation lists
// H.264, H.265/HEVC and VP9); anything else is accepted by the upload but fails indexing.
var Indexed = map[string]bool{"h264": true, "hevc": true, "vp9": true}

var codecNames = map[string]string{
	"h264": "H.264", "hevc": "H.265/HEVC", "vp9": "VP9", "vp8": "VP8", "av1": "AV1",
	"mpeg4": "MPEG-4 Part 2", "mpeg2": "MPEG-2", "mpeg1": "MPEG-1", "mjpeg": "Motion JPEG",
	"prores": "Apple ProRes", "h263": "H.263", "wmv": "Windows Media Video", "theora": "Theora",
}

// CodecName names a normalised codec for people; an unknown one is shown as found.
func CodecName(codec string) string {
	if name, ok := codecNames[codec]; ok {
		return name
	}
	if codec == "" {
		return "an unknown codec"
	}
	return fmt.Sprintf("%q", codec)
}

// ErrNoVideoTrack means the container is well formed but holds no video (audio only, say).
var ErrNoVideoTrack = errors.New("it holds no video track")
