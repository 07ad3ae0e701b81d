package core

import (
	"cmp"
	"context"

	"memories-desktop/backend/contract"
)

// Reads of the server's library for front ends that show it as it is, without the app's cache
// (the CLI's list and status). They go through the same clients, and so the same pacing, as
// everything else.

// ListVideos asks the server for one page of videos, in the current scope when r names none.
func (c *Service) ListVideos(ctx context.Context, r contract.ListRequest) (contract.ServerPage, error) {
	client, err := c.Client()
	if err != nil {
		return contract.ServerPage{}, err
	}
	r.Scope = cmp.Or(r.Scope, c.current().Scope)
	return client.ListVideos(ctx, r)
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
