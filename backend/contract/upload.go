package contract

import (
	"fmt"
	"memories-desktop/backend/formats"
	"memories-desktop/backend/media"
)

// Duplicate says what the bytes of a file to upload are known as. Fingerprint identifies the
// bytes, so the Upload list can tell two of its own files apart or flag them as one; Kind is ""
// when nothing else has them.
type Duplicate struct {
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	Kind        string `json:"kind"`
	VideoNo     string `json:"videoNo"` // DupUploaded: as which video
	At          int64  `json:"at"`      // DupUploaded: when, unix ms
	JobID       uint64 `json:"jobId"`   // DupQueued: the waiting job
}

// LinkPlan is the parsed link box: every link's outcome and the tasks an import would create.
type LinkPlan struct {
	Lines      int           `json:"lines"`
	Links      []Link        `json:"links"`
	Duplicates []Link        `json:"duplicates"`
	Problems   []LinkProblem `json:"problems"`
	Tasks      []ImportTask  `json:"tasks"`
	Summary    string        `json:"summary"`
	Warnings   []string      `json:"warnings"`
}

// ImportRequest is what "Import" sends: the link box, the quality and an optional callback.
type ImportRequest struct {
	Text     string `json:"text"`
	Quality  string `json:"quality"`
	Callback string `json:"callback"`
}

// UploadRules are what the Upload view tells people about the files it takes, from the same
// table and limit that pre-flight enforces, so the UI never keeps a copy of its own.
type UploadRules struct {
	Formats     []formats.Format `json:"formats"`
	Extensions  string           `json:"extensions"` // ".mp4 .mov .avi .mkv"
	MaxFileSize int64            `json:"maxFileSize"`
	MaxSizeText string           `json:"maxSizeText"` // "3 GB", as pre-flight's messages write it
}

// Meta is upload metadata as the UI sends it (JSON camelCase). Empty fields are not sent.
type Meta struct {
	Scope          string   `json:"scope"`
	Tags           []string `json:"tags"`
	TakenAt        string   `json:"takenAt"` // "YYYY-MM-DD HH:MM:SS" (a "T" separator is accepted)
	Camera         string   `json:"camera"`
	Latitude       *float64 `json:"latitude,omitempty"`
	Longitude      *float64 `json:"longitude,omitempty"`
	Prompt         string   `json:"prompt"`
	Callback       string   `json:"callback"`
	RetainOriginal bool     `json:"retainOriginal"`
	// FileMeta fills capture time, camera and place the user left empty from each file.
	FileMeta bool `json:"fileMeta"`
}

// UploadBatch is what "Upload N videos" sends.
type UploadBatch struct {
	Files []FileUpload `json:"files"`
	// AnyCodec sends videos in a codec the service cannot index (the CLI's --force); the other
	// checks still apply.
	AnyCodec bool `json:"anyCodec,omitempty"`
	Meta     Meta `json:"meta"`
}

// FileUpload is one file of a batch, with optional metadata that replaces the batch's.
type FileUpload struct {
	Path     string `json:"path"`
	Override *Meta  `json:"override,omitempty"`
}

// Link is one recognised post link. Canonical is what is sent to the service; ID identifies the
// post on its platform, so different spellings of one post are caught as duplicates.
type Link struct {
	Line      int      `json:"line"`
	Raw       string   `json:"raw"`
	Canonical string   `json:"canonical"`
	Platform  Platform `json:"platform"`
	ID        string   `json:"id"`
}

// Problem is input that could not be used, with a reason a person can act on.
type LinkProblem struct {
	Line   int    `json:"line"`
	Raw    string `json:"raw"`
	Reason string `json:"reason"`
}

// Scan is the outcome of expanding dropped or chosen paths: the files that can be uploaded and
// the ones that cannot, each with its reason, both sorted by path.
type Scan struct {
	Files   []Verdict `json:"files"`
	Skipped []Verdict `json:"skipped"`
}

// FileMeta is what the file recorded about the shot, in the form the upload metadata takes;
// the upload form and the CLI use it for the fields the user leaves empty.
type FileMeta struct {
	TakenAt   string   `json:"takenAt,omitempty"` // "YYYY-MM-DD HH:MM:SS", the wall-clock time of the shot
	Camera    string   `json:"camera,omitempty"`
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
}

// Verdict is the outcome of checking one file. Path is absolute; Size is set for regular files;
// Reason (plain language) and Code are set when the file cannot be uploaded. Media and FileMeta
// are what the container says, once it could be read; Warnings do not stop an upload.
type Verdict struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	OK     bool   `json:"ok"`
	Reason string `json:"reason,omitempty"`
	// ReasonKey and ReasonParams are the catalogue id and placeholders Reason was worded from
	// ("" when it is a parser's finding), so a kept refusal reads in the language then in use.
	ReasonKey    string            `json:"reasonKey,omitempty"`
	ReasonParams map[string]string `json:"reasonParams,omitempty"`
	Code         string            `json:"code,omitempty"`
	Warnings     []string          `json:"warnings,omitempty"`
	Media        *media.Info       `json:"media,omitempty"`
	FileMeta     *FileMeta         `json:"fileMeta,omitempty"`
	Preview      string            `json:"preview,omitempty"` // set by the app: the URL its webview plays the file from
}

// Platform names a social platform the import endpoint can fetch from.
type Platform string

// ImportTask is one import request's worth of links: a single platform, at most MaxLinksPerTask.
type ImportTask struct {
	Platform Platform `json:"platform"`
	Links    []string `json:"links"`
}

// LineTooLongError names the line of a link list that was refused for its length (Max bytes).
type LineTooLongError struct{ Line, Max int }

// CodeCodec is the Verdict.Code of a video in a codec the service cannot index.
const CodeCodec = "unsupported_codec"

func (e *LineTooLongError) Error() string {
	return fmt.Sprintf("line %d is longer than %d bytes; nothing was read past it", e.Line, e.Max)
}
