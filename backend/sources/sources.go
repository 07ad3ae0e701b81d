// Package sources turns pasted TikTok, YouTube and Instagram links into canonical post links,
// drops duplicates and splits them into import tasks the service accepts (one platform, at most
// 50 links each), so a bulk paste never costs more imports than it needs.
package sources

import "memories-desktop/backend/contract"

// The platforms the import endpoint supports; the order of Platforms is the order of tasks.
const (
	TikTok    contract.Platform = "tiktok"
	YouTube   contract.Platform = "youtube"
	Instagram contract.Platform = "instagram"
)

// Platforms lists the supported platforms in the stable order used for tasks and summaries.
var Platforms = []contract.Platform{TikTok, YouTube, Instagram}

// MaxLinksPerTask is the service's limit on links in one import request (docs/API.md §6.1).
const MaxLinksPerTask = 50

// Plan is the outcome of reading pasted text: what will be imported, what was repeated, what
// was rejected and why, and the tasks to send. Lines counts the input lines read.
type Plan struct {
	Lines      int                    `json:"lines"`
	Links      []contract.Link        `json:"links"`
	Duplicates []contract.Link        `json:"duplicates"`
	Problems   []contract.LinkProblem `json:"problems"`
	Tasks      []contract.ImportTask  `json:"tasks"`
}

// Title is the platform's display name, for messages shown to people.
func Title(p contract.Platform) string {
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
