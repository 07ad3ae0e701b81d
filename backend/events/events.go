// Package events names the events the backend sends to the UI and defines their payloads, so Go
// and TypeScript agree on one list: Names is bound with Wails' EnumBind, so the frontend reads
// the names from the generated events.Name enum instead of copying them.
package events

// Name is the TypeScript enum's type; Go code uses the untyped constants below, so an Emitter
// keeps taking a plain string.
type Name string

// Event names. Go never listens to these names, so no Go and JS listener share one.
const (
	StatusChanged = "status:changed" // payload: core.Status
	QuitRequested = "quit:requested" // payload: how many transfers run; the window asks Quit / Keep running
)

// Emitter sends an event to the UI. The desktop app adapts Wails' EventsEmit; the CLI prints.
type Emitter interface {
	Emit(name string, payload any)
}

// Discard is an Emitter that drops everything, for headless use.
type Discard struct{}

// Emit drops the event.
func (Discard) Emit(string, any) {}

// Transfer events. Progress is batched (about 4 per second, only jobs that moved); job events
// are sent at once on every state change.
const (
	TransferJob      = "transfer:job"      // payload: transfer.JobView
	TransferProgress = "transfer:progress" // payload: []progress.Progress
)

// LibraryChanged tells the library view to reload its page; payload: the scope.
const LibraryChanged = "library:changed"

// OpenPaths tells the window that files were handed to the app (a second launch, "Open with"):
// it fetches them with TakeOpenPaths. Payload: how many.
const OpenPaths = "app:open-paths"

// WatchChanged tells Settings → Watch folders that a watch's figures or state changed (at most
// a few times a second); payload: the watch's name. The view reads the list again.
const WatchChanged = "watch:changed"

// Names lists every event with its TypeScript name, in the shape Wails' EnumBind expects.
var Names = []struct {
	Value  Name
	TSName string
}{
	{StatusChanged, "StatusChanged"}, {QuitRequested, "QuitRequested"},
	{TransferJob, "TransferJob"}, {TransferProgress, "TransferProgress"},
	{LibraryChanged, "LibraryChanged"}, {OpenPaths, "OpenPaths"},
	{WatchChanged, "WatchChanged"},
}
