package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"memories-desktop/backend/safefile"
)

// The app's sandbox keeps its library in a JSON snapshot beside the uploaded bytes, so quitting
// (or crashing) mid-transfer and starting again finds the same videos, tasks and assets, and
// resume behaves as it does against the live service. Library-sized state is small: rewriting the
// whole snapshot after a request that changed it costs far less than the request itself.

// snapshot is the file form of the server's state.
type snapshot struct {
	IDBase     uint64            `json:"idBase"`
	IDSeq      uint64            `json:"idSeq"`
	Videos     []savedVideo      `json:"videos"`
	Tasks      []savedTask       `json:"tasks"`
	Imported   map[string]string `json:"imported"`
	Assets     []savedAsset      `json:"assets"`
	Namespaces []string          `json:"namespaces"`
}

type savedVideo struct {
	Video
	ReadyAt time.Time `json:"readyAt"`
	Fails   bool      `json:"fails"`
	Seed    string    `json:"seed"`
}

type savedTask struct {
	ID, UniqueID, Platform, Quality, Callback string
	Links, VideoNos                           []string
	CreatedAt                                 time.Time
	Fails, Pending                            bool
}

type savedAsset struct {
	ID, Name, Path string
	Size           int64
}

// encodeState serialises the state; call with the lock held.
func (s *Server) encodeState() ([]byte, error) {
	snap := snapshot{IDBase: s.idBase, IDSeq: s.idSeq, Imported: s.imported}
	for _, v := range s.videos {
		snap.Videos = append(snap.Videos, savedVideo{Video: *v, ReadyAt: v.readyAt, Fails: v.fails, Seed: v.seed})
	}
	for _, t := range s.tasks {
		snap.Tasks = append(snap.Tasks, savedTask{ID: t.id, UniqueID: t.uniqueID, Platform: t.platform,
			Quality: t.quality, Callback: t.callback, Links: t.links, VideoNos: t.videoNos,
			CreatedAt: t.createdAt, Fails: t.fails, Pending: s.isPending(t)})
	}
	for _, a := range s.assets {
		snap.Assets = append(snap.Assets, savedAsset{ID: a.id, Name: a.name, Path: a.path, Size: a.size})
	}
	for ns := range s.namespaces {
		snap.Namespaces = append(snap.Namespaces, ns)
	}
	return json.Marshal(snap)
}

func (s *Server) isPending(t *task) bool {
	for _, p := range s.pending {
		if p == t {
			return true
		}
	}
	return false
}

// restoreState loads the snapshot at Options.StateFile, if there is one; call before serving.
func (s *Server) restoreState() error {
	raw, err := os.ReadFile(s.opts.StateFile)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("sandbox: read state: %w", err)
	}
	var snap snapshot
	if err := json.Unmarshal(raw, &snap); err != nil {
		return fmt.Errorf("sandbox: damaged state file %s: %w", s.opts.StateFile, err)
	}
	s.applySnapshot(snap)
	s.saved = raw
	return nil
}

func (s *Server) applySnapshot(snap snapshot) {
	s.idBase, s.idSeq = snap.IDBase, snap.IDSeq
	for _, sv := range snap.Videos {
		v := sv.Video
		v.readyAt, v.fails, v.seed = sv.ReadyAt, sv.Fails, sv.Seed
		s.videos[v.VideoNo] = &v
	}
	for _, st := range snap.Tasks {
		t := &task{id: st.ID, uniqueID: st.UniqueID, platform: st.Platform, quality: st.Quality,
			callback: st.Callback, links: st.Links, videoNos: st.VideoNos, createdAt: st.CreatedAt, fails: st.Fails}
		s.tasks[t.id] = t
		if st.Pending {
			s.pending = append(s.pending, t)
		}
	}
	for _, a := range snap.Assets {
		s.assets[a.ID] = &asset{id: a.ID, name: a.Name, path: a.Path, size: a.Size}
	}
	for k, v := range snap.Imported {
		s.imported[k] = v
	}
	for _, ns := range snap.Namespaces {
		s.namespaces[ns] = true
	}
}

// saveState writes the snapshot when it changed since the last write: to a temporary file, then
// renamed over the old one, so a crash leaves either the old or the new state, never half.
func (s *Server) saveState() error {
	if s.opts.StateFile == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	raw, err := s.encodeState()
	if err != nil || bytes.Equal(raw, s.saved) {
		return err
	}
	if err := safefile.WriteFile(s.opts.StateFile, raw, 0o600); err != nil {
		return fmt.Errorf("sandbox: save state: %w", err)
	}
	s.saved = raw
	return nil
}
