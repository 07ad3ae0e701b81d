package api

import (
	"context"
	"errors"
)

// Observer hears the outcome of every request that reached, or tried to reach, the service: nil
// for a usable answer, else the error. Requests never sent (invalid input) and requests the
// caller cancelled are not reported: they say nothing about the connection.
type Observer func(err error)

// observe reports one outcome to the configured Observer.
func (c *Client) observe(ctx context.Context, err error) {
	if c.observer == nil || ctx.Err() != nil || errors.Is(err, ErrInvalidInput) {
		return
	}
	c.observer(err)
}
