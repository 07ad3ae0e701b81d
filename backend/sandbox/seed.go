package sandbox

import (
	"fmt"
	"path"
	"time"
)

// SeedVideos puts the demo clips clip-00001.mp4 … clip-<n>.mp4 into namespace scope, as URL
// uploads of them would, skipping those already there, and returns how many it added. It is one
// step under one lock with one state write: filling a library of thousands for tests costs no
// requests, no request log lines and no state write per video (5,000 URL uploads took a core for
// minutes, each request rewriting the whole state). The clips are indexed already.
func (s *Server) SeedVideos(scope string, n int) int {
	now := s.opts.Now()
	s.mu.Lock()
	have := map[string]bool{}
	for _, v := range s.videos {
		if v.UniqueID == scope {
			have[v.SourceURL] = true
		}
	}
	added := 0
	for i := range n {
		link := fmt.Sprintf("https://media.example.com/demo/clip-%05d.mp4", i+1)
		if have[link] {
			continue
		}
		// One millisecond apart, the first oldest, so the library lists them newest first.
		v := Video{UniqueID: scope, SourceURL: link, FileName: path.Base(link), RetainOriginal: true,
			CreateTime: now.Add(time.Duration(i-n) * time.Millisecond)}
		withSynthetic(&v, link)
		s.insertVideo(v, false).readyAt = v.CreateTime
		added++
	}
	s.mu.Unlock()
	if err := s.saveState(); err != nil && s.opts.Logf != nil {
		s.opts.Logf("%v", err)
	}
	return added
}
