package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"memories-desktop/backend/contract"

	bolt "go.etcd.io/bbolt"
)

// VideoQuery selects a page of one scope's cached videos. Empty fields do not filter.
type VideoQuery struct {
	Scope  string
	Status string // exact server status, e.g. PARSE
	Tag    string
	Text   string // case-insensitive substring of the name or video number
	After  int64  // created ms lower bound (inclusive); 0 leaves it open
	Before int64  // created ms upper bound (exclusive); 0 leaves it open
	Sort   string // SortCreatedDesc (default), SortCreatedAsc, SortName or SortSizeDesc
	Cursor string // opaque: the previous page's NextCursor; "" for the first page
	Limit  int    // default 50, at most 1000
}

// Videos answers a library query by scanning the scope's compact time index (only the created
// range asked for) and decoding just the videos of the page. Without filters the total is the
// scope's kept count and a page sorted by time reads only its own rows (video_page.go).
func (db *DB) Videos(q VideoQuery) (contract.VideoPage, error) {
	page := contract.VideoPage{Videos: []contract.CachedVideo{}}
	p, err := newVideoPlan(q)
	if err != nil {
		return page, err
	}
	err = db.view(func(tx txn) error {
		top := newTopN(p.limit + 1)
		page.Total = p.total(tx, top)
		items := top.sorted()
		if len(items) > p.limit {
			items = items[:p.limit]
			page.NextCursor = encodeCursor(append([]byte{p.order.code}, items[p.limit-1].key...))
		}
		page.Videos, err = p.load(tx.Bucket(bucketVideos), items)
		return err
	})
	return page, err
}

// videoPlan is a VideoQuery compiled into a key range, a sort order and byte filters.
type videoPlan struct {
	scope             string
	prefixLen         int
	lo, hi            []byte // time-index keys: lo inclusive, hi exclusive
	order             videoOrder
	after             []byte // sort key of the last row already shown; nil for the first page
	limit             int
	status, tag, text []byte
	ranged            bool // a created bound was given
	early             bool // stop the scan when the page is complete (see video_page.go)
}

func newVideoPlan(q VideoQuery) (*videoPlan, error) {
	if err := checkKeyPart("scope", q.Scope); err != nil {
		return nil, err
	}
	order, ok := videoOrders[q.Sort]
	if q.Sort == "" {
		order, ok = videoOrders[SortCreatedDesc], true
	}
	if !ok {
		return nil, fmt.Errorf("%w: unknown sort %q", ErrInvalid, q.Sort)
	}
	p := &videoPlan{scope: q.Scope, order: order, limit: pageLimit(q.Limit),
		tag: tagNeedle(q.Tag), text: textNeedle(q.Text)}
	if q.Status != "" {
		p.status = []byte(q.Status)
	}
	p.setRange(q.After, q.Before)
	return p, p.setCursor(q.Cursor)
}

// setRange turns the created bounds into time-index keys within the scope.
func (p *videoPlan) setRange(after, before int64) {
	prefix := scopePrefix(p.scope)
	p.prefixLen = len(prefix)
	p.lo = binary.BigEndian.AppendUint64(bytes.Clone(prefix), uint64(max(after, 0)))
	p.hi = append([]byte(p.scope), 1) // just past every key of the scope
	p.ranged = after > 0 || before > 0
	if before > 0 {
		p.hi = binary.BigEndian.AppendUint64(bytes.Clone(prefix), uint64(before))
	}
}

// setCursor decodes a cursor and checks it was made under the same sort order.
func (p *videoPlan) setCursor(s string) error {
	if s == "" {
		return nil
	}
	raw, err := decodeCursor(s)
	if err != nil {
		return err
	}
	if len(raw) < 2 || raw[0] != p.order.code {
		return fmt.Errorf("%w: cursor belongs to another sort order", ErrInvalid)
	}
	p.after = raw[1:]
	return nil
}

// scan walks the range, counts every match and offers those past the cursor to top. With
// p.early it stops once no later row can reach the page, and the count is partial.
func (p *videoPlan) scan(c *bolt.Cursor, top *topN) int {
	total := 0
	var buf []byte
	for k, v := p.first(c); p.inRange(k); k, v = p.step(c) {
		s, ok := decodeVideoSummary(v)
		if !ok || !p.match(s) {
			continue
		}
		total++
		created := int64(binary.BigEndian.Uint64(k[p.prefixLen:]))
		no := k[p.prefixLen+8:]
		buf = p.order.key(buf[:0], created, s, no)
		if p.after == nil || bytes.Compare(buf, p.after) > 0 {
			top.offer(buf, no)
		}
		if p.early && top.beyond(buf) {
			break
		}
	}
	return total
}

func (p *videoPlan) first(c *bolt.Cursor) ([]byte, []byte) {
	if p.order.reverse {
		return seekBefore(c, p.hi)
	}
	return c.Seek(p.lo)
}

func (p *videoPlan) step(c *bolt.Cursor) ([]byte, []byte) {
	if p.order.reverse {
		return c.Prev()
	}
	return c.Next()
}

func (p *videoPlan) inRange(k []byte) bool {
	return k != nil && bytes.Compare(k, p.lo) >= 0 && bytes.Compare(k, p.hi) < 0
}

// match reports whether a summary row passes the status, tag and text filters.
func (p *videoPlan) match(s videoSummary) bool {
	if p.status != nil && !bytes.Equal(p.status, s.status) {
		return false
	}
	if p.text != nil && !bytes.Contains(s.nameLower, p.text) && !bytes.Contains(s.videoLower, p.text) {
		return false
	}
	return hasTag(s.tags, p.tag)
}

// load decodes the videos of the page, in page order.
func (p *videoPlan) load(b *bolt.Bucket, items []topItem) ([]contract.CachedVideo, error) {
	vs := make([]contract.CachedVideo, 0, len(items))
	for _, it := range items {
		v, err := decodeVideo(b, p.scope, string(it.no))
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, nil
}
