package api

import (
	"cmp"
	"context"
	"memories-desktop/backend/contract"
	"net/url"
)

// Task is the progress of a platform import. Videos is empty while the service is still
// downloading from the platform; entries known only by number have an empty Status.
type Task struct {
	TaskID string                  `json:"taskId"`
	Videos []contract.VideoDetails `json:"videos"`
}

// taskWire accepts both documented shapes (docs/API.md §6.2): data.videos[] objects (current) and
// data.video_ids[] strings (v1.2 docs).
type taskWire struct {
	TaskID   flexString  `json:"taskId"`
	Videos   []videoWire `json:"videos"`
	VideoIDs []string    `json:"video_ids"`
}

// TaskStatus reports which videos an import (see Import) has produced so far. Poll it no faster
// than once a second.
func (c *Client) TaskStatus(ctx context.Context, taskID, scope string) (Task, error) {
	if err := checkRequired("taskId", taskID); err != nil {
		return Task{}, err
	}
	q := url.Values{"task_id": {taskID}, "unique_id": {ScopeOr(scope)}}
	var w *taskWire
	if err := c.call(ctx, getRequest("task_status", "/serve/api/v1/get_video_ids_by_task_id", q), &w); err != nil {
		return Task{}, err
	}
	return w.task(taskID), nil
}

// task merges both shapes, objects first, without listing a video twice.
func (w *taskWire) task(taskID string) Task {
	t := Task{TaskID: taskID, Videos: []contract.VideoDetails{}}
	if w == nil {
		return t
	}
	t.TaskID = cmp.Or(string(w.TaskID), taskID)
	t.Videos = videosFromWire(w.Videos)
	seen := map[string]bool{}
	for _, v := range t.Videos {
		seen[v.VideoNo] = true
	}
	for _, id := range w.VideoIDs {
		if id != "" && !seen[id] {
			seen[id] = true
			t.Videos = append(t.Videos, contract.VideoDetails{VideoNo: id})
		}
	}
	return t
}
