package contract

// LibraryQuery filters and sorts the library view (the local cache of the server's list).
type LibraryQuery struct {
	Status string `json:"status"` // PARSE, UNPARSE, FAILED or ""
	Tag    string `json:"tag"`
	Text   string `json:"text"`
	After  int64  `json:"after"`  // created, unix ms, inclusive
	Before int64  `json:"before"` // created, unix ms, exclusive
	Sort   string `json:"sort"`   // created_desc, created_asc, name, size_desc
	Cursor string `json:"cursor"`
	Limit  int    `json:"limit"`
}

// RefreshResult says what a library refresh found.
type RefreshResult struct {
	Count   int `json:"count"`
	Removed int `json:"removed"`
}

// Selection is "every video matching Query, except Except": the Library's select-all, which
// covers rows never loaded into the view. Expect is the count the person was shown.
type Selection struct {
	Query  LibraryQuery `json:"query"`
	Except []string     `json:"except"`
	Expect int          `json:"expect"`
}

// Video is one library video as list, metadata and task-status calls describe it. Fields the
// service did not send are zero; Latitude/Longitude are nil when unknown.
type VideoDetails struct {
	VideoNo       string   `json:"videoNo"`
	Name          string   `json:"name"`
	Status        string   `json:"status"`        // normalised: PARSE, UNPARSE, FAILED (or as sent)
	Cause         string   `json:"cause"`         // failure reason when Status is FAILED
	Duration      float64  `json:"duration"`      // seconds
	Size          int64    `json:"size"`          // bytes
	CreateTime    int64    `json:"createTime"`    // unix ms
	DatetimeTaken int64    `json:"datetimeTaken"` // unix ms, capture time supplied at upload
	CameraModel   string   `json:"cameraModel"`
	Latitude      *float64 `json:"latitude,omitempty"`
	Longitude     *float64 `json:"longitude,omitempty"`
	Tags          []string `json:"tags"`
	Bucket        string   `json:"bucket"`
	Blob          string   `json:"blob"`
	VideoURL      string   `json:"videoUrl"`
	Resolution    string   `json:"resolution"` // e.g. "720P"
	FPS           float64  `json:"fps"`
	Width         int      `json:"width"`
	Height        int      `json:"height"`
}

// Video is the library cache's copy of one server-side video, so the library opens instantly and
// can be searched offline.
type CachedVideo struct {
	VideoNo   string   `json:"videoNo"`
	Name      string   `json:"name"`            // the server's stored name (often internal hex)
	Title     string   `json:"title,omitempty"` // what the user knows it by: file name or source URL
	Scope     string   `json:"scope"`
	Status    string   `json:"status"` // server status, e.g. UNPARSE, PARSE, FAILED
	Cause     string   `json:"cause,omitempty"`
	Size      int64    `json:"size"`
	Duration  float64  `json:"duration"`
	Tags      []string `json:"tags,omitempty"`
	Created   int64    `json:"created"`             // unix ms
	SourceJob uint64   `json:"sourceJob,omitempty"` // the job that uploaded it, when known
	Updated   int64    `json:"updated"`             // unix ms of the last cache write
}

// VideoPage is one page of videos, the cursor of the next page ("" when there is none) and the
// number of videos matching the filters across all pages.
type VideoPage struct {
	Videos     []CachedVideo `json:"videos"`
	NextCursor string        `json:"nextCursor"`
	Total      int           `json:"total"`
}

// Video statuses on the server.
const StatusUnparsed = "UNPARSE" // accepted, indexing in progress

const StatusParsed = "PARSE" // indexing complete

// ListRequest filters and pages the library. Zero fields are not sent; filters on capture
// metadata only match videos that finished parsing.
type ListRequest struct {
	Page        int // 1-based; the service defaults to 1
	Size        int // page size; the service defaults to 200
	Scope       string
	VideoName   string   // exact stored name
	VideoNo     string   // exact id
	VideoNos    []string // restrict to these ids
	Status      string   // PARSE, UNPARSE or FAILED
	CameraModel string
	Tag         string
	TakenAfter  int64    // unix ms; capture time at or after
	Latitude    *float64 `json:"latitude,omitempty"` // with Longitude: videos within about 20 km
	Longitude   *float64 `json:"longitude,omitempty"`
}

// ServerPage is one page of the library as the server lists it.
type ServerPage struct {
	Page     int            `json:"page"`
	PageSize int            `json:"pageSize"`
	Total    int64          `json:"total"`
	Videos   []VideoDetails `json:"videos"`
}

// PreviewPrefix is the URL path under which previews are served.
const PreviewPrefix = "/preview/"
