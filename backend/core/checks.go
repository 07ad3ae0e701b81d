package core

import (
	"errors"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/formats"
	"memories-desktop/backend/preflight"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/validate"
)

// Input checks the front ends run before anything is queued or sent; each returns a rejection
// that Invalid recognises, naming the field.

// CheckVideoNos, CheckAssetIDs and CheckIDs check ids given as video numbers, asset ids, or
// either a video number or an import task id.
func CheckVideoNos(ids []string) error { return validate.IDs(validate.FieldVideoNo, ids) }
func CheckAssetIDs(ids []string) error { return validate.IDs(validate.FieldAssetID, ids) }
func CheckIDs(ids []string) error      { return validate.IDs(validate.FieldID, ids) }

// CheckTag, CheckCallback: one tag; an http(s) callback URL ("" allowed).
func CheckTag(tag string) error      { return validate.Tag(tag) }
func CheckCallback(u string) error   { return validate.Callback(u) }
func CheckVideoURL(u string) error   { return preflight.CheckVideoURL(u) }
func CheckDestFolder(d string) error { return validate.DestFolder(d) }

// CheckDestFile checks a file to save to: its folder exists and is writable, and its name fits
// beside its .part file.
func CheckDestFile(path string) error { return validate.DestFile(path) }

// CheckOutsideDataDir refuses a download folder that is the data folder or inside it.
func CheckOutsideDataDir(dir, dataDir string) error { return validate.OutsideDataDir(dir, dataDir) }

// CheckJobQuery checks the kind and state filters of a job query.
func CheckJobQuery(q contract.JobQuery) error {
	_, err := storeQuery(q)
	return err
}

// Invalid reports whether err is input rejected before anything was sent (it names a field).
func Invalid(err error) bool { return errors.Is(err, api.ErrInvalidInput) }

// VideoExtensions are the file extensions uploads accept.
func VideoExtensions() []string { return formats.Extensions() }

// Qualities are the accepted import qualities.
func Qualities() []string { return api.Qualities }

// Check checks paths as an upload would, walking folders; anyCodec accepts codecs the service
// cannot index. Nothing is registered for preview: this is for front ends without a webview.
func Check(paths []string, anyCodec bool) (contract.Scan, error) {
	return preflight.ExpandWith(paths, preflight.Options{AnyCodec: anyCodec})
}

// ServeSandbox runs the emulator on addr until closed: a non-empty apiKey is the only key it
// accepts, and new videos stay UNPARSE for parseDelay.
func ServeSandbox(addr, apiKey string, parseDelay time.Duration) (url string, stop func() error, err error) {
	run, err := sandbox.Listen(addr, sandbox.Options{APIKey: apiKey, ParseDelay: parseDelay})
	if err != nil {
		return "", nil, err
	}
	return run.URL, run.Close, nil
}

// CheckSearch, CheckPhrase and CheckImageSearch apply a search's rules before anything is sent
// (docs/API.md §12), returning the normalised request where there is one.
func CheckSearch(r contract.SearchRequest) (contract.SearchRequest, error) { return api.CheckSearch(r) }
func CheckPhrase(r contract.PhraseRequest) (contract.PhraseRequest, error) { return api.CheckPhrase(r) }
func CheckImageSearch(r contract.ImageRequest) error                       { return api.CheckImageSearch(r) }
