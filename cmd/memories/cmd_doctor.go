package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

// runDoctor checks the data folder's database and, with --repair, moves a damaged one aside
// (keeping it) and starts a fresh one with everything that can still be read. Exit status: 0
// when the file is sound or was repaired, 1 when it is damaged and was left as it is.
func runDoctor(_ context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("doctor", commands["doctor"].usage, c)
	o.register(fs)
	repair := fs.Bool("repair", false, "move a damaged database aside (it is kept) and start a fresh one with what can be read")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("doctor: unexpected argument %q", rest[0])
	}
	home, err := o.home(c)
	if err != nil {
		return err
	}
	// Every command opens the data folder's own database (it holds the lock) besides the one of
	// these endpoints, so both are checked.
	dirs, err := core.DatabaseDirs(home, o.options(c))
	if err != nil {
		return startError(err, home)
	}
	out := newPrinter(c, o.json)
	damaged, err := checkAll(out, dirs)
	if err != nil {
		return err
	}
	if len(damaged) > 0 && !*repair {
		out.note("run `memories doctor --repair` to move it aside (it is kept) and start a fresh one with what can be read")
		return errReported
	}
	for _, dir := range damaged {
		if err := repairDB(out, dir); err != nil {
			return err
		}
	}
	return nil
}

// checkAll reports on the databases in dirs and returns the damaged ones.
func checkAll(out *printer, dirs []string) ([]string, error) {
	var damaged []string
	for _, dir := range dirs {
		ok, err := checkOne(out, dir)
		if err != nil {
			return nil, err
		}
		if !ok {
			damaged = append(damaged, dir)
		}
	}
	return damaged, nil
}

// checkOne reports on the database in dir; false when it is damaged.
func checkOne(out *printer, dir string) (bool, error) {
	if _, err := os.Stat(filepath.Join(dir, contract.DatabaseFile)); errors.Is(err, os.ErrNotExist) {
		out.note("no database in %s yet: nothing to check", dir)
		return true, nil
	}
	rep, err := core.CheckDatabase(dir, lockWait)
	if err != nil {
		return false, lockedOr(err, dir)
	}
	printReport(out, rep)
	return rep.OK(), nil
}

func printReport(out *printer, rep contract.DBReport) {
	if rep.OK() {
		out.result(rep, fmt.Sprintf("sound: %s (%d jobs, %d cached videos)", rep.Path, rep.Jobs, rep.Videos))
		return
	}
	text := "damaged: " + rep.Path + "\n  " + strings.Join(rep.Problems, "\n  ")
	out.result(rep, text)
}

func repairDB(out *printer, dir string) error {
	rep, err := core.RepairDatabase(dir, nil, lockWait)
	if err != nil {
		return lockedOr(err, dir)
	}
	out.result(rep, fmt.Sprintf("repaired: the damaged file is kept at %s; carried over %d jobs, %d cached videos, %d duplicate-index entries",
		rep.KeptAt, rep.Jobs, rep.Videos, rep.Hashes))
	return nil
}

// lockedOr explains a database held by another process, else returns err.
func lockedOr(err error, dir string) error {
	if errors.Is(err, contract.ErrLocked) {
		return lockedError(dir)
	}
	return err
}
