package sandbox

import (
	"encoding/binary"
	"hash/fnv"
	"math/rand/v2"
	"path/filepath"
	"strings"
)

// Shape of the synthetic videos that stand in for URL uploads and imports.
const (
	syntheticPayload   = 4096
	syntheticTimescale = 1000
	syntheticWidth     = 1280
	syntheticHeight    = 720
)

// SyntheticMP4 returns a small, structurally valid MP4 (ftyp, moov with mvhd and one video trak,
// mdat) whose duration and payload are derived from seed, so the same seed always yields the
// same bytes. The sandbox serves it for videos it did not receive bytes for; tests may use it as
// a fixture for container parsing.
func SyntheticMP4(seed string) []byte {
	h := seedHash(seed)
	ms := uint32(syntheticDuration(seed)) * syntheticTimescale
	ftyp := box("ftyp", []byte("isom"), u32(0x200), []byte("isomiso2avc1mp41"))
	moov := box("moov", mvhd(ms), box("trak", tkhd(ms), box("mdia", mdhd(ms), hdlr(), minf())))
	return concat(ftyp, moov, box("mdat", payload(h)))
}

// syntheticDuration is the duration in seconds encoded for seed (5–60 s).
func syntheticDuration(seed string) int {
	return 5 + int(seedHash(seed)%56)
}

// seedHash turns a seed into 64 bits.
func seedHash(seed string) uint64 {
	f := fnv.New64a()
	_, _ = f.Write([]byte(seed))
	return f.Sum64()
}

// payload is deterministic pseudo-random mdat content.
func payload(h uint64) []byte {
	rng := rand.New(rand.NewPCG(h, h^0x9e3779b97f4a7c15))
	b := make([]byte, syntheticPayload)
	for i := 0; i < len(b); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], rng.Uint64())
	}
	return b
}

// identity is the unity transformation matrix of mvhd and tkhd.
var identity = concat(u32(0x10000), u32(0), u32(0), u32(0), u32(0x10000), u32(0), u32(0), u32(0), u32(0x40000000))

func mvhd(ms uint32) []byte {
	return box("mvhd", u32(0), u32(0), u32(0), u32(syntheticTimescale), u32(ms),
		u32(0x10000), []byte{1, 0}, make([]byte, 10), identity, make([]byte, 24), u32(2))
}

func tkhd(ms uint32) []byte {
	return box("tkhd", u32(3), u32(0), u32(0), u32(1), u32(0), u32(ms), make([]byte, 8),
		make([]byte, 8), identity, u32(syntheticWidth<<16), u32(syntheticHeight<<16))
}

func mdhd(ms uint32) []byte {
	return box("mdhd", u32(0), u32(0), u32(0), u32(syntheticTimescale), u32(ms), []byte{0x55, 0xc4, 0, 0})
}

func hdlr() []byte {
	return box("hdlr", u32(0), u32(0), []byte("vide"), make([]byte, 12), []byte("VideoHandler\x00"))
}

// minf describes the samples as H.264 (an avc1 sample entry), so a client's codec check passes;
// the sample tables are empty, as no real frames are stored.
func minf() []byte {
	entry := box("avc1", make([]byte, 6), []byte{0, 1}, make([]byte, 16),
		u32(syntheticWidth<<16|syntheticHeight),
		u32(0x480000), u32(0x480000), u32(0), []byte{0, 1}, make([]byte, 32), []byte{0, 0x18, 0xff, 0xff})
	return box("minf", box("stbl", box("stsd", u32(0), u32(1), entry), box("stsz", u32(0), u32(0), u32(0))))
}

// box frames parts as one ISO-BMFF box of type typ.
func box(typ string, parts ...[]byte) []byte {
	body := concat(parts...)
	return concat(u32(uint32(8+len(body))), []byte(typ), body)
}

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// withSynthetic makes v a video whose bytes are SyntheticMP4(seed).
func withSynthetic(v *Video, seed string) {
	v.seed = seed
	v.Size = int64(len(SyntheticMP4(seed)))
	v.Duration = syntheticDuration(seed)
	v.Width, v.Height = syntheticWidth, syntheticHeight
}

// contentTypes maps media extensions to the MIME types the v2 asset download announces.
var contentTypes = map[string]string{
	".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime", ".avi": "video/x-msvideo",
	".mkv": "video/x-matroska", ".webm": "video/webm", ".mp3": "audio/mpeg", ".wav": "audio/wav",
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
}

// contentTypeFor returns the MIME type for a file name, application/octet-stream when unknown.
func contentTypeFor(name string) string {
	if ct, ok := contentTypes[strings.ToLower(filepath.Ext(name))]; ok {
		return ct
	}
	return "application/octet-stream"
}
