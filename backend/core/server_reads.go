package core

import (
	"cmp"
	"context"
	"fmt"
	"strconv"

	"memories-desktop/backend/contract"
)

// Reads of the server's library for front ends that show it as it is, without the app's cache
// (the CLI's list and status). They go through the same clients, and so the same pacing, as
// everything else.

// serverPage is how many videos one server page holds when the query names no limit.
const serverPage = 200

// errServerFilter refuses what only the cache can do: the server lists by status and tag, in
// its own order.
var errServerFilter = &wordedError{key: "error.serverFilter"}

// serverVideos is Videos from the server, for a Service without a database: q.Cursor is the
// page number (empty for the first), and tags come as the server has them.
func (c *Service) serverVideos(ctx context.Context, q contract.LibraryQuery) (contract.VideoPage, error) {
	if q.Text != "" || q.After != 0 || q.Before != 0 || q.Sort != "" {
		return contract.VideoPage{}, errServerFilter
	}
	page := 1
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 1 {
			return contract.VideoPage{}, fmt.Errorf("bad cursor %q: want a page number", q.Cursor)
		}
		page = n
	}
	client, err := c.Client()
	if err != nil {
		return contract.VideoPage{}, err
	}
	scope, size := c.current().Scope, cmp.Or(q.Limit, serverPage)
	res, err := client.ListVideos(ctx, contract.ListRequest{Scope: scope, Page: page, Size: size, Status: q.Status, Tag: q.Tag})
	if err != nil {
		return contract.VideoPage{}, err
	}
	out := contract.VideoPage{Videos: cachedRows(res.Videos, scope), Total: int(res.Total)}
	// Earlier pages were full: the server's own page size when it says one (it may cap ours).
	size = cmp.Or(res.PageSize, size)
	if len(res.Videos) > 0 && int64((page-1)*size+len(res.Videos)) < res.Total {
		out.NextCursor = strconv.Itoa(page + 1)
	}
	return out, nil
}

// VideoStatus asks the server about one video in the current scope; nil when it has none.
func (c *Service) VideoStatus(ctx context.Context, videoNo string) (*contract.VideoDetails, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	return client.Metadata(ctx, videoNo, c.current().Scope)
}

// TaskVideos asks the server which videos an import task has made so far.
func (c *Service) TaskVideos(ctx context.Context, taskID string) ([]contract.VideoDetails, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	task, err := client.TaskStatus(ctx, taskID, c.current().Scope)
	return task.Videos, err
}
