package preflight

import (
	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
)

// Fill returns meta with the fields the user left empty taken from the file's capture details:
// what the user gives always wins, field by field. The location is taken only as a pair.
func Fill(fm *contract.FileMeta, meta api.UploadMeta) api.UploadMeta {
	if fm == nil {
		return meta
	}
	if meta.TakenAt == "" {
		meta.TakenAt = fm.TakenAt
	}
	if meta.Camera == "" {
		meta.Camera = fm.Camera
	}
	if meta.Latitude == nil && meta.Longitude == nil {
		meta.Latitude, meta.Longitude = fm.Latitude, fm.Longitude
	}
	return meta
}
