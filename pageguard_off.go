//go:build !navtest

package main

// bypassPageDropGuard exists only in the navtest build (see pageguard_navtest_linux.go).
func bypassPageDropGuard() {}

// nativeFileDrop: Wails' native file drop hands dropped paths to the page (OnFileDrop).
const nativeFileDrop = true
