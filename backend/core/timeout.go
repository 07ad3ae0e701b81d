package core

import (
	"net/http"
	"os"
	"sync"
	"time"

	"memories-desktop/backend/api"
)

// responseTimeout is api.ResponseTimeout unless MEMORIES_RESPONSE_TIMEOUT says otherwise (the
// e2e tests shorten it): both how long a request waits for its answer and how long a resumed
// upload waits for an earlier attempt that may still arrive. An invalid value is ignored.
func responseTimeout() time.Duration {
	d, err := api.ParseResponseTimeout(os.Getenv(api.ResponseTimeoutEnv))
	if err != nil {
		return api.ResponseTimeout
	}
	return d
}

// httpClient is nil (the API client's shared default) unless the timeout was changed; then one
// client with that timeout is shared, so connections are still pooled.
var httpClient = sync.OnceValue(func() *http.Client {
	if d := responseTimeout(); d != api.ResponseTimeout {
		return api.NewHTTPClientTimeout(d)
	}
	return nil
})
