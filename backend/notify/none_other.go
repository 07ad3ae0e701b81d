//go:build !linux && !windows && !darwin

package notify

// New returns a sender that says ErrUnavailable: this system has no notification service
// this build knows (docs/WATCH.md).
func New() Sender { return none{} }

type none struct{}

func (none) Send(Message) error { return ErrUnavailable }
func (none) Close() error       { return nil }
