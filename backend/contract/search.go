package contract

// Moment is a search result with what this computer knows about it.
type Moment struct {
	Hit
	// LocalPath is the file on this computer that holds the video (it was uploaded from, or
	// downloaded to, here); "" when none is on disk.
	LocalPath string `json:"local_path,omitempty"`
}

// SearchAnswer is what a search found. Searches are billed, so an answer is kept per profile
// and the same question is answered from there (Cached, with the time At the service answered)
// until the caller asks for a fresh one.
type SearchAnswer struct {
	Moments []Moment `json:"moments"`
	Page    int      `json:"page,omitempty"`  // exact-phrase searches: the page
	Total   int64    `json:"total,omitempty"` // exact-phrase searches: matches on all pages
	At      int64    `json:"at"`              // unix ms when the service answered
	Cached  bool     `json:"cached"`
}

// Fetched says when the service gave an answer (unix ms) and whether it came from the cache.
type Fetched struct {
	At     int64 `json:"at"`
	Cached bool  `json:"cached"`
}

// RecentSearch is one remembered search: its kind ("search", "phrase" or "image") and the
// words, or the picture's path.
type RecentSearch struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
	At   int64  `json:"at"` // unix ms
}

// SearchQuery is a search as the app asks it. Filters apply to the seen and said modes; Page to
// exact words.
type SearchQuery struct {
	Mode      string   `json:"mode"`
	Text      string   `json:"text"`
	Image     string   `json:"image"` // the picture's path, for ModePicture
	Scope     string   `json:"scope"` // "": the current one
	Level     string   `json:"level"` // "", low, medium or high
	Tag       string   `json:"tag"`
	Camera    string   `json:"camera"`
	Taken     string   `json:"taken"` // YYYY-MM-DD HH:MM:SS
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
	Page      int      `json:"page"`
	Fresh     bool     `json:"fresh"` // ask the service even when an answer is kept
}

// Segment is one timed line of a transcript or of the scene captions.
type Segment struct {
	Index int     `json:"index"`
	Start float64 `json:"start"` // seconds
	End   float64 `json:"end"`   // seconds
	Text  string  `json:"text"`
}

// Transcript is a video's speech (or its scene captions), in order. A nil *Transcript with a
// nil error means the service has none yet: not indexed, or no audio track.
type Transcript struct {
	VideoNo  string    `json:"video_no"`
	Segments []Segment `json:"segments"`
}

// Chapter is one part of a summary. End is -1 when the service gave none (the usual case).
type Chapter struct {
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Start       float64 `json:"start"`
	End         float64 `json:"end"`
}

// Summary is a video's summary: one paragraph and its chapters or topics.
type Summary struct {
	Text  string    `json:"summary"`
	Items []Chapter `json:"items"`
}

// Moment is one search result: a span of one video.
type Hit struct {
	VideoNo   string  `json:"video_no"`
	VideoName string  `json:"video_name,omitempty"`
	Start     float64 `json:"start"` // seconds
	End       float64 `json:"end"`   // seconds; equal to Start when the service gave no end
	Score     float64 `json:"score"`
	Text      string  `json:"text,omitempty"` // the matched transcript or caption text
	// Storage locations for the bucket/blob download (docs/API.md §12.6); empty when the service sent none.
	VideoBucket    string `json:"video_bucket,omitempty"`
	VideoBlob      string `json:"video_blob,omitempty"`
	KeyframeBucket string `json:"keyframe_bucket,omitempty"`
	KeyframeBlob   string `json:"keyframe_blob,omitempty"`
}

// SubtitleFormats lists the formats a transcript is rendered in, in the order the CLI's help names them.
var SubtitleFormats = []string{"text", "srt", "vtt", "json"}

// SearchRequest is one natural-language search of the library. Zero fields are not sent.
type SearchRequest struct {
	Query    string
	Type     string // SearchVisual (default), SearchAudio or SearchCaption
	Scope    string
	TopK     int      // 0: the service's default
	Level    string   // "", "low", "medium" or "high": the least score a result needs
	VideoNos []string // at most MaxSearchVideos
	Tag      string
	Camera   string
	Taken    string // TakenLayout
	Latitude *float64
	// Longitude must be given with Latitude.
	Longitude *float64
}

// PhraseRequest is an exact-words search of the transcripts.
type PhraseRequest struct {
	Query    string
	Scope    string
	Page     int // 1-based; 0 is the first page
	PageSize int // 0: the service's default (100)
}

// PhrasePage is one page of exact-phrase matches. Matches carry no end time: End equals Start.
type PhrasePage struct {
	Page     int   `json:"page"`
	PageSize int   `json:"page_size"`
	Total    int64 `json:"total"`
	Moments  []Hit `json:"moments"`
}

// ImageRequest is a search of the library for moments that look like a picture.
type ImageRequest struct {
	Path       string // the picture: jpg, jpeg, png, gif, bmp or webp, at most 20 MB
	Scope      string
	Similarity float64 // 0–1; 0 sends DefaultSimilarity
}
