//go:build !linux

package notify

// New returns a sender that says ErrUnavailable: notifications on Windows (toast) and macOS
// (the User Notifications framework) need code this build does not have (docs/WATCH.md).
func New() Sender { return none{} }

type none struct{}

func (none) Send(Message) error { return ErrUnavailable }
func (none) Close() error       { return nil }
