package sandbox

import (
	"encoding/json"
	"net"
	"net/http"
)

// The control surface under /_sandbox/ lets black-box tests and the CLI switch faults and read
// counters. It needs no key but only answers loopback clients.

// handleGetFaults serves GET /_sandbox/faults.
func (s *Server) handleGetFaults(w http.ResponseWriter, c *call) {
	if s.refuseRemote(w, c) {
		return
	}
	writeJSON(w, http.StatusOK, s.Faults())
}

// handlePutFaults serves PUT /_sandbox/faults: the body replaces all faults and restarts counters.
func (s *Server) handlePutFaults(w http.ResponseWriter, c *call) {
	if s.refuseRemote(w, c) {
		return
	}
	var f Faults
	if err := json.NewDecoder(http.MaxBytesReader(w, c.r.Body, maxJSONBody)).Decode(&f); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid faults JSON: " + err.Error()})
		return
	}
	s.SetFaults(f)
	writeJSON(w, http.StatusOK, s.Faults())
}

// handleStats serves GET /_sandbox/stats.
func (s *Server) handleStats(w http.ResponseWriter, c *call) {
	if s.refuseRemote(w, c) {
		return
	}
	writeJSON(w, http.StatusOK, s.Stats())
}

// refuseRemote answers 403 to clients that are not on the loopback interface.
func (s *Server) refuseRemote(w http.ResponseWriter, c *call) bool {
	host, _, err := net.SplitHostPort(c.r.RemoteAddr)
	if ip := net.ParseIP(host); err == nil && ip != nil && ip.IsLoopback() {
		return false
	}
	writeSpring(w, c.r, http.StatusForbidden)
	return true
}
