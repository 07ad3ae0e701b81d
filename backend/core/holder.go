package core

import (
	"fmt"
	"io"
	"memories-desktop/backend/i18n"
	"os"
	"path/filepath"
	"strconv"

	"memories-desktop/backend/safefile"
)

// holderFile names who holds the data folder's database, written once its lock is taken, so a
// process that finds the folder locked can say who has it: Memories Desktop or a memories
// command. It is removed when the holder closes.
const holderFile = "holder"

// claimHolder records this process as the database's holder.
func (c *Service) claimHolder(headless bool) {
	who := "app"
	if headless {
		who = "cli"
	}
	safefile.WriteFile(filepath.Join(c.dataDir, holderFile), fmt.Appendf(nil, "%s %d\n", who, os.Getpid()), 0o644)
}

// releaseHolder removes the record while it is still this process's.
func (c *Service) releaseHolder() {
	if _, pid := readHolder(c.dataDir); pid == os.Getpid() {
		os.Remove(filepath.Join(c.dataDir, holderFile))
	}
}

func readHolder(dataDir string) (who string, pid int) {
	f, err := os.Open(filepath.Join(dataDir, holderFile))
	if err != nil {
		return "", 0
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, 64))
	fmt.Sscanf(string(b), "%s %d", &who, &pid)
	return who, pid
}

// LockedMessage says who holds dataDir (found locked) and what to do, for Memories Desktop and
// the CLI alike.
func LockedMessage(dataDir string) string {
	who, pid := readHolder(dataDir)
	args := i18n.Args{"PID": strconv.Itoa(pid), "Dir": dataDir}
	switch who {
	case "cli":
		return i18n.T("locked.byCLI", args)
	case "app":
		return i18n.T("locked.byApp", args)
	}
	return i18n.T("locked.unknown", args)
}

// InUseError is a data folder held by another process: its text (LockedMessage) names the holder
// and says what to do, so no further advice is added to it. It matches ErrLocked.
type InUseError struct{ Dir string }

func (e *InUseError) Error() string { return LockedMessage(e.Dir) }
func (e *InUseError) Unwrap() error { return ErrLocked }
