package main

import (
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"

	"memories-desktop/backend/core"
)

// settle is deferred first in every bound method (TestBoundMethodsSettle checks): a panic there
// becomes a core.ErrBug the page's promise rejects with, and the panic and its stack go to the
// log. Without it, Wails v2.11 recovers the panic in its dispatcher and answers the page with an
// empty message that names no call, so the promise never settles and the UI waits forever.
func settle(err *error) {
	p := recover()
	if p == nil {
		return
	}
	stack := debug.Stack()
	slog.Error("bound method panicked", "panic", fmt.Sprint(p), "stack", string(stack))
	fmt.Fprintf(os.Stderr, "memories-desktop: internal error: %v\n%s", p, stack)
	*err = fmt.Errorf("%w: %v", core.ErrBug, p)
}
