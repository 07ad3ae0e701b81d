package watch

import (
	"context"
	"memories-desktop/backend/contract"
	"sync"
)

// tracker follows the jobs a watch queued and hands back each one that stopped. It waits on
// the oldest (jobs run roughly in order), so each change reads one or two records.
type tracker struct {
	mu   sync.Mutex
	ids  []uint64
	wake chan struct{}
}

func newTracker() *tracker { return &tracker{wake: make(chan struct{}, 1)} }

func (t *tracker) add(id uint64) {
	t.mu.Lock()
	t.ids = append(t.ids, id)
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

func (t *tracker) front() (uint64, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.ids) == 0 {
		return 0, false
	}
	return t.ids[0], true
}

func (t *tracker) pop() {
	t.mu.Lock()
	t.ids = t.ids[1:]
	t.mu.Unlock()
}

func (t *tracker) run(ctx context.Context, q Queue, out chan<- contract.Job) {
	for {
		id, ok := t.front()
		if !ok {
			select {
			case <-t.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		j, err := q.Wait(ctx, id)
		if ctx.Err() != nil {
			return
		}
		t.pop()
		if err != nil {
			continue // unreadable: looked at again at the next start
		}
		select {
		case out <- j:
		case <-ctx.Done():
			return
		}
	}
}
