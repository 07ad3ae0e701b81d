package store

import (
	"bytes"
	"container/heap"
	"slices"
)

// topN keeps the n smallest sort keys seen so far, so a page can be cut from a scan in any order
// without sorting every match. It is a max-heap: the root is the first key to give up.
type topN struct {
	items []topItem
	n     int
}

// topItem is a kept row: its sort key and video number, both copied out of bbolt memory.
type topItem struct{ key, no []byte }

func newTopN(n int) *topN { return &topN{items: make([]topItem, 0, n), n: n} }

// offer keeps (key, no) if it is among the n smallest so far; the arguments may be reused.
func (t *topN) offer(key, no []byte) {
	if len(t.items) < t.n {
		heap.Push(t, topItem{bytes.Clone(key), bytes.Clone(no)})
		return
	}
	if bytes.Compare(key, t.items[0].key) >= 0 {
		return
	}
	t.items[0] = topItem{bytes.Clone(key), bytes.Clone(no)}
	heap.Fix(t, 0)
}

// sorted returns the kept rows in ascending key order.
func (t *topN) sorted() []topItem {
	slices.SortFunc(t.items, func(a, b topItem) int { return bytes.Compare(a.key, b.key) })
	return t.items
}

// heap.Interface, for container/heap only.
func (t *topN) Len() int           { return len(t.items) }
func (t *topN) Less(i, j int) bool { return bytes.Compare(t.items[i].key, t.items[j].key) > 0 }
func (t *topN) Swap(i, j int)      { t.items[i], t.items[j] = t.items[j], t.items[i] }
func (t *topN) Push(x any)         { t.items = append(t.items, x.(topItem)) }
func (t *topN) Pop() any {
	last := t.items[len(t.items)-1]
	t.items = t.items[:len(t.items)-1]
	return last
}

// beyond reports, for orders that begin with an 8-byte time, that top is full and key's time
// is past that of every kept row: rows that follow key in the walk can no longer be kept.
func (t *topN) beyond(key []byte) bool {
	return len(t.items) == t.n && len(key) >= 8 && bytes.Compare(key[:8], t.items[0].key[:8]) > 0
}
