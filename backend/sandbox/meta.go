package sandbox

import (
	"cmp"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Limits of the upload metadata fields (docs/API.md §5.2).
const (
	defaultNamespace = "default"
	maxCallbackLen   = 299
	maxCameraLen     = 200
	maxTags          = 20
	apiTag           = "api"
	takenLayout      = "2006-01-02 15:04:05"
)

// metaParsers read the metadata fields shared by upload and upload_url, one field each.
var metaParsers = []func(url.Values, *Video) error{
	parseNamespace, parseCallback, parseTaken, parseCamera, parseCoords, parseTags, parseRetain, parsePrompt,
}

// parseMeta validates the metadata form fields and returns them as a Video template.
func parseMeta(form url.Values) (Video, error) {
	v := Video{RetainOriginal: true}
	for _, parse := range metaParsers {
		if err := parse(form, &v); err != nil {
			return Video{}, err
		}
	}
	return v, nil
}

// uniqueID reads the unique_id namespace: "default" when absent, an error when sent empty.
func uniqueID(vals url.Values) (string, error) {
	sent, ok := vals["unique_id"]
	if !ok {
		return defaultNamespace, nil
	}
	return checkNamespace(sent[0])
}

// checkNamespace rejects an explicitly empty unique_id.
func checkNamespace(ns string) (string, error) {
	if strings.TrimSpace(ns) == "" {
		return "", badParam("unique_id must not be empty")
	}
	return ns, nil
}

func parseNamespace(form url.Values, v *Video) (err error) {
	v.UniqueID, err = uniqueID(form)
	return err
}

func parseCallback(form url.Values, v *Video) error {
	v.Callback = form.Get("callback")
	return checkCallback(v.Callback)
}

// checkCallback enforces the documented callback length.
func checkCallback(cb string) error {
	if len(cb) > maxCallbackLen {
		return badParam("callback must be at most %d characters", maxCallbackLen)
	}
	return nil
}

func parseTaken(form url.Values, v *Video) error {
	s := form.Get("datetime_taken")
	if s == "" {
		return nil
	}
	t, err := time.ParseInLocation(takenLayout, s, time.UTC)
	if err != nil {
		return badParam("datetime_taken must look like yyyy-MM-dd HH:mm:ss")
	}
	v.DatetimeTaken = t
	return nil
}

func parseCamera(form url.Values, v *Video) error {
	v.CameraModel = form.Get("camera_model")
	if len(v.CameraModel) > maxCameraLen {
		return badParam("camera_model must be at most %d characters", maxCameraLen)
	}
	return nil
}

func parseCoords(form url.Values, v *Video) (err error) {
	if v.Latitude, err = coordinate(form, "latitude", 90); err != nil {
		return err
	}
	v.Longitude, err = coordinate(form, "longitude", 180)
	return err
}

// coordinate parses an optional decimal-degree field within ±limit.
func coordinate(form url.Values, name string, limit float64) (*float64, error) {
	s := form.Get(name)
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.Abs(f) > limit {
		return nil, badParam("%s must be a number between -%v and %v", name, limit, limit)
	}
	return &f, nil
}

// parseTags accepts both list encodings: repeated "tags" and indexed "tags[0]", "tags[1]", …
func parseTags(form url.Values, v *Video) error {
	tags := slices.DeleteFunc(append(slices.Clone(form["tags"]), indexedTags(form)...),
		func(t string) bool { return strings.TrimSpace(t) == "" })
	if len(tags) > maxTags {
		return badParam("at most %d tags are allowed", maxTags)
	}
	if !slices.Contains(tags, apiTag) {
		tags = append(tags, apiTag)
	}
	v.Tags = tags
	return nil
}

// indexedTags collects "tags[i]" fields in index order.
func indexedTags(form url.Values) []string {
	type indexed struct {
		i    int
		vals []string
	}
	var found []indexed
	for key, vals := range form {
		if i, ok := tagIndex(key); ok {
			found = append(found, indexed{i, vals})
		}
	}
	slices.SortFunc(found, func(a, b indexed) int { return cmp.Compare(a.i, b.i) })
	var out []string
	for _, f := range found {
		out = append(out, f.vals...)
	}
	return out
}

// tagIndex parses the index of a "tags[i]" field name.
func tagIndex(key string) (int, bool) {
	inner, ok := strings.CutPrefix(key, "tags[")
	if !ok {
		return 0, false
	}
	inner, ok = strings.CutSuffix(inner, "]")
	i, err := strconv.Atoi(inner)
	return i, ok && err == nil && i >= 0
}

func parseRetain(form url.Values, v *Video) error {
	switch strings.ToLower(form.Get("retain_original_video")) {
	case "", "true":
		v.RetainOriginal = true
	case "false":
		v.RetainOriginal = false
	default:
		return badParam("retain_original_video must be true or false")
	}
	return nil
}

func parsePrompt(form url.Values, v *Video) error {
	v.TranscriptionPrompt = form.Get("video_transcription_prompt")
	return nil
}
