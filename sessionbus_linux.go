//go:build linux && !bindings

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// ownSessionBus gives the app a private D-Bus session bus when it was started without one (a
// plain X session, ssh -X, a container) and returns what stops it.
//
// Without a session bus, GTK and Wails' single-instance lock "autolaunch" one with dbus-launch.
// That dbus-daemon, and the at-spi-bus-launcher it starts for GTK's accessibility bridge, belong
// to the X display, not to the app: they kept running after the app quit. A bus of our own is
// our child instead: it is stopped when the app ends (and the kernel stops it should the app
// die first), and at-spi-bus-launcher, which it starts on demand, quits with it. Accessibility
// keeps working meanwhile: the launcher still publishes the accessibility bus on the display
// (the AT_SPI_BUS root-window property) for screen readers. With a session bus, nothing changes.
//
// shared reports whether the app runs on a session bus other processes share: only there does
// Wails' single-instance lock find a window already open (DBUS_SESSION_BUS_ADDRESS=disabled:
// turns the bus off).
func ownSessionBus() (stop func(), shared bool) {
	noop := func() {}
	if core.SessionBusAvailable() {
		return noop, os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "disabled:"
	}
	bin, err := exec.LookPath("dbus-daemon")
	if err != nil {
		return noop, false // then there is no dbus-launch to autolaunch one either
	}
	r, w, err := os.Pipe()
	if err != nil {
		return noop, false
	}
	defer r.Close()
	cmd := exec.Command(bin, "--session", "--nofork", "--nopidfile", "--print-address=3")
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM, Setpgid: true}
	err = cmd.Start()
	w.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop: no D-Bus session, and starting one failed:", err)
		return noop, false
	}
	stop = func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		addr <- strings.TrimSpace(line)
	}()
	select {
	case a := <-addr:
		if a != "" {
			os.Setenv("DBUS_SESSION_BUS_ADDRESS", a)
			os.Setenv(contract.PrivateBusEnv, a)
			return stop, false
		}
	case <-time.After(5 * time.Second):
	}
	fmt.Fprintln(os.Stderr, "memories-desktop: no D-Bus session, and the one started gave no address")
	stop()
	return noop, false
}
