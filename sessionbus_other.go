//go:build !linux || bindings

package main

// ownSessionBus is needed on Linux only (see sessionbus_linux.go), and not while Wails
// generates the bindings. Elsewhere Wails' single-instance lock needs no D-Bus.
func ownSessionBus() (stop func(), shared bool) { return func() {}, true }
