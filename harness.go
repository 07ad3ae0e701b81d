//go:build e2e

// The browser test harness: the real App and backend (in sandbox mode) behind a loopback HTTP
// server that plays the part of the Wails bridge, so Playwright can drive the real frontend in
// Chromium. Dialogs are stubbed at the Go interface (core.Dialogs); nothing in the UI is mocked.
// Build: go build -tags e2e -o build/bin/memories-e2e .
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address")
	dist := flag.String("dist", "frontend/dist", "built frontend")
	flag.Parse()
	os.Setenv("MEMORIES_SANDBOX", "1")
	os.Setenv("MEMORIES_RATE_LIMITS", "off")
	dataDir := os.Getenv("MEMORIES_DATA_DIR")
	if dataDir == "" {
		log.Fatal("set MEMORIES_DATA_DIR to a temporary folder")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	h := newHarness(NewApp(dataDir), *dist)
	if err := h.app.boot(ctx); err != nil {
		log.Fatal(err)
	}
	defer h.app.shutdown(ctx)
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("{\"url\":\"http://%s\"}\n", l.Addr())
	srv := &http.Server{Handler: h}
	go srv.Serve(l)
	<-ctx.Done()
	srv.Close()
}
