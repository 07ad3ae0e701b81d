package main

import (
	"memories-desktop/backend/contract"
)

// Search and reading a video (issue 17): the Search view and the Library drawer's tabs.

// VideoText is a video's transcript or captions with when the service gave them.
type VideoText struct {
	Transcript *contract.Transcript `json:"transcript,omitempty"` // nil: none yet
	Fetched    contract.Fetched     `json:"fetched"`
}

// VideoChapters is a video's summary with when the service gave it.
type VideoChapters struct {
	Summary *contract.Summary `json:"summary,omitempty"` // nil: none yet
	Fetched contract.Fetched  `json:"fetched"`
}

// Find runs a search in one of the view's modes; a kept answer is returned unless q.Fresh.
func (a *App) Find(q contract.SearchQuery) (_ contract.SearchAnswer, err error) {
	defer settle(&err)
	return a.svc().Find(a.ctx, q)
}

// RecentSearches lists the profile's recent searches, newest first.
func (a *App) RecentSearches() (_ []contract.RecentSearch, err error) {
	defer settle(&err)
	return a.svc().RecentSearches()
}

// ForgetSearches empties the profile's kept answers.
func (a *App) ForgetSearches() (err error) {
	defer settle(&err)
	return a.svc().ForgetSearches()
}

// Unindexed counts the scope's videos still being indexed (not searchable yet).
func (a *App) Unindexed() (_ int64, err error) {
	defer settle(&err)
	return a.svc().Unindexed(a.ctx)
}

// KeyframeURL returns the URL of a moment's keyframe picture, fetched once and kept on disk.
func (a *App) KeyframeURL(bucket, blob string) (_ string, err error) {
	defer settle(&err)
	return a.svc().KeyframeURL(a.ctx, bucket, blob)
}

// ChoosePicture opens the native dialog for a picture to search by; "" when cancelled.
func (a *App) ChoosePicture() (_ string, err error) {
	defer settle(&err)
	return a.svc().ChoosePicture()
}

// VideoTranscript returns what is said in a video, or with captions what is seen.
func (a *App) VideoTranscript(videoNo string, captions, fresh bool) (_ VideoText, err error) {
	defer settle(&err)
	t, got, err := a.svc().VideoTranscript(a.ctx, videoNo, captions, fresh)
	return VideoText{Transcript: t, Fetched: got}, err
}

// VideoSummary returns a video's chapters.
func (a *App) VideoSummary(videoNo string, fresh bool) (_ VideoChapters, err error) {
	defer settle(&err)
	s, got, err := a.svc().VideoSummary(a.ctx, videoNo, false, fresh)
	return VideoChapters{Summary: s, Fetched: got}, err
}

// ExportTranscript asks where to save a video's transcript as format (srt, vtt, text) and
// writes it; "" when cancelled. name is the video's name, for the suggested file name.
func (a *App) ExportTranscript(videoNo, name, format string, captions bool) (_ string, err error) {
	defer settle(&err)
	return a.svc().ExportTranscriptAs(a.ctx, videoNo, name, format, captions)
}

// ExportChapters asks where to save a video's chapters as format (srt, vtt, text) and writes
// them; "" when cancelled.
func (a *App) ExportChapters(videoNo, name, format string) (_ string, err error) {
	defer settle(&err)
	return a.svc().ExportChaptersAs(a.ctx, videoNo, name, format)
}
