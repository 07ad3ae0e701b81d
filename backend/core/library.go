package core

import (
	"context"
	"fmt"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/events"
	"memories-desktop/backend/store"
	"memories-desktop/backend/transfer"
)

// Videos returns one page of the current scope's videos, for the app's Library and the CLI's
// list alike. A Service with a database answers from its cache (sortable, filtered, marker tags
// hidden), which the app keeps fresh with RefreshLibrary; one started with Options.NoDatabase has
// no cache and asks the server (see serverVideos).
func (c *Service) Videos(ctx context.Context, q contract.LibraryQuery) (contract.VideoPage, error) {
	if c.home == nil {
		return c.serverVideos(ctx, q)
	}
	return c.cachedVideos(q)
}

// cachedVideos is Videos from the cache.
func (c *Service) cachedVideos(q contract.LibraryQuery) (contract.VideoPage, error) {
	page, err := c.activeDB().Videos(store.VideoQuery{Scope: c.current().Scope, Status: q.Status, Tag: q.Tag,
		Text: q.Text, After: q.After, Before: q.Before, Sort: q.Sort, Cursor: q.Cursor, Limit: q.Limit})
	for i := range page.Videos {
		page.Videos[i].Tags = transfer.VisibleTags(page.Videos[i].Tags)
	}
	return page, err
}

const refreshPage = 200

// RefreshLibrary lists every video of the current scope on the server into the cache, and drops
// cached videos the server no longer has. Listeners get events.LibraryChanged.
func (c *Service) RefreshLibrary(ctx context.Context, emit events.Emitter) (contract.RefreshResult, error) {
	client, err := c.Client()
	if err != nil {
		return contract.RefreshResult{}, err
	}
	scope := c.current().Scope
	// A person waits on a refresh: an outage is reported at once, not after the back-off.
	seen, err := c.fetchAll(api.Impatient(ctx), client, scope)
	if err != nil {
		return contract.RefreshResult{}, err
	}
	removed, err := c.dropMissing(scope, seen)
	if c.engine() != nil {
		c.engine().TrackNow() // so Transfers agrees with the fresh list at once
	}
	emit.Emit(events.LibraryChanged, scope)
	return contract.RefreshResult{Count: len(seen), Removed: removed}, err
}

func (c *Service) fetchAll(ctx context.Context, client *api.Client, scope string) (map[string]bool, error) {
	seen := map[string]bool{}
	for page := 1; ; page++ {
		res, err := client.ListVideos(ctx, contract.ListRequest{Scope: scope, Page: page, Size: refreshPage})
		if err != nil {
			return nil, err
		}
		rows := cachedRows(res.Videos, scope)
		for _, v := range rows {
			seen[v.VideoNo] = true
		}
		if err := c.activeDB().PutVideos(rows); err != nil {
			return nil, err
		}
		if len(res.Videos) == 0 || int64(len(seen)) >= res.Total {
			return seen, nil
		}
	}
}

// cachedRows are the server's videos of scope as the cache keeps them.
func cachedRows(videos []contract.VideoDetails, scope string) []contract.CachedVideo {
	rows := make([]contract.CachedVideo, 0, len(videos))
	for _, v := range videos {
		rows = append(rows, contract.CachedVideo{VideoNo: v.VideoNo, Name: v.Name, Scope: scope, Status: v.Status,
			Cause: v.Cause, Size: v.Size, Duration: v.Duration, Tags: v.Tags, Created: v.CreateTime})
	}
	return rows
}

// dropMissing deletes cached videos of scope that the server did not list.
func (c *Service) dropMissing(scope string, seen map[string]bool) (int, error) {
	var gone []string
	cursor := ""
	for {
		page, err := c.activeDB().Videos(store.VideoQuery{Scope: scope, Cursor: cursor, Limit: 1000})
		if err != nil {
			return 0, err
		}
		for _, v := range page.Videos {
			if !seen[v.VideoNo] {
				gone = append(gone, v.VideoNo)
			}
		}
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	return len(gone), c.activeDB().DeleteVideos(scope, gone)
}

// DeleteVideos deletes videos on the server (in batches of 100) and from the cache.
func (c *Service) DeleteVideos(ctx context.Context, nos []string, emit events.Emitter) (int, error) {
	client, err := c.Client()
	if err != nil {
		return 0, err
	}
	scope := c.current().Scope
	done := 0
	for start := 0; start < len(nos); start += api.MaxDeleteIDs {
		batch := nos[start:min(start+api.MaxDeleteIDs, len(nos))]
		if err := client.DeleteVideos(ctx, scope, batch); err != nil {
			return done, fmt.Errorf("deleted %d of %d: %w", done, len(nos), err)
		}
		c.activeDB().DeleteVideos(scope, batch)
		done += len(batch)
	}
	emit.Emit(events.LibraryChanged, scope)
	return done, nil
}

// VideoDetails asks the server for one video's full metadata (the details drawer).
func (c *Service) VideoDetails(ctx context.Context, videoNo string) (*contract.VideoDetails, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	v, err := client.Metadata(ctx, videoNo, c.current().Scope)
	if v != nil {
		v.Tags = transfer.VisibleTags(v.Tags)
	}
	return v, err
}
