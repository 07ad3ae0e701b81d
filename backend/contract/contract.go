// Package contract is the bottom of the package picture and the one place to read what crosses
// between the engine and its front ends (the app's bound methods and events, the CLI): the types
// they take, return and carry, declared here and used under these names everywhere (core,
// transfer, store, api… import contract; contract imports none of them), and the closed sets of
// names the UI switches on (the enum subpackages).
//
// The names are bound with Wails' EnumBind (main.go), so `wails generate module` writes them
// into frontend/wailsjs/go/models.ts as TypeScript enums and scripts/check-bindings.sh keeps
// Go and TypeScript equal. The frontend imports them from src/lib/bridge/contract.ts:
//
//	events.Name       backend/events          event names (payloads below)
//	errcode.Code      contract/errcode        ErrorInfo.Code and a failed job's Error.Code
//	jobkind.JobKind   contract/jobkind        JobView.Kind
//	jobstate.JobState contract/jobstate       JobView.State
//	mode.Mode         contract/mode           Status.Mode
//	conn.State        contract/conn           Status.Connection
//	choice.Choice     contract/choice         what to do with taken download names
//
// Each enum has a package of its own because Wails v2.11 writes the enums of one Go package in
// map order, so two in one package would make the generated file differ from run to run.
package contract

import (
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/contract/conn"
	"memories-desktop/backend/contract/errcode"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/contract/mode"
	"memories-desktop/backend/events"
)

// Enums is what main.go hands to options.App.EnumBind.
func Enums() []any {
	return []any{events.Names, errcode.All, jobkind.All, jobstate.All, mode.All, conn.All, choice.All}
}
