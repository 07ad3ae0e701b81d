// Package choice names what to do with a download whose file name is taken (core's
// DownloadVideosTo, RetryDownload, RetryFailed take one). It is its own package because Wails
// v2.11 writes the enums of one Go package in map order (see backend/contract).
package choice

// Choice is the TypeScript enum's type; Go code uses the untyped constants below.
type Choice string

// The choices, made once for all taken names of a batch.
const (
	Replace  = "replace" // replace the file, atomically, once the new one is complete
	KeepBoth = "keep"    // save as "name (1).mp4"
	Skip     = "skip"    // leave the file and do not download
)

// All lists every choice with its TypeScript name, in the shape Wails' EnumBind expects.
var All = []struct {
	Value  Choice
	TSName string
}{
	{Replace, "Replace"}, {KeepBoth, "KeepBoth"}, {Skip, "Skip"},
}
