package transfer

import (
	"strings"
	"testing"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// A stored failure is worded in the reader's language from its ids; one stored before ids were
// kept, or with an id the catalogue has lost, shows its text as stored.
func TestWordJobError(t *testing.T) {
	de := i18n.New("de")
	old := &contract.JobError{Code: "no_credits", Message: "as stored"}
	if got := WordJobError(de, old); got.Message != "as stored" {
		t.Fatalf("a record without ids: %q", got.Message)
	}
	lost := &contract.JobError{Code: "x", Message: "as stored", Key: "error.noSuchMessage"}
	if got := WordJobError(de, lost); got.Message != "as stored" {
		t.Fatalf("an id the catalogue lacks: %q", got.Message)
	}
	local := &contract.JobError{Code: "disk_full", Message: "The disk is full (ENOSPC). Free some space on that disk, then retry.",
		Key: "localError.disk_full", NextKey: "local.diskFull", Params: map[string]string{"Detail": "ENOSPC"}}
	got := WordJobError(de, local)
	if !strings.HasPrefix(got.Message, "Der Datenträger ist voll (ENOSPC).") || got.Code != "disk_full" || got == local {
		t.Fatalf("German: %+v", got)
	}
	if local.Message != "The disk is full (ENOSPC). Free some space on that disk, then retry." {
		t.Fatalf("the record was changed: %q", local.Message)
	}
	bug := &contract.JobError{Key: "error.unclassified", NextKey: "next.tryAgainReport", Params: map[string]string{"Detail": "boom"}}
	if got := WordJobError(de, bug).Message; got != "Etwas ist schiefgelaufen (boom). Versuche es erneut; wenn es weiter fehlschlägt, melde es mit dem Protokoll (Einstellungen → Protokollordner öffnen)." {
		t.Fatalf("without a log file, its place in German: %q", got)
	}
}
