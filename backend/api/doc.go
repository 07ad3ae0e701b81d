// Package api is the HTTP client for the memories.ai video API (Visual Search v1 on
// api.memories.ai, plus asset downloads from the v2 host).
//
// Every call takes a context, streams request and response bodies, and reports failures as
// typed errors: *Error for answers from the service (match them with errors.Is against the
// Err… sentinels), *ValidationError for input rejected before anything is sent, and network
// failures that match ErrNetwork. The API key travels only in the Authorization header and is
// redacted from every error the package returns.
//
// All requests are built by one function (Client.newRequest) and all answers are classified by
// one function (Client.classify), so behaviour such as authentication, redaction and error
// mapping cannot drift between endpoints.
package api
