package sandbox

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
)

// asset is a v2 (mavi-backend) asset; assets are separate from the v1 library, as documented.
type asset struct {
	id, name, path string
	size           int64
}

// AddAsset seeds a v2 asset from r (streamed to disk) and returns its "re_"+18-digit id, so tests
// can download assets without going through the v2 upload.
func (s *Server) AddAsset(name string, r io.Reader) (string, error) {
	if name == "" {
		return "", errors.New("sandbox: asset name is required")
	}
	file, err := s.storeFile(name, r)
	if err != nil {
		return "", fmt.Errorf("sandbox: add asset %q: %w", name, err)
	}
	return s.insertAsset(file), nil
}

// insertAsset registers stored bytes as a new asset.
func (s *Server) insertAsset(f *received) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID("re_")
	s.assets[id] = &asset{id: id, name: f.name, path: f.path, size: f.size}
	return id
}

// handleAssetUpload serves POST /serve/api/v2/upload: multipart field "file" → data.asset_id.
func (s *Server) handleAssetUpload(w http.ResponseWriter, c *call) {
	_, file, err := s.readMultipart(c.r, requireFileName)
	if err != nil {
		writeFailure(w, c, apiV2, err)
		return
	}
	writeV2(w, http.StatusOK, "success", map[string]string{"asset_id": s.insertAsset(file)})
}

// requireFileName accepts any media type but needs a file name for the later Content-Disposition.
func requireFileName(p *multipart.Part) error {
	if p.FileName() == "" {
		return badParam("file part needs a filename")
	}
	return nil
}

// handleAssetDownload serves GET /serve/api/v2/{asset_id}/download with Content-Type,
// Content-Length and Content-Disposition; unknown ids answer HTTP 400 "Asset not found".
func (s *Server) handleAssetDownload(w http.ResponseWriter, c *call) {
	if answeredJSONFault(w, c) {
		return
	}
	a, ok := s.asset(c.pathID)
	if !ok {
		writeV2(w, http.StatusBadRequest, "Asset not found", nil)
		return
	}
	s.incr(func(st *Stats) { st.AssetDownloads++ })
	s.serveContent(w, c, content{path: a.path, size: a.size}, contentTypeFor(a.name), attachment(a.name))
}

// asset returns a copy of an asset.
func (s *Server) asset(id string) (asset, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.assets[id]
	if !ok {
		return asset{}, false
	}
	return *a, true
}
