package notify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

const (
	busName   = "org.freedesktop.Notifications"
	busPath   = dbus.ObjectPath("/org/freedesktop/Notifications")
	callLimit = 5 * time.Second // a server that does not answer does not hold a watch up
)

// New returns a sender over the session bus. It connects on the first Send (and again after the
// bus went away), never starting a bus of its own: without DBUS_SESSION_BUS_ADDRESS or the
// per-user bus socket, Send says ErrUnavailable.
func New() Sender { return &dbusSender{} }

type dbusSender struct {
	mu     sync.Mutex
	conn   *dbus.Conn
	markup bool // the server reads the body as markup, so text is escaped
}

func (d *dbusSender) Send(m Message) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn == nil {
		if err := d.connect(); err != nil {
			return err
		}
	}
	body := m.Body
	if d.markup {
		body = escaper.Replace(body)
	}
	urgency := byte(1)
	if m.Urgent {
		urgency = 2
	}
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(urgency),
		"desktop-entry": dbus.MakeVariant("memories-desktop")}
	ctx, cancel := context.WithTimeout(context.Background(), callLimit)
	defer cancel()
	call := d.conn.Object(busName, busPath).CallWithContext(ctx, busName+".Notify", 0,
		AppName, uint32(0), "memories-desktop", m.Summary, body, []string{}, hints, int32(-1))
	if call.Err != nil {
		d.conn.Close() // a bus that went away is found again on the next Send
		d.conn = nil
		return fmt.Errorf("desktop notification: %w", call.Err)
	}
	return nil
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func (d *dbusSender) connect() error {
	addr := sessionBusAddress()
	if addr == "" {
		return fmt.Errorf("%w (no D-Bus session bus)", ErrUnavailable)
	}
	conn, err := dbus.Connect(addr)
	if err != nil {
		return fmt.Errorf("desktop notification: %w", err)
	}
	var caps []string
	ctx, cancel := context.WithTimeout(context.Background(), callLimit)
	defer cancel()
	if err := conn.Object(busName, busPath).CallWithContext(ctx, busName+".GetCapabilities", 0).Store(&caps); err != nil {
		conn.Close()
		return fmt.Errorf("%w (%v)", ErrUnavailable, err)
	}
	d.conn, d.markup = conn, slices.Contains(caps, "body-markup")
	return nil
}

// sessionBusAddress is the session bus the desktop runs: the environment's, else the per-user
// socket; "" when there is none (a bus is never launched for a notification).
func sessionBusAddress() string {
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" {
		return addr
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
			return "unix:path=" + filepath.Join(dir, "bus")
		}
	}
	return ""
}

func (d *dbusSender) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.conn == nil {
		return nil
	}
	err := d.conn.Close()
	d.conn = nil
	return err
}
