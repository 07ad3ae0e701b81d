package clocktest

import (
	"context"
	"errors"
	"testing"
	"time"
)

// recv returns what ch holds right now, failing the test if it holds nothing.
func recv(t *testing.T, ch <-chan time.Time) time.Time {
	t.Helper()
	select {
	case v := <-ch:
		return v
	default:
		t.Fatal("channel has not fired")
		return time.Time{}
	}
}

func empty(ch <-chan time.Time) bool {
	select {
	case <-ch:
		return false
	default:
		return true
	}
}

func TestFakeAfter(t *testing.T) {
	c := New(Epoch)
	late, early := c.After(3*time.Second), c.After(time.Second)
	c.Advance(999 * time.Millisecond)
	if !empty(early) || !empty(late) {
		t.Fatal("fired before its time")
	}
	c.Advance(time.Millisecond)
	if got := recv(t, early); !got.Equal(Epoch.Add(time.Second)) {
		t.Fatalf("early fired with %v", got)
	}
	c.Advance(5 * time.Second)
	if got := recv(t, late); !got.Equal(Epoch.Add(3 * time.Second)) {
		t.Fatalf("late fired with %v, want its due time", got)
	}
	if !c.Now().Equal(Epoch.Add(6 * time.Second)) {
		t.Fatalf("Now = %v", c.Now())
	}
}

func TestFakeAfterNonPositiveFiresAtOnce(t *testing.T) {
	c := New(Epoch)
	for _, d := range []time.Duration{0, -time.Second} {
		if got := recv(t, c.After(d)); !got.Equal(Epoch) {
			t.Fatalf("After(%v) fired with %v", d, got)
		}
	}
}

func TestFakeFiresInTimeOrder(t *testing.T) {
	c := New(Epoch)
	ticker := c.NewTicker(time.Second)
	after := c.After(1500 * time.Millisecond)
	c.Advance(time.Second)
	recv(t, ticker.C())
	c.Advance(time.Second) // fires the After at 1.5 s, then the tick at 2 s
	if got := recv(t, after); !got.Equal(Epoch.Add(1500 * time.Millisecond)) {
		t.Fatalf("After fired with %v", got)
	}
	if got := recv(t, ticker.C()); !got.Equal(Epoch.Add(2 * time.Second)) {
		t.Fatalf("tick fired with %v", got)
	}
}

func TestFakeTickerDropsUnreadTicksAndStops(t *testing.T) {
	c := New(Epoch)
	ticker := c.NewTicker(250 * time.Millisecond)
	c.Advance(time.Second)
	if got := recv(t, ticker.C()); !got.Equal(Epoch.Add(250 * time.Millisecond)) {
		t.Fatalf("kept tick %v, want the first (later ones dropped like time.Ticker)", got)
	}
	if !empty(ticker.C()) {
		t.Fatal("more than one tick buffered")
	}
	ticker.Stop()
	c.Advance(time.Second)
	if !empty(ticker.C()) {
		t.Fatal("stopped ticker fired")
	}
}

func TestFakeBlockUntil(t *testing.T) {
	c := New(Epoch)
	got := make(chan time.Time)
	for range 2 {
		go func() { got <- <-c.After(time.Minute) }()
	}
	c.BlockUntil(2) // both goroutines are waiting: the Advance cannot slip in before them
	c.Advance(time.Minute)
	for range 2 {
		if v := <-got; !v.Equal(Epoch.Add(time.Minute)) {
			t.Fatalf("woke with %v", v)
		}
	}
	ticker := c.NewTicker(time.Second)
	c.BlockUntil(1)
	ticker.Stop()
}

func TestFakeBlockUntilContextGivesUp(t *testing.T) {
	c := New(Epoch)
	c.After(time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	if err := c.BlockUntilContext(ctx, 2); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if err := c.BlockUntilContext(context.Background(), 1); err != nil {
		t.Fatalf("one timer is pending, yet: %v", err)
	}
}
