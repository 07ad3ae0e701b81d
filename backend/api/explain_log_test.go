package api

import (
	"errors"
	"log/slog"
	"strings"
	"testing"

	"memories-desktop/backend/applog"
)

func TestReportHintsNameTheLogFile(t *testing.T) {
	unexpected := &Error{Op: "list_videos", HTTPStatus: 200, Message: "odd", kind: ErrUnexpected}
	unknown := errors.New("something new")
	for _, err := range []error{unexpected, unknown} {
		if _, next := Explain(err); !strings.HasSuffix(next, "report it with the log (Settings → Open log folder).") {
			t.Fatalf("without a log file: %q", next)
		}
	}
	closer, err := applog.Open(t.TempDir(), "memories", slog.LevelInfo, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func(old *slog.Logger) { closer.Close(); slog.SetDefault(old) }(slog.Default())
	for _, err := range []error{unexpected, unknown} {
		if _, next := Explain(err); !strings.Contains(next, "report it with the log ("+applog.Path()+").") {
			t.Fatalf("with a log file: %q", next)
		}
	}
	if _, next := Explain(&Error{Op: "upload", kind: ErrUnauthorized}); strings.Contains(next, "log") {
		t.Fatalf("a bad key is not a bug to report: %q", next)
	}
}
