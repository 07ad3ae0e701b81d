// Package version holds the application version, one value for the app, the CLI, the
// User-Agent and the packages. Builds set it with
// -ldflags "-X memories-desktop/backend/version.Version=1.2.3" (see scripts/version.sh).
package version

// Version is "dev" in builds that did not inject one (go run, go test).
var Version = "dev"
