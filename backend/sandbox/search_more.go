package sandbox

import (
	"bytes"

	"fmt"
	"image"
	"image/color"
	_ "image/gif" // pictures a client may search with
	_ "image/jpeg"
	"image/png"
	"math"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The other search routes of docs/API.md §12: exact phrase, picture, a video's text, keyframes.

const (
	defaultPhrasePageSize = 100
	maxImageBytes         = 20 << 20
	defaultSimilarity     = 0.85
	keyframeWidth         = 160
	keyframeHeight        = 90
)

// handlePhrase serves GET search_audio_transcripts: a case-insensitive substring match over the
// spoken lines, paged, total_count as a string (as one page documents it).
func (s *Server) handlePhrase(c *call) (any, error) {
	q := c.r.URL.Query()
	query := strings.ToLower(strings.TrimSpace(q.Get("query")))
	page, perr := positive(q.Get("page"), 1, math.MaxInt32)
	size, serr := positive(q.Get("page_size"), defaultPhrasePageSize, 500)
	ns, err := uniqueID(q)
	switch {
	case query == "":
		return nil, badParam("query is required")
	case perr != nil || serr != nil:
		return nil, badParam("page must be > 0 and page_size between 1 and 500")
	case err != nil:
		return nil, err
	}
	s.incr(func(st *Stats) { st.Searches++ })
	hits := s.hits(ns, c.now, func(Video) bool { return true }, func(sc scene) float64 {
		if strings.Contains(sc.speech, query) {
			return 1
		}
		return 0
	})
	items := clipItems(pageOfHits(hits, page, size), true)
	for i := range items {
		items[i].EndTime, items[i].Score = "", 0 // this shape has neither
	}
	return map[string]any{"current_page": page, "page_size": size, "total_count": strconv.Itoa(len(hits)), "videos": items}, nil
}

// positive parses an optional integer in 1..most, def when empty.
func positive(raw string, def, most int) (int, error) {
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > most {
		return 0, fmt.Errorf("out of range")
	}
	return n, nil
}

func pageOfHits(hits []hit, page, size int) []hit {
	start := min((page-1)*size, len(hits))
	return hits[start:min(start+size, len(hits))]
}

// handleImageSearch serves POST search_similar_images: the picture's average colour is compared
// with every keyframe's, so searching with a keyframe the sandbox sent finds its scene.
func (s *Server) handleImageSearch(c *call) (any, error) {
	form, file, err := s.readMultipart(c.r, checkImagePart)
	if err != nil {
		return nil, err
	}
	defer file.remove()
	similarity := defaultSimilarity
	if raw := form.Get("similarity"); raw != "" {
		if similarity, err = strconv.ParseFloat(raw, 64); err != nil || similarity < 0 || similarity > 1 {
			return nil, badParam("similarity must be between 0 and 1")
		}
	}
	ns, err := uniqueID(form)
	if err != nil {
		return nil, err
	}
	if file.size > maxImageBytes {
		return nil, badParam("the image is larger than 20 MB")
	}
	want, err := averageColour(file.path)
	if err != nil {
		return nil, badParam("the image cannot be read")
	}
	s.incr(func(st *Stats) { st.Searches++ })
	hits := s.hits(ns, c.now, func(Video) bool { return true }, func(sc scene) float64 {
		return colourSimilarity(want, sc.colour)
	})
	hits = slices.DeleteFunc(hits, func(h hit) bool { return h.score < similarity })
	items := clipItems(hits[:min(len(hits), defaultTopK)], false)
	for i := range items {
		items[i].EndTime = "" // the documented example has none
	}
	return items, nil
}

// checkImagePart accepts the documented picture types, by extension and part type.
func checkImagePart(p *multipart.Part) error {
	ext := strings.ToLower(path.Ext(p.FileName()))
	if !slices.Contains([]string{".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"}, ext) ||
		!strings.HasPrefix(p.Header.Get("Content-Type"), "image/") {
		return badParam("file must be a jpg, jpeg, png, gif, bmp or webp image")
	}
	return nil
}

// averageColour decodes a png, jpeg or gif and averages its pixels.
func averageColour(file string) (color.RGBA, error) {
	f, err := os.Open(file)
	if err != nil {
		return color.RGBA{}, err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return color.RGBA{}, err
	}
	var r, g, b, n uint64
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			r, g, b, n = r+uint64(cr>>8), g+uint64(cg>>8), b+uint64(cb>>8), n+1
		}
	}
	n = max(n, 1)
	return color.RGBA{uint8(r / n), uint8(g / n), uint8(b / n), 255}, nil
}

// colourSimilarity is 1 for equal colours, falling linearly with their distance.
func colourSimilarity(a, b color.RGBA) float64 {
	d := math.Sqrt(sq(float64(a.R)-float64(b.R)) + sq(float64(a.G)-float64(b.G)) + sq(float64(a.B)-float64(b.B)))
	return math.Round((1-d/(255*math.Sqrt(3)))*10000) / 10000
}

func sq(x float64) float64 { return x * x }

// handleAudioText and handleCaptions serve get_audio_transcription and get_video_caption:
// data null until the video is parsed, as documented.
func (s *Server) handleAudioText(c *call) (any, error) {
	return s.videoText(c, func(sc scene) string { return sc.speech })
}

func (s *Server) handleCaptions(c *call) (any, error) {
	return s.videoText(c, func(sc scene) string { return sc.caption })
}

type segmentDTO struct {
	Index     int    `json:"index"`
	Content   string `json:"content"`
	StartTime string `json:"startTime"`
	EndTime   string `json:"endTime"`
}

func (s *Server) videoText(c *call, text func(scene) string) (any, error) {
	v, ok, err := s.textVideo(c)
	if err != nil || !ok {
		return nil, err
	}
	scenes := scenesOf(v)
	segs := make([]segmentDTO, len(scenes))
	for i, sc := range scenes {
		segs[i] = segmentDTO{Index: i, Content: " " + text(sc), StartTime: strconv.Itoa(sc.start), EndTime: strconv.Itoa(sc.end)}
	}
	return map[string]any{"videoNo": v.VideoNo, "transcriptions": segs, "createTime": strconv.FormatInt(v.CreateTime.UnixMilli(), 10),
		"video_bucket": sandboxBucket, "video_blob": blobName(v)}, nil
}

// textVideo finds the video a text call names; ok is false while it is not parsed.
func (s *Server) textVideo(c *call) (Video, bool, error) {
	q := c.r.URL.Query()
	no := q.Get("video_no")
	if no == "" {
		return Video{}, false, badParam("video_no is required")
	}
	ns, err := uniqueID(q)
	if err != nil {
		return Video{}, false, err
	}
	v, ok := s.lookup(ns, no, c.now)
	if !ok {
		return Video{}, false, badParam(msgVideoNotFound)
	}
	s.incr(func(st *Stats) { st.Texts++ })
	return v, v.Status == StatusParse, nil
}

// handleSummary serves generate_summary: CHAPTER groups three scenes a chapter, TOPIC one topic
// per distinct caption; items carry start as a string and no end, like the documented example.
func (s *Server) handleSummary(c *call) (any, error) {
	kind := c.r.URL.Query().Get("type")
	if kind != "CHAPTER" && kind != "TOPIC" {
		return nil, badParam("type must be CHAPTER or TOPIC")
	}
	v, ok, err := s.textVideo(c)
	if err != nil || !ok {
		return nil, err
	}
	type item struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Start       string `json:"start"`
	}
	var items []item
	seen := map[string]bool{}
	for i, sc := range scenesOf(v) {
		if (kind == "CHAPTER" && i%3 == 0) || (kind == "TOPIC" && !seen[sc.caption]) {
			items = append(items, item{Title: fmt.Sprintf("Part %d", len(items)+1), Description: sc.caption, Start: strconv.Itoa(sc.start)})
		}
		seen[sc.caption] = true
	}
	return map[string]any{"summary": summaryOf(v), "items": items}, nil
}

// serveKeyframe answers a bucket/blob download in the keyframe bucket with a PNG of the scene's
// colour (a darker square marks its position), for parsed videos only.
func (s *Server) serveKeyframe(w http.ResponseWriter, c *call, kind apiKind) {
	blob := c.r.URL.Query().Get("blob")
	no, file, _ := strings.Cut(blob, "/")
	v, ok := s.byNumber(no, c.now)
	var sc *scene
	for _, x := range scenesOf(v) {
		if ok && v.Status == StatusParse && s.keyframeOf(no, file, x) {
			sc = &x
		}
	}
	if sc == nil {
		writeFailure(w, c, kind, badParam("Resource does not exist"))
		return
	}
	img := image.NewRGBA(image.Rect(0, 0, keyframeWidth, keyframeHeight))
	for i := range img.Pix {
		img.Pix[i] = [4]uint8{sc.colour.R, sc.colour.G, sc.colour.B, 255}[i%4]
	}
	for y := 4; y < 12; y++ {
		for x := 4 + sc.index%18*8; x < 12+sc.index%18*8; x++ {
			img.Set(x, y, color.RGBA{sc.colour.R / 2, sc.colour.G / 2, sc.colour.B / 2, 255})
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	s.incr(func(st *Stats) { st.Keyframes++ })
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.Header().Set("Content-Disposition", attachment(path.Base(blob)))
	_, _ = w.Write(b.Bytes())
}

// keyframeOf reports whether file is scene x's keyframe, or with the SearchItems fault one of
// its repeats a pass or more later.
func (s *Server) keyframeOf(no, file string, x scene) bool {
	if keyframeBlob(no, x) == no+"/"+file {
		return true
	}
	var start int
	_, err := fmt.Sscanf(file, "keyframe-%06d.png", &start)
	return err == nil && s.Faults().SearchItems > 0 && start >= fillPeriod && start%fillPeriod == x.start &&
		keyframeBlob(no, scene{start: start}) == no+"/"+file
}

// byNumber finds a video in any namespace: a storage location names no namespace.
func (s *Server) byNumber(no string, now time.Time) (Video, bool) {
	defer s.locked(now)()
	v, ok := s.videos[no]
	if !ok {
		return Video{}, false
	}
	return v.snapshot(now), true
}
