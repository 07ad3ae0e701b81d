package core

import (
	"net/http"
	"time"

	"memories-desktop/backend/api"
)

// responseTimeout reads MEMORIES_RESPONSE_TIMEOUT (the e2e tests shorten it): both how long a
// request waits for its answer and how long a resumed upload waits for an earlier attempt that
// may still arrive. The client is nil (the API client's shared default) unless the timeout was
// changed; then this Service's clients share one, so connections are still pooled. An invalid
// value is an error with the default timeout: the app ignores it, the CLI refuses it.
func responseTimeout(raw string) (time.Duration, *http.Client, error) {
	d, err := api.ParseResponseTimeout(raw)
	if err != nil {
		return api.ResponseTimeout, nil, &ConfigError{api.ResponseTimeoutEnv + " must be a duration from 1s to 1h, like 30s"}
	}
	if d == api.ResponseTimeout {
		return d, nil, nil
	}
	return d, api.NewHTTPClientTimeout(d), nil
}
