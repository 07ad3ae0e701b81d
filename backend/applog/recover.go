package applog

import (
	"fmt"
	"log/slog"
	"runtime/debug"
)

// PanicError is a recovered panic: a bug, reported to people as one, with its stack in the log.
type PanicError struct{ Value any }

func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error: %v (a bug in Memories Desktop)", e.Value)
}

// Recovered logs a panic value caught by recover() in where, with the goroutine's stack, and
// returns it as an error. Call it from the deferred function that recovered.
func Recovered(where string, value any) error {
	slog.Error("recovered from a panic", "where", where, "panic", fmt.Sprint(value), "stack", string(debug.Stack()))
	return &PanicError{Value: value}
}

// Guard runs f and turns a panic in it into a logged PanicError, so one bug in a goroutine does
// not take the whole app down.
func Guard(where string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = Recovered(where, r)
		}
	}()
	return f()
}
