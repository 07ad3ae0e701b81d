package api

import (
	"context"
	"memories-desktop/backend/contract"
	"net/url"
)

type listWire struct {
	Page        int      `json:"page,omitempty"`
	Size        int      `json:"size,omitempty"`
	UniqueID    string   `json:"unique_id"`
	VideoName   string   `json:"video_name,omitempty"`
	VideoNo     string   `json:"video_no,omitempty"`
	VideoNos    []string `json:"video_nos,omitempty"`
	Status      string   `json:"status,omitempty"`
	CameraModel string   `json:"camera_model,omitempty"`
	Tag         string   `json:"tag,omitempty"`
	TakenAfter  int64    `json:"datetime_taken,omitempty"`
	Latitude    *float64 `json:"latitude,omitempty"`
	Longitude   *float64 `json:"longitude,omitempty"`
}

type pageWire struct {
	CurrentPage flexInt     `json:"current_page"`
	PageSize    flexInt     `json:"page_size"`
	TotalCount  flexInt     `json:"total_count"`
	Videos      []videoWire `json:"videos"`
}

// ListVideos returns one page of the library in the given scope.
func (c *Client) ListVideos(ctx context.Context, r contract.ListRequest) (contract.ServerPage, error) {
	if r.Page < 0 || r.Size < 0 {
		return contract.ServerPage{}, invalid("page", "api.pageNegative")
	}
	if err := checkCoordinates(r.Latitude, r.Longitude); err != nil {
		return contract.ServerPage{}, err
	}
	body := listWire{Page: r.Page, Size: r.Size, UniqueID: ScopeOr(r.Scope), VideoName: r.VideoName,
		VideoNo: r.VideoNo, VideoNos: r.VideoNos, Status: NormalizeStatus(r.Status), CameraModel: r.CameraModel,
		Tag: r.Tag, TakenAfter: r.TakenAfter, Latitude: r.Latitude, Longitude: r.Longitude}
	req, err := jsonRequest("list_videos", "/serve/api/v1/list_videos", nil, body)
	if err != nil {
		return contract.ServerPage{}, err
	}
	var w pageWire
	if err := c.call(ctx, req, &w); err != nil {
		return contract.ServerPage{}, err
	}
	return contract.ServerPage{Page: int(w.CurrentPage), PageSize: int(w.PageSize), Total: int64(w.TotalCount),
		Videos: videosFromWire(w.Videos)}, nil
}

// Metadata returns one video's details. A nil Video with a nil error means the service does not
// (yet) know the number in this scope: right after an upload, keep polling.
func (c *Client) Metadata(ctx context.Context, videoNo, scope string) (*contract.VideoDetails, error) {
	if err := checkRequired("videoNo", videoNo); err != nil {
		return nil, err
	}
	q := url.Values{"video_no": {videoNo}, "unique_id": {ScopeOr(scope)}}
	var w *videoWire
	if err := c.call(ctx, getRequest("metadata", "/serve/api/v1/get_metadata", q), &w); err != nil || w == nil {
		return nil, err
	}
	v := w.video()
	return &v, nil
}

// MaxDeleteIDs is the most video numbers one DeleteVideos call accepts.
const MaxDeleteIDs = 100

// DeleteVideos removes videos irreversibly (docs/API.md §7.3). The service ignores unknown numbers,
// so success is no proof of deletion: re-list to confirm.
func (c *Client) DeleteVideos(ctx context.Context, scope string, videoNos []string) error {
	if err := checkIDs("videoNos", videoNos, MaxDeleteIDs); err != nil {
		return err
	}
	req, err := jsonRequest("delete", "/serve/api/v1/delete_videos", url.Values{"unique_id": {ScopeOr(scope)}}, videoNos)
	if err != nil {
		return err
	}
	return c.call(ctx, req, nil)
}

// ListScopes returns every namespace (unique_id) of the account; empty for a fresh account.
func (c *Client) ListScopes(ctx context.Context) ([]string, error) {
	var data struct {
		UniqueIDs []string `json:"unique_ids"`
	}
	if err := c.call(ctx, getRequest("list_scopes", "/serve/api/v1/list_unique_ids", nil), &data); err != nil {
		return nil, err
	}
	if data.UniqueIDs == nil {
		return []string{}, nil
	}
	return data.UniqueIDs, nil
}
