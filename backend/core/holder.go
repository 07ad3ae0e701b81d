package core

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"memories-desktop/backend/contract"
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
	switch who, pid := readHolder(dataDir); who {
	case "cli":
		return fmt.Sprintf("a memories command (the CLI, pid %d) is already using %s; wait for it to finish or stop it "+
			"(its unfinished transfers are kept for `memories resume`), or set MEMORIES_DATA_DIR to use another folder", pid, dataDir)
	case "app":
		return fmt.Sprintf("Memories Desktop (pid %d) is already using %s; switch to its window or close it, "+
			"or set MEMORIES_DATA_DIR to use another folder", pid, dataDir)
	}
	return "Memories Desktop or a memories command is using " + dataDir +
		"; close it and try again (or set MEMORIES_DATA_DIR to use another folder)"
}

// InUseError is a data folder held by another process: its text (LockedMessage) names the holder
// and says what to do, so no further advice is added to it. It matches ErrLocked.
type InUseError struct{ Dir string }

func (e *InUseError) Error() string { return LockedMessage(e.Dir) }
func (e *InUseError) Unwrap() error { return contract.ErrLocked }
