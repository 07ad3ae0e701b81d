//go:build !linux || e2e || bindings || !(production || dev)

package main

// guardNavigation is a no-op where the web view is not WebKitGTK (and in test builds).
func guardNavigation() {}
