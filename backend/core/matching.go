package core

import (
	"fmt"

	"memories-desktop/backend/contract"
)

// ErrSelectionChanged refuses a bulk action when the filter no longer matches the number of
// videos the person selected: acting anyway would touch videos they never saw counted.
var ErrSelectionChanged = fmt.Errorf("the library changed since the selection was made")

// matchPage is how many cached rows one read takes while collecting a selection.
const matchPage = 1000

// SelectedVideos resolves a Selection against the cache into video numbers, in list order.
func (c *Service) SelectedVideos(s contract.Selection) ([]string, error) {
	skip := make(map[string]bool, len(s.Except))
	for _, no := range s.Except {
		skip[no] = true
	}
	q := s.Query
	q.Limit, q.Cursor = matchPage, ""
	var nos []string
	for {
		page, err := c.cachedVideos(q)
		if err != nil {
			return nil, err
		}
		nos = appendKept(nos, page.Videos, skip)
		if q.Cursor = page.NextCursor; q.Cursor == "" {
			break
		}
	}
	if len(nos) != s.Expect {
		return nil, fmt.Errorf("%w: %d videos match now, %d were selected; select them again", ErrSelectionChanged, len(nos), s.Expect)
	}
	return nos, nil
}

func appendKept(nos []string, videos []contract.CachedVideo, skip map[string]bool) []string {
	for _, v := range videos {
		if !skip[v.VideoNo] {
			nos = append(nos, v.VideoNo)
		}
	}
	return nos
}
