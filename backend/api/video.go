package api

import (
	"encoding/json"
	"memories-desktop/backend/contract"
	"strings"
)

// Video statuses after normalisation.
const (
	StatusFailed = "FAILED" // indexing failed; see Video.Cause
)

// NormalizeStatus (docs/API.md §8.1) folds the spellings the service has used for failure (FAIL,
// FAILED, PARSE_ERROR, ERROR) into StatusFailed and upper-cases everything else.
func NormalizeStatus(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	switch s {
	case "FAIL", "FAILED", "PARSE_ERROR", "ERROR":
		return StatusFailed
	}
	return s
}

// IsTerminalStatus reports whether a video in status s will not change any more, so polling it
// can stop: parsed or failed, in any spelling.
func IsTerminalStatus(s string) bool {
	s = NormalizeStatus(s)
	return s == contract.StatusParsed || s == StatusFailed
}

// videoWire is the service's snake_case shape with lenient numbers.
type videoWire struct {
	VideoNo       flexString   `json:"video_no"`
	VideoName     flexString   `json:"video_name"`
	Status        flexString   `json:"status"`
	Cause         flexString   `json:"cause"`
	Duration      flexFloat    `json:"duration"`
	Size          flexInt      `json:"size"`
	CreateTime    flexInt      `json:"create_time"`
	DatetimeTaken flexInt      `json:"datetime_taken"`
	CameraModel   flexString   `json:"camera_model"`
	Latitude      flexOptFloat `json:"latitude"`
	Longitude     flexOptFloat `json:"longitude"`
	Tags          flexStrings  `json:"tags"`
	Bucket        flexString   `json:"bucket"`
	Blob          flexString   `json:"blob"`
	VideoURL      flexString   `json:"video_url"`
	Resolution    flexString   `json:"resolution_label"`
	FPS           flexFloat    `json:"fps"`
	Width         flexInt      `json:"width"`
	Height        flexInt      `json:"height"`
}

func (w videoWire) video() contract.VideoDetails {
	return contract.VideoDetails{VideoNo: string(w.VideoNo), Name: string(w.VideoName),
		Status: NormalizeStatus(string(w.Status)), Cause: string(w.Cause),
		Duration: float64(w.Duration), Size: int64(w.Size), CreateTime: int64(w.CreateTime),
		DatetimeTaken: int64(w.DatetimeTaken), CameraModel: string(w.CameraModel),
		Latitude: w.Latitude.ptr(), Longitude: w.Longitude.ptr(), Tags: []string(w.Tags),
		Bucket: string(w.Bucket), Blob: string(w.Blob), VideoURL: string(w.VideoURL),
		Resolution: string(w.Resolution), FPS: float64(w.FPS),
		Width: int(w.Width), Height: int(w.Height)}
}

func videosFromWire(ws []videoWire) []contract.VideoDetails {
	out := make([]contract.VideoDetails, 0, len(ws))
	for _, w := range ws {
		out = append(out, w.video())
	}
	return out
}

// flexStrings is a tag list that may arrive as an array, null, or one comma-separated string.
type flexStrings []string

// UnmarshalJSON decodes any of the shapes above; unusable input yields no tags.
func (s *flexStrings) UnmarshalJSON(b []byte) error {
	var list []string
	if err := json.Unmarshal(b, &list); err == nil {
		*s = list
		return nil
	}
	var one flexString
	_ = json.Unmarshal(b, &one)
	*s = nil
	for _, t := range strings.Split(string(one), ",") {
		if t = strings.TrimSpace(t); t != "" {
			*s = append(*s, t)
		}
	}
	return nil
}
