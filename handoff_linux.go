//go:build linux

package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2/pkg/options"
)

// handOff gives this launch's arguments to a window already running on the same data folder,
// through the D-Bus object Wails' single-instance lock exports there (the same name, path and
// message), and reports whether it was taken. Wails does the same inside Run but then exits
// with status 1, although the hand-off succeeded; doing it first lets a successful second
// launch exit 0. Without a session bus, or with no window running, it does nothing and the
// launch goes on as usual.
func handOff(uniqueID string) bool {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	id := "wails_app_" + strings.NewReplacer("-", "_", ".", "_").Replace(uniqueID)
	name, path := "org."+id+".SingleInstance", dbus.ObjectPath("/org/"+id+"/SingleInstance")
	var owned bool
	if conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&owned) != nil || !owned {
		return false
	}
	data := options.SecondInstanceData{Args: os.Args[1:]}
	if data.WorkingDirectory, err = os.Getwd(); err != nil {
		return false
	}
	msg, err := json.Marshal(data)
	if err != nil {
		return false
	}
	// A window that does not answer (stopped, hung) must not hang this launch: it goes on instead
	// and the data folder's lock explains what holds it.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return conn.Object(name, path).CallWithContext(ctx, name+".SendMessage", 0, string(msg)).Err == nil
}
