package main

import (
	"fmt"
	"memories-desktop/backend/i18n"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// quitGrace bounds a signalled shutdown: long enough for the queue to record running jobs as
// interrupted and close the database, short enough that `kill` and Ctrl+C feel immediate.
const quitGrace = 10 * time.Second

// watchSignals makes SIGTERM and Ctrl+C (SIGINT) quit at once, without the quit question: quit
// starts the normal shutdown (jobs interrupted for resume); if that does not finish in time the
// process exits anyway, and the next start still finds the jobs and offers them.
//
// Wails installs its own handler for the same signals, which quits the window too: two quits
// then call gtk_main_quit from two goroutines at once, and GTK crashed on it (SIGSEGV, no job
// recorded as interrupted). Reset drops Wails' handler first; watchSignals runs from OnStartup,
// after Wails has installed it, so ours is the only one left.
func watchSignals(quit func()) {
	signal.Reset(syscall.SIGTERM, os.Interrupt)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, os.Interrupt)
	go func() {
		sig := <-ch
		fmt.Fprintln(os.Stderr, i18n.T("app.quitting", i18n.Args{"Signal": sig.String()}))
		time.AfterFunc(quitGrace, func() { os.Exit(0) })
		quit()
	}()
}
