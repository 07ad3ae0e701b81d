//go:build !race

package api

import "testing"

// The race detector makes a 1 GiB copy too slow for the package's time budget; the 64 MiB
// variant in upload_memory_test.go covers the same path under -race.
func TestUploadStreams1GiB(t *testing.T) { testUploadMemory(t, 1<<30) }
