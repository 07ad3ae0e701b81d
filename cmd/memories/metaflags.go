package main

import (
	"flag"
	"strconv"

	"memories-desktop/backend/api"
	"memories-desktop/backend/transfer"
)

// metaFlags are the upload metadata flags shared by upload and upload-url.
type metaFlags struct {
	tags       multiFlag
	taken      string
	camera     string
	lat, lon   string
	prompt     string
	callback   string
	noOriginal bool
}

func (m *metaFlags) register(fs *flag.FlagSet) {
	fs.Var(&m.tags, "tag", "tag (repeatable, at most 20)")
	fs.StringVar(&m.taken, "taken", "", `capture time "YYYY-MM-DD HH:MM:SS"`)
	fs.StringVar(&m.camera, "camera", "", "camera model")
	fs.StringVar(&m.lat, "lat", "", "latitude in decimal degrees (with --lon)")
	fs.StringVar(&m.lon, "lon", "", "longitude in decimal degrees (with --lat)")
	fs.StringVar(&m.prompt, "prompt", "", "video transcription prompt")
	fs.StringVar(&m.callback, "callback", "", "http(s) URL the service notifies")
	fs.BoolVar(&m.noOriginal, "no-retain-original", false, "let the service drop the original (it can then not be downloaded)")
}

// meta builds and validates the metadata; any problem is a usage error, so nothing is sent.
func (m *metaFlags) meta(scope string) (api.UploadMeta, error) {
	lat, err := optionalFloat("--lat", m.lat)
	if err != nil {
		return api.UploadMeta{}, err
	}
	lon, err := optionalFloat("--lon", m.lon)
	if err != nil {
		return api.UploadMeta{}, err
	}
	meta := api.UploadMeta{Scope: scope, Tags: m.tags, TakenAt: m.taken, Camera: m.camera,
		Latitude: lat, Longitude: lon, Prompt: m.prompt, Callback: m.callback}
	if m.noOriginal {
		retain := false
		meta.RetainOriginal = &retain
	}
	if err := transfer.ValidateMeta(meta); err != nil {
		return api.UploadMeta{}, rejected("upload", err)
	}
	return meta, nil
}

func optionalFloat(name, raw string) (*float64, error) {
	if raw == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return nil, usagef("%s %q is not a number", name, raw)
	}
	return &v, nil
}
