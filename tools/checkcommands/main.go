// Command checkcommands fails when a script or Makefile runs a command that neither the base
// system nor scripts/ensure-deps.sh provides, so a fresh machine cannot miss a hidden dependency.
//
//	checkcommands -map M -base B -deps ensure-deps.sh FILE...
//
// Every command a FILE runs (bash scripts parsed by a real shell parser; Makefile recipes and
// $(shell ...) calls) must be a builtin, a function the file (or a file it sources) defines, a
// repository path (scripts/, build/, .tools/bin/, ...), or a name the map (command → Debian
// package) lists with a package that the base package list or ensure-deps.sh's APT_PACKAGES holds.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
)

func main() {
	mapFile := flag.String("map", "scripts/deps/commands.map", "command → Debian package map")
	baseFile := flag.String("base", "scripts/deps/base-packages.txt", "the base image's Debian packages, one a line")
	depsFile := flag.String("deps", "scripts/ensure-deps.sh", "the script whose APT_PACKAGES are installed")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: checkcommands [-map M] [-base B] [-deps D] FILE...")
		os.Exit(2)
	}
	prov, err := loadProvided(*mapFile, *baseFile, *depsFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "checkcommands:", err)
		os.Exit(2)
	}
	problems, err := check(prov, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "checkcommands:", err)
		os.Exit(2)
	}
	sort.Strings(problems)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(os.Stderr, "checkcommands: %d command(s) not provided; install each through scripts/ensure-deps.sh (APT_PACKAGES) and map it in %s\n", len(problems), *mapFile)
		os.Exit(1)
	}
	fmt.Printf("checkcommands: every command in %d files is provided\n", flag.NArg())
}
