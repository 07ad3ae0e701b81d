package notify

import (
	"errors"
	"testing"
	"time"

	"memories-desktop/backend/notify/notifytest"
)

// A server that reads markup gets the text escaped; one that does not gets it as it is.
func TestSendEscapesOnlyForMarkup(t *testing.T) {
	for _, tc := range []struct {
		caps []string
		want string
	}{{[]string{"body", "body-markup"}, "a &amp; &lt;b&gt;.mp4"}, {[]string{"body"}, "a & <b>.mp4"}} {
		srv := notifytest.Serve(t, notifytest.StartBus(t), tc.caps...)
		s := New()
		if err := s.Send(Message{Summary: "cam: 1 upload failed", Body: "a & <b>.mp4", Urgent: true}); err != nil {
			t.Fatal(err)
		}
		s.Close()
		got := srv.Wait(t, 1, 5*time.Second)
		if len(got) != 1 || got[0].Body != tc.want || got[0].Summary != "cam: 1 upload failed" || got[0].Urgency != 2 {
			t.Fatalf("caps %v: got %+v, want body %q", tc.caps, got, tc.want)
		}
	}
}

// Without a session bus nothing is launched: Send says notifications are unavailable.
func TestSendWithoutABus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	if err := New().Send(Message{Summary: "x"}); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("got %v, want ErrUnavailable", err)
	}
	notifytest.StartBus(t) // a bus, but nobody serving notifications there
	if err := New().Send(Message{Summary: "x"}); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("got %v, want ErrUnavailable", err)
	}
}
