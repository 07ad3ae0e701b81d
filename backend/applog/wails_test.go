package applog

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// brokenBoundMethod stands for a bound method with a bug.
func brokenBoundMethod() { var m map[string]int; m["x"]++ }

// dispatch mirrors how Wails' dispatcher calls a bound method (internal/frontend/dispatcher,
// ProcessMessage): recover in a deferred function that reports to the app's logger.
func dispatch(log Wails, call func()) {
	defer func() {
		if e := recover(); e != nil {
			log.Error(fmt.Sprintf("process message error: C{...} -> %v", e))
		}
	}()
	call()
}

func TestPanicWailsRecoveredIsLoggedWithItsStack(t *testing.T) {
	openTemp(t, 0)
	dispatch(Wails{}, brokenBoundMethod)
	b, _ := os.ReadFile(Path())
	for _, want := range []string{"assignment to entry in nil map", "from=wails", ".brokenBoundMethod()", "wails_test.go"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("log lacks %q:\n%s", want, b)
		}
	}
}
