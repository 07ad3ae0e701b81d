package store

import (
	"encoding/binary"
)

// total fills top with the page and returns how many videos match. A query without filters
// takes the scope's kept count (video_count.go) and, sorted by time, walks only as far as the
// page reaches; filtered queries, or a damaged count, still count every row of the range.
func (p *videoPlan) total(tx txn, top *topN) int {
	c := tx.Bucket(bucketVideoByTime).Cursor()
	n, ok := keptVideoCount(tx, p.scope)
	if !ok || !p.unfiltered() {
		return p.scan(c, top)
	}
	if p.order.byTime {
		p.early = true
		p.skipToCursor()
	}
	p.scan(c, top)
	return n
}

// unfiltered reports whether every row of the scope matches.
func (p *videoPlan) unfiltered() bool {
	return !p.ranged && p.status == nil && p.tag == nil && p.text == nil
}

// skipToCursor narrows the range to the rows at or past the cursor's time, so a later page
// does not walk the pages before it. Only valid when the count does not come from the walk.
func (p *videoPlan) skipToCursor() {
	if len(p.after) < 8 {
		return
	}
	sortTime := binary.BigEndian.Uint64(p.after)
	prefix := scopePrefix(p.scope)
	if p.order.reverse { // newest first: the sort key holds ^created
		p.hi = binary.BigEndian.AppendUint64(prefix, ^sortTime+1)
		return
	}
	p.lo = binary.BigEndian.AppendUint64(prefix, sortTime)
}
