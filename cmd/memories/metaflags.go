package main

import (
	"flag"
	"strconv"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
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

// meta turns the flags into core.Meta (the app's form sends the same) and has core validate it
// for the command's scope; any problem is a usage error, so nothing is sent.
func (m *metaFlags) meta(svc *core.Service) (contract.Meta, error) {
	lat, err := optionalFloat("--lat", m.lat)
	if err != nil {
		return contract.Meta{}, err
	}
	lon, err := optionalFloat("--lon", m.lon)
	if err != nil {
		return contract.Meta{}, err
	}
	for _, tag := range m.tags { // the app drops blank tags; on a command line one is a mistake
		if err := core.CheckTag(tag); err != nil {
			return contract.Meta{}, rejected("upload", err)
		}
	}
	meta := contract.Meta{Tags: m.tags, TakenAt: m.taken, Camera: m.camera, Latitude: lat, Longitude: lon,
		Prompt: m.prompt, Callback: m.callback, RetainOriginal: !m.noOriginal}
	if err := svc.ValidateMeta(meta); err != nil {
		return contract.Meta{}, rejected("upload", err)
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
