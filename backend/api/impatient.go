package api

import "context"

type impatientKey struct{}

// Impatient marks ctx as a person waiting on the answer (a Refresh click, a connection test):
// the gate lets its request through a back-off left by network failures and server errors (one
// request per click is no flood), never past a rate limit, and the client does not repeat it
// after such a failure. An outage is then reported at once instead of after the back-off.
func Impatient(ctx context.Context) context.Context {
	return context.WithValue(ctx, impatientKey{}, true)
}

// IsImpatient tells whether ctx was marked by Impatient.
func IsImpatient(ctx context.Context) bool {
	v, _ := ctx.Value(impatientKey{}).(bool)
	return v
}
