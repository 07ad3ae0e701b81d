package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// pseudoPackages are the map's names for commands that no Debian package provides here.
var pseudoPackages = map[string]bool{
	"@base-image":         true, // the base image's Go toolchain (/usr/local/go)
	"@project":            true, // installed from the project's own .deb by test-package.sh
	"@only-when-not-root": true, // sudo: ensure-deps.sh runs it only when not root
}

// provided knows which commands a fresh machine has once ensure-deps.sh has run.
type provided struct {
	pkgOf     map[string]string // command → Debian package (or one of pseudoPackages)
	installed map[string]bool   // packages in the base image or installed by ensure-deps.sh
}

// why says why cmd is not provided, or "" when it is.
func (p provided) why(cmd string) string {
	pkg, ok := p.pkgOf[cmd]
	switch {
	case !ok:
		return fmt.Sprintf("%s: no Debian package is known for it (add \"%s PACKAGE\" to the map and PACKAGE to ensure-deps.sh)", cmd, cmd)
	case pseudoPackages[pkg] || p.installed[pkg]:
		return ""
	default:
		return fmt.Sprintf("%s is missing on a fresh machine: its package %s is neither in the base image nor in ensure-deps.sh's APT_PACKAGES", cmd, pkg)
	}
}

func loadProvided(mapFile, baseFile, depsFile string) (provided, error) {
	p := provided{pkgOf: map[string]string{}, installed: map[string]bool{}}
	if err := eachLine(mapFile, func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want \"COMMAND PACKAGE\", got %q", strings.Join(f, " "))
		}
		if strings.HasPrefix(f[1], "@") && !pseudoPackages[f[1]] {
			return fmt.Errorf("unknown pseudo-package %s", f[1])
		}
		p.pkgOf[f[0]] = f[1]
		return nil
	}); err != nil {
		return p, err
	}
	if err := eachLine(baseFile, func(f []string) error { p.installed[f[0]] = true; return nil }); err != nil {
		return p, err
	}
	pkgs, err := aptPackages(depsFile)
	for _, pkg := range pkgs {
		p.installed[pkg] = true
	}
	return p, err
}

// eachLine calls fn with the fields of every line of path that is not blank or a # comment.
func eachLine(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if fields := strings.Fields(line); len(fields) > 0 {
			if err := fn(fields); err != nil {
				return fmt.Errorf("%s:%d: %w", path, n, err)
			}
		}
	}
	return sc.Err()
}

var (
	aptArray   = regexp.MustCompile(`(?m)^\s*(?:EXTRA_)?APT_PACKAGES\+?=\(([^)]*)\)`)
	webkitEcho = regexp.MustCompile(`echo (libwebkit2gtk-[0-9.]+-dev)`)
)

// aptPackages reads the Debian packages ensure-deps.sh installs: its APT_PACKAGES arrays and the
// WebKitGTK package it picks.
func aptPackages(depsFile string) ([]string, error) {
	src, err := os.ReadFile(depsFile)
	if err != nil {
		return nil, err
	}
	var pkgs []string
	for _, m := range aptArray.FindAllSubmatch(src, -1) {
		pkgs = append(pkgs, strings.Fields(string(m[1]))...)
	}
	for _, m := range webkitEcho.FindAllSubmatch(src, -1) {
		pkgs = append(pkgs, string(m[1]))
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s: no APT_PACKAGES=(...) found", depsFile)
	}
	return pkgs, nil
}
