package api

import (
	"context"
	"fmt"
	"memories-desktop/backend/contract"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"memories-desktop/backend/i18n"
)

// Exact-phrase and picture searches (docs/API.md §12.3, §12.4).

// MaxPhrasePageSize is the largest page the exact-phrase search returns (docs/API.md §12.3).
const MaxPhrasePageSize = 500

// CheckPhrase applies the rules of docs/API.md §12.3.
func CheckPhrase(r contract.PhraseRequest) (contract.PhraseRequest, error) {
	r.Query = strings.TrimSpace(r.Query)
	switch {
	case r.Query == "":
		return r, invalid("query", "api.phraseEmpty")
	case r.Page < 0:
		return r, invalid("page", "api.pageMin")
	case r.PageSize < 0 || r.PageSize > MaxPhrasePageSize:
		return r, invalid("page_size", "api.between", i18n.Args{"Max": MaxPhrasePageSize})
	}
	return r, nil
}

// SearchPhrase finds transcripts holding exactly these words (docs/API.md §12.3).
func (c *Client) SearchPhrase(ctx context.Context, r contract.PhraseRequest) (contract.PhrasePage, error) {
	r, err := CheckPhrase(r)
	if err != nil {
		return contract.PhrasePage{}, err
	}
	q := url.Values{"query": {r.Query}, scopeParam: {ScopeOr(r.Scope)}}
	if r.Page > 0 {
		q.Set("page", strconv.Itoa(r.Page))
	}
	if r.PageSize > 0 {
		q.Set("page_size", strconv.Itoa(r.PageSize))
	}
	var w struct {
		CurrentPage flexInt    `json:"current_page"`
		PageSize    flexInt    `json:"page_size"`
		TotalCount  flexInt    `json:"total_count"`
		Videos      momentList `json:"videos"`
	}
	if err := c.call(ctx, getRequest("search_phrase", "/serve/api/v1/search_audio_transcripts", q), &w); err != nil {
		return contract.PhrasePage{}, err
	}
	return contract.PhrasePage{Page: int(w.CurrentPage), PageSize: int(w.PageSize), Total: int64(w.TotalCount),
		Moments: w.Videos.moments()}, nil
}

// Image search rules (docs/API.md §12.4).
const (
	MaxImageBytes     = 20 << 20
	DefaultSimilarity = 0.85
)

// imageTypes maps the accepted picture extensions to the part's Content-Type.
var imageTypes = map[string]string{".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
	".gif": "image/gif", ".bmp": "image/bmp", ".webp": "image/webp"}

// ImageType returns the Content-Type of a picture the search accepts, by its name's extension.
func ImageType(name string) (string, bool) {
	ctype, ok := imageTypes[strings.ToLower(filepath.Ext(name))]
	return ctype, ok
}

// CheckImage applies the picture rules of docs/API.md §12.4 to the file at path and returns its part type.
func CheckImage(path string) (string, int64, error) {
	ctype, ok := ImageType(path)
	if !ok {
		return "", 0, invalid("image", "api.imageType")
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return "", 0, invalid("image", "api.imageRead", i18n.Args{"Error": err.Error()})
	case !info.Mode().IsRegular():
		return "", 0, invalid("image", "api.notRegular")
	case info.Size() == 0:
		return "", 0, invalid("image", "api.imageEmpty")
	case info.Size() > MaxImageBytes:
		return "", 0, invalid("image", "api.imageLarge", i18n.Args{"Size": sizeText(info.Size())})
	}
	return ctype, info.Size(), nil
}

func sizeText(n int64) string { return i18n.Default().SizeAtLeast(n) }

// checkImage applies the rules of docs/API.md §12.4 and returns the picture's part type and size.
func checkImage(r contract.ImageRequest) (string, int64, error) {
	if r.Similarity < 0 || r.Similarity > 1 {
		return "", 0, invalid("similarity", "api.similarity")
	}
	return CheckImage(r.Path)
}

// CheckImageSearch applies the rules of docs/API.md §12.4; nothing is sent.
func CheckImageSearch(r contract.ImageRequest) error {
	_, _, err := checkImage(r)
	return err
}

// SearchImage finds moments similar to a picture (docs/API.md §12.4), streaming the picture from disk.
func (c *Client) SearchImage(ctx context.Context, r contract.ImageRequest) ([]contract.Hit, error) {
	ctype, size, err := checkImage(r)
	if err != nil {
		return nil, err
	}
	similarity := r.Similarity
	if similarity == 0 {
		similarity = DefaultSimilarity
	}
	fields := []formField{{scopeParam, ScopeOr(r.Scope)}, {"similarity", strconv.FormatFloat(similarity, 'f', -1, 64)}}
	form, err := newMultipartBody(fields, uploadFilename(r.Path), ctype)
	if err != nil {
		return nil, invalid("image", "api.form", i18n.Args{"Error": err.Error()})
	}
	var items momentList
	err = c.retrying(ctx, "search_image", func() error {
		f, err := os.Open(r.Path) // opened for each try: a refused (0429) search is sent again
		if err != nil {
			return invalid("image", "api.imageOpen", i18n.Args{"Error": err.Error()})
		}
		defer f.Close()
		file := &exactReader{r: f, size: size}
		req := request{op: "search_image", method: http.MethodPost, path: "/serve/api/v1/search_similar_images",
			body: form.reader(file), length: form.length(size), contentType: form.contentType}
		err = c.callOnce(ctx, req, &items)
		if ferr := file.failure(); ferr != nil {
			return fmt.Errorf("memories: search_image: reading %s: %w", uploadFilename(r.Path), ferr)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return items.moments(), nil
}
