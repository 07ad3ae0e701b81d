package core

// Dialogs are the native file dialogs. The desktop app adapts Wails' runtime dialogs to this;
// tests substitute a stub at this seam. A cancelled dialog returns "" (or nil) and no error.
type Dialogs interface {
	ChooseFolder(title, startDir string) (string, error)
	ChooseFiles(title, startDir string) ([]string, error)
	SaveFile(title, startDir, suggestedName string) (string, error)
}
