package core

import (
	"context"
	"net"
	"testing"
	"time"

	"memories-desktop/backend/events"
)

// With the endpoint down, Refresh says so at once, every time: it does not sit on
// "Refreshing…" through the back-off that earlier failures left on the list calls.
func TestRefreshFailsFastWhenTheEndpointIsDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens here now
	c := startCore(t, Options{})
	useService(t, c, "http://"+addr, "sk-mavi-abcdefgh1234")
	for i := 1; i <= 4; i++ {
		start := time.Now()
		_, err := c.RefreshLibrary(context.Background(), events.Discard{})
		if took := time.Since(start); err == nil || took > time.Second {
			t.Fatalf("refresh %d: %v after %s; want an error within a second", i, err, took)
		}
		if info := Describe(err); info.Code != "unreachable" {
			t.Fatalf("refresh %d: %+v", i, info)
		}
	}
}
