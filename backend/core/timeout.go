package core

import (
	"memories-desktop/backend/i18n"
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
		return api.ResponseTimeout, nil, &ConfigError{i18n.T("config.timeout", i18n.Args{"Env": api.ResponseTimeoutEnv})}
	}
	if d == api.ResponseTimeout {
		return d, nil, nil
	}
	return d, api.NewHTTPClientTimeout(d), nil
}
