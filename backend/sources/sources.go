// Package sources turns pasted TikTok, YouTube and Instagram links into canonical post links,
// drops duplicates and splits them into import tasks the service accepts (one platform, at most
// 50 links each), so a bulk paste never costs more imports than it needs.
package sources

// Platform names a social platform the import endpoint can fetch from.
type Platform string

// The platforms the import endpoint supports; the order of Platforms is the order of tasks.
const (
	TikTok    Platform = "tiktok"
	YouTube   Platform = "youtube"
	Instagram Platform = "instagram"
)

// Platforms lists the supported platforms in the stable order used for tasks and summaries.
var Platforms = []Platform{TikTok, YouTube, Instagram}

// MaxLinksPerTask is the service's limit on links in one import request (docs/API.md §6.1).
const MaxLinksPerTask = 50

// Title is the platform's display name, for messages shown to people.
func (p Platform) Title() string {
	switch p {
	case TikTok:
		return "TikTok"
	case YouTube:
		return "YouTube"
	case Instagram:
		return "Instagram"
	}
	return string(p)
}

// Link is one recognised post link. Canonical is what is sent to the service; ID identifies the
// post on its platform, so different spellings of one post are caught as duplicates.
type Link struct {
	Line      int      `json:"line"`
	Raw       string   `json:"raw"`
	Canonical string   `json:"canonical"`
	Platform  Platform `json:"platform"`
	ID        string   `json:"id"`
}

// Problem is input that could not be used, with a reason a person can act on.
type Problem struct {
	Line   int    `json:"line"`
	Raw    string `json:"raw"`
	Reason string `json:"reason"`
}

// Task is one import request's worth of links: a single platform, at most MaxLinksPerTask.
type Task struct {
	Platform Platform `json:"platform"`
	Links    []string `json:"links"`
}

// Plan is the outcome of reading pasted text: what will be imported, what was repeated, what
// was rejected and why, and the tasks to send. Lines counts the input lines read.
type Plan struct {
	Lines      int       `json:"lines"`
	Links      []Link    `json:"links"`
	Duplicates []Link    `json:"duplicates"`
	Problems   []Problem `json:"problems"`
	Tasks      []Task    `json:"tasks"`
}
