//go:build !linux

package main

// handOff is Linux-only: elsewhere Wails' own single-instance lock hands a second launch over.
func handOff(string) bool { return false }
