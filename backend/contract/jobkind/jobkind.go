// Package jobkind names what a transfer job does. It is its own package because Wails v2.11
// writes the enums of one Go package in map order: one enum per package keeps the generated
// frontend/wailsjs/go/models.ts stable (see backend/contract).
package jobkind

// JobKind says what a transfer job does; store keeps it as store.JobKind (an alias).
type JobKind string

// The kinds of transfer job. Each has a fixed code in job summaries (see store/schema.go).
const (
	UploadFile    JobKind = "upload_file"
	UploadURL     JobKind = "upload_url"
	Import        JobKind = "import"
	Download      JobKind = "download"
	DownloadAsset JobKind = "download_asset"
)

// All lists every kind with its TypeScript name, in the shape Wails' EnumBind expects.
var All = []struct {
	Value  JobKind
	TSName string
}{
	{UploadFile, "UploadFile"},
	{UploadURL, "UploadURL"},
	{Import, "Import"},
	{Download, "Download"},
	{DownloadAsset, "DownloadAsset"},
}
