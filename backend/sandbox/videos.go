package sandbox

import (
	"cmp"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Constants of the video representation.
const (
	sandboxBucket  = "memories-sandbox"
	defaultFPS     = 30
	maxDeleteBatch = 100
)

// videoDTO is a video as list_videos, get_metadata and task status present it. duration, size
// and create_time are numbers, or strings in the v1.2 style (see toDTO).
type videoDTO struct {
	VideoNo         string   `json:"video_no"`
	VideoName       string   `json:"video_name"`
	Status          string   `json:"status"`
	Cause           any      `json:"cause,omitempty"`
	Duration        any      `json:"duration"`
	Size            any      `json:"size"`
	CreateTime      any      `json:"create_time"`
	FPS             int      `json:"fps"`
	Width           int      `json:"width"`
	Height          int      `json:"height"`
	ResolutionLabel string   `json:"resolution_label"`
	VideoURL        string   `json:"video_url,omitempty"`
	DatetimeTaken   int64    `json:"datetime_taken,omitempty"`
	CameraModel     string   `json:"camera_model,omitempty"`
	Latitude        *float64 `json:"latitude,omitempty"`
	Longitude       *float64 `json:"longitude,omitempty"`
	Tags            []string `json:"tags,omitempty"`
	Bucket          string   `json:"bucket"`
	Blob            string   `json:"blob"`
}

// toDTO renders v. With v12 set it mimics the v1.2 examples that list_videos still exercises:
// numbers as strings and cause "null" (a string) on videos that did not fail. Capture metadata is
// only shown once the video is parsed, as documented.
func toDTO(v Video, v12 bool) videoDTO {
	d := videoDTO{VideoNo: v.VideoNo, VideoName: v.VideoName, Status: v.Status,
		Duration: number(int64(v.Duration), v12), Size: number(v.Size, v12),
		CreateTime: number(v.CreateTime.UnixMilli(), v12), FPS: defaultFPS, Width: v.Width,
		Height: v.Height, ResolutionLabel: strconv.Itoa(min(v.Width, v.Height)) + "P",
		VideoURL: v.SourceURL, Bucket: sandboxBucket, Blob: blobName(v)}
	d.Cause = cause(v, v12)
	if v.Status == StatusParse {
		addCapture(&d, v)
	}
	return d
}

// addCapture copies the capture metadata a client supplied at upload.
func addCapture(d *videoDTO, v Video) {
	if !v.DatetimeTaken.IsZero() {
		d.DatetimeTaken = v.DatetimeTaken.UnixMilli()
	}
	d.CameraModel, d.Latitude, d.Longitude, d.Tags = v.CameraModel, v.Latitude, v.Longitude, v.Tags
}

// cause is the failure reason; v1.2-style output carries the string "null" otherwise.
func cause(v Video, v12 bool) any {
	switch {
	case v.Cause != "":
		return v.Cause
	case v12:
		return "null"
	}
	return nil
}

// number renders n as a JSON number or, v1.2 style, as a string.
func number(n int64, asString bool) any {
	if asString {
		return strconv.FormatInt(n, 10)
	}
	return n
}

// toDTOs renders a list of videos.
func toDTOs(vs []Video, v12 bool) []videoDTO {
	out := make([]videoDTO, len(vs))
	for i, v := range vs {
		out[i] = toDTO(v, v12)
	}
	return out
}

// blobName is the storage object name of a video: its number plus the original extension.
func blobName(v Video) string {
	return v.VideoNo + strings.ToLower(cmp.Or(path.Ext(v.FileName), ".mp4"))
}

// handleMetadata serves GET /serve/api/v1/get_metadata; unknown videos give data:null, code 0000.
func (s *Server) handleMetadata(c *call) (any, error) {
	q := c.r.URL.Query()
	no := q.Get("video_no")
	if no == "" {
		return nil, badParam("video_no is required")
	}
	ns, err := uniqueID(q)
	if err != nil {
		return nil, err
	}
	v, ok := s.lookup(ns, no, c.now)
	if !ok {
		return nil, nil
	}
	return toDTO(v, false), nil
}

// lookup returns a snapshot of one video of namespace ns.
func (s *Server) lookup(ns, no string, now time.Time) (Video, bool) {
	defer s.locked(now)()
	v, ok := s.video(ns, no)
	if !ok {
		return Video{}, false
	}
	return v.snapshot(now), true
}

// handleDelete serves POST /serve/api/v1/delete_videos: a raw JSON array body, unique_id in the
// query; unknown numbers are ignored and the call still succeeds.
func (s *Server) handleDelete(c *call) (any, error) {
	ns, err := uniqueID(c.r.URL.Query())
	if err != nil {
		return nil, err
	}
	var nos []string
	if err := decodeJSON(c.r, &nos); err != nil {
		return nil, err
	}
	if len(nos) == 0 || len(nos) > maxDeleteBatch {
		return nil, badParam("send 1 to %d video numbers as a JSON array (got %d)", maxDeleteBatch, len(nos))
	}
	for _, p := range s.remove(ns, nos, c.now) {
		_ = os.Remove(p)
	}
	s.incr(func(st *Stats) { st.Deletes++ })
	return nil, nil
}

// remove drops the videos of ns and returns the files to delete.
func (s *Server) remove(ns string, nos []string, now time.Time) []string {
	defer s.locked(now)()
	var paths []string
	for _, no := range nos {
		if v, ok := s.video(ns, no); ok {
			delete(s.videos, no)
			paths = append(paths, v.Path)
		}
	}
	return slices.DeleteFunc(paths, func(p string) bool { return p == "" })
}

// handleUniqueIDs serves GET /serve/api/v1/list_unique_ids: every namespace used so far, sorted.
func (s *Server) handleUniqueIDs(c *call) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.namespaces))
	for ns := range s.namespaces {
		ids = append(ids, ns)
	}
	slices.Sort(ids)
	return map[string][]string{"unique_ids": ids}, nil
}
