package core

import (
	"fmt"
	"io"
	"memories-desktop/backend/i18n"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/safefile"
)

// holderFile names who holds the data folder's database, written once its lock is taken, so a
// process that finds the folder locked can say who has it: Memories Desktop or a memories
// command. It is removed when the holder closes.
const holderFile = "holder"

// claimHolder records this process as the database's holder, with the CLI's command.
func (c *Service) claimHolder(headless bool, command string) {
	who := "app"
	if headless {
		who = "cli"
	}
	if command = strings.Join(strings.Fields(command), "-"); command != "" && headless {
		who += " %d " + command
	} else {
		who += " %d"
	}
	safefile.WriteFile(filepath.Join(c.dataDir, holderFile), fmt.Appendf(nil, who+"\n", os.Getpid()), 0o644)
}

// releaseHolder removes the record while it is still this process's.
func (c *Service) releaseHolder() {
	if _, pid := readHolder(c.dataDir); pid == os.Getpid() {
		os.Remove(filepath.Join(c.dataDir, holderFile))
	}
}

func readHolder(dataDir string) (who string, pid int) {
	who, pid, _ = readHolderCommand(dataDir)
	return who, pid
}

// readHolderCommand also reads the CLI command holding the folder ("" when unknown).
func readHolderCommand(dataDir string) (who string, pid int, command string) {
	f, err := os.Open(filepath.Join(dataDir, holderFile))
	if err != nil {
		return "", 0, ""
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, 64))
	fmt.Sscanf(string(b), "%s %d %s", &who, &pid, &command)
	return who, pid, command
}

// HeldByCLI says whether dataDir (found locked) is held by a memories command, rather than by
// Memories Desktop: the app then says so in a window, since it was likely started from a menu.
func HeldByCLI(dataDir string) bool {
	who, _, _ := readHolderCommand(dataDir)
	return who == "cli"
}

// LockedMessage says who holds dataDir (found locked) and what to do, for Memories Desktop and
// the CLI alike.
func LockedMessage(dataDir string) string {
	who, pid, command := readHolderCommand(dataDir)
	args := i18n.Args{"PID": strconv.Itoa(pid), "Dir": dataDir}
	switch {
	case who == "cli" && command == "watch":
		return i18n.T("locked.byWatch", args)
	case who == "cli":
		return i18n.T("locked.byCLI", args)
	case who == "app":
		return i18n.T("locked.byApp", args)
	}
	return i18n.T("locked.unknown", args)
}

// InUseError is a data folder held by another process: its text (LockedMessage) names the holder
// and says what to do, so no further advice is added to it. It matches ErrLocked.
type InUseError struct{ Dir string }

func (e *InUseError) Error() string { return LockedMessage(e.Dir) }
func (e *InUseError) Unwrap() error { return contract.ErrLocked }
