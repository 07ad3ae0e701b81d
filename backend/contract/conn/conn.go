// Package conn names the connection states of core.Status.Connection, derived from what
// requests actually did. It is its own package because Wails v2.11 writes the enums of one Go
// package in map order (see backend/contract).
package conn

// State is the TypeScript enum's type; Go code uses the untyped constants below.
type State string

// Connection states shown in the status bar.
const (
	Checking    = "checking"     // a key is set but no request has answered yet
	Connected   = "connected"    // the last request was answered; LastOK says when
	Rejected    = "rejected"     // the service refused the key (0401, 0403, 9009)
	Unreachable = "unreachable"  // no answer, a server error, or not the memories.ai API
	RateLimited = "rate-limited" // 0429: RetryAt says when requests are let through again
)

// All lists every state with its TypeScript name, in the shape Wails' EnumBind expects.
var All = []struct {
	Value  State
	TSName string
}{
	{Checking, "Checking"}, {Connected, "Connected"}, {Rejected, "Rejected"},
	{Unreachable, "Unreachable"}, {RateLimited, "RateLimited"},
}
