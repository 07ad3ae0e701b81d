package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

// runDoctor checks the data folder's database and, with --repair, moves a damaged one aside
// (keeping it) and starts a fresh one with everything that can still be read. Exit status: 0
// when the file is sound or was repaired, 1 when it is damaged and was left as it is.
func runDoctor(_ context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("doctor", commands["doctor"].usage, c)
	o.register(fs)
	repair := fs.Bool("repair", false, "flag.doctor.repair")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usage("cli.unexpectedArgument", i18n.Args{"Command": "doctor", "Arg": printable(rest[0])})
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
		out.note("%s", tr("doctor.runRepair"))
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
		out.note("%s", tr("doctor.none", i18n.Args{"Dir": printable(dir)}))
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
		out.result(rep, tr("doctor.sound", i18n.Args{"Path": rep.Path, "Jobs": rep.Jobs, "Videos": rep.Videos}))
		return
	}
	text := tr("doctor.damaged", i18n.Args{"Path": rep.Path}) + "\n  " + strings.Join(rep.Problems, "\n  ")
	out.result(rep, text)
}

func repairDB(out *printer, dir string) error {
	rep, err := core.RepairDatabase(dir, nil, lockWait)
	if err != nil {
		return lockedOr(err, dir)
	}
	out.result(rep, tr("doctor.repaired", i18n.Args{"KeptAt": rep.KeptAt, "Jobs": rep.Jobs,
		"Videos": rep.Videos, "Hashes": rep.Hashes}))
	return nil
}

// lockedOr explains a database held by another process, else returns err.
func lockedOr(err error, dir string) error {
	if errors.Is(err, contract.ErrLocked) {
		return lockedError(dir)
	}
	return err
}
