package contract

// Connection is the outcome of TestConnection, for people. Tested says what was tried: the
// sandbox, or the endpoint and the masked key. State is what the status bar would show for the
// same answer (Conn…), Headline names the outcome in two or three words ("Key rejected"), and
// RetryAt (Unix ms) is when a rate limit should be over.
type Connection struct {
	OK       bool       `json:"ok"`
	Mode     string     `json:"mode"`
	Tested   string     `json:"tested"`
	State    string     `json:"state"`
	Headline string     `json:"headline"`
	Message  string     `json:"message"`
	RetryAt  int64      `json:"retryAt"`
	Error    *ErrorInfo `json:"error,omitempty"`
}

// Status is what the status bar shows.
type Status struct {
	Mode    string `json:"mode"`
	Scope   string `json:"scope"`
	BaseURL string `json:"baseUrl"`
	DataDir string `json:"dataDir"`
	// SandboxForced is set when MEMORIES_SANDBOX=1 overrides the setting, so Settings can say so.
	SandboxForced bool `json:"sandboxForced"`
	// Profile names the active profile ("sandbox" or the API base URL); when it changes the UI
	// reloads the queue, library and history, which belong to one profile each.
	Profile string `json:"profile"`
	// Connection is what the latest request of this profile showed (Conn…); empty without a key.
	Connection       string `json:"connection"`
	ConnectionDetail string `json:"connectionDetail"` // why, for rejected / unreachable / rate-limited
	LastOK           int64  `json:"lastOk"`           // unix ms of the last answered request, 0 if none
	RetryAt          int64  `json:"retryAt"`          // unix ms when rate limiting should be over
}

// PrivateBusEnv holds the address of the private bus the app starts for itself when there is no
// session bus (see the app's sessionbus_linux.go): a keychain is not found on it.
const PrivateBusEnv = "MEMORIES_PRIVATE_SESSION_BUS"
