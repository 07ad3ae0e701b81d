// Package notifytest runs a real notification server for tests: a private dbus-daemon session
// bus and a process-local server owning org.freedesktop.Notifications on it, which records
// every Notify call.
package notifytest

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// StartBus starts a private session bus, points DBUS_SESSION_BUS_ADDRESS at it for the test
// and returns its address. It is stopped when the test ends.
func StartBus(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Fatal("dbus-daemon is missing; run scripts/ensure-deps.sh")
	}
	cmd := exec.Command(bin, "--session", "--nofork", "--nopidfile", "--print-address=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	addr := strings.TrimSpace(line)
	if err != nil || addr == "" {
		t.Fatalf("dbus-daemon gave no address: %v", err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	started.Store(addr)
	return addr
}

// NoDesktop keeps the test's notifications off the desktop it runs on: unless StartBus gave it
// a bus of its own, no session bus is found.
func NoDesktop(t testing.TB) {
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" && addr == started.Load() {
		return
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
}

var started atomic.Value // the address of the bus StartBus started last

// Note is one Notify call the server received.
type Note struct {
	App, Summary, Body string
	Urgency            byte
}

// Server owns org.freedesktop.Notifications on a bus and records what it is asked to show.
type Server struct {
	mu    sync.Mutex
	notes []Note
	caps  []string
}

// Serve connects to the bus at addr and serves notifications there until the test ends.
// caps are the capabilities it announces (e.g. "body", "body-markup").
func Serve(t testing.TB, addr string, caps ...string) *Server {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	s := &Server{caps: caps}
	if err := conn.Export(server{s}, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own org.freedesktop.Notifications: %v (%v)", reply, err)
	}
	return s
}

// Notes are the notifications received so far.
func (s *Server) Notes() []Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Note(nil), s.notes...)
}

// Wait waits up to limit for at least n notifications and returns all received.
func (s *Server) Wait(t testing.TB, n int, limit time.Duration) []Note {
	t.Helper()
	for deadline := time.Now().Add(limit); ; time.Sleep(20 * time.Millisecond) {
		if got := s.Notes(); len(got) >= n {
			return got
		} else if time.Now().After(deadline) {
			t.Fatalf("%d notification(s) within %v, want %d: %+v", len(got), limit, n, got)
		}
	}
}

// server is the exported D-Bus object (its exported methods are the interface's).
type server struct{ s *Server }

func (v server) Notify(app string, replaces uint32, icon, summary, body string, actions []string,
	hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	n := Note{App: app, Summary: summary, Body: body}
	if u, ok := hints["urgency"].Value().(byte); ok {
		n.Urgency = u
	}
	v.s.mu.Lock()
	defer v.s.mu.Unlock()
	v.s.notes = append(v.s.notes, n)
	return uint32(len(v.s.notes)), nil
}

func (v server) GetCapabilities() ([]string, *dbus.Error) { return v.s.caps, nil }

func (v server) GetServerInformation() (string, string, string, string, *dbus.Error) {
	return "notifytest", "memories-desktop", "1", "1.2", nil
}

func (v server) CloseNotification(id uint32) *dbus.Error { return nil }
