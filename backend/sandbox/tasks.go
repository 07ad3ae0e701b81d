package sandbox

import (
	"crypto/rand"
	"fmt"
	"slices"
	"time"
)

// task is one scraper_url import. Its videos are created lazily once the task is due.
type task struct {
	id, uniqueID, platform, quality, callback string
	links                                     []string
	createdAt                                 time.Time
	fails                                     bool
	videoNos                                  []string
}

// taskData is the current get_video_ids_by_task_id shape.
type taskData struct {
	Videos []videoDTO `json:"videos"`
}

// legacyTaskData is the v1.2 documented shape, enabled by Options.LegacyTaskShape.
type legacyTaskData struct {
	TaskID   string   `json:"taskId"`
	VideoIDs []string `json:"video_ids"`
}

// addTask stores a new import task and returns its id.
func (s *Server) addTask(t task) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	t.id = newUUID()
	s.tasks[t.id] = &t
	s.pending = append(s.pending, &t)
	s.namespaces[t.uniqueID] = true
	for _, link := range t.links {
		key := t.uniqueID + "\x00" + link
		if s.asked[key] {
			s.stats.RepeatedLinks++
		}
		s.asked[key] = true
	}
	s.stats.ImportLinks += len(t.links)
	return t.id
}

// advanceTasks creates the videos of every task that is due by now ("downloaded from the
// platform" after ParseDelay/2); call with the lock held.
func (s *Server) advanceTasks(now time.Time) {
	s.pending = slices.DeleteFunc(s.pending, func(t *task) bool {
		due := t.createdAt.Add(s.opts.ParseDelay / 2)
		if now.Before(due) {
			return false
		}
		for _, link := range t.links {
			t.videoNos = append(t.videoNos, s.importVideo(t, link, due).VideoNo)
		}
		return true
	})
}

// importVideo creates the video of one link, or reuses the namespace's earlier import of the same
// link: the docs say re-scraping only refreshes metadata. Call with the lock held.
func (s *Server) importVideo(t *task, link string, at time.Time) *Video {
	key := t.uniqueID + "\x00" + link
	if v, ok := s.videos[s.imported[key]]; ok {
		return v
	}
	name := linkName(t.platform, link)
	v := Video{UniqueID: t.uniqueID, VideoName: name, FileName: name + ".mp4", SourceURL: link,
		TaskID: t.id, CreateTime: at, RetainOriginal: true, Callback: t.callback}
	withSynthetic(&v, link)
	v.Width, v.Height = platformSize(t.platform, t.quality)
	stored := s.insertVideo(v, t.fails)
	s.imported[key] = stored.VideoNo
	return stored
}

// handleTaskVideos serves GET /serve/api/v1/get_video_ids_by_task_id.
func (s *Server) handleTaskVideos(c *call) (any, error) {
	q := c.r.URL.Query()
	id := q.Get("task_id")
	if id == "" {
		return nil, badParam("task_id is required")
	}
	ns, err := uniqueID(q)
	if err != nil {
		return nil, err
	}
	vids, ok := s.taskVideos(id, ns, c.now)
	if !ok {
		return nil, badParam("task not found")
	}
	if s.opts.LegacyTaskShape {
		return legacyTaskData{TaskID: id, VideoIDs: videoNos(vids)}, nil
	}
	return taskData{Videos: toDTOs(vids, false)}, nil
}

// taskVideos returns snapshots of a task's existing videos; false when the task is unknown in ns.
func (s *Server) taskVideos(id, ns string, now time.Time) ([]Video, bool) {
	defer s.locked(now)()
	t, ok := s.tasks[id]
	if !ok || t.uniqueID != ns {
		return nil, false
	}
	out := []Video{}
	for _, no := range t.videoNos {
		if v, ok := s.videos[no]; ok {
			out = append(out, v.snapshot(now))
		}
	}
	return out, true
}

// videoNos lists the numbers of vs.
func videoNos(vs []Video) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.VideoNo
	}
	return out
}

// newUUID returns a random (version 4) UUID, the shape of scraper task ids.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
