package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

var makeVar = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|\?=|=)\s*(.*)$`)

// makefileScript turns a Makefile's recipes and $(shell ...) calls into bash text, one recipe
// line (continuations joined) per line, with make's variables expanded. Blocks for macOS
// (ifeq ($(shell uname),Darwin)) are left out: they never run here.
func makefileScript(path string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	lines := joinContinuations(strings.Split(string(src), "\n"))
	vars := map[string]string{"MAKE": "make"}
	for _, l := range lines {
		if m := makeVar.FindStringSubmatch(l); m != nil && !strings.HasPrefix(l, "\t") {
			value, _, _ := strings.Cut(m[2], " #")
			vars[m[1]] = value
		}
	}
	var out []string
	shells := func(cmd string) { out = append(out, cmd) }
	depth, darwinDepth := 0, 0
	for _, l := range lines {
		trimmed := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(trimmed, "ifeq") || strings.HasPrefix(trimmed, "ifneq") || strings.HasPrefix(trimmed, "ifdef") || strings.HasPrefix(trimmed, "ifndef"):
			depth++
			if darwinDepth == 0 && strings.Contains(trimmed, "Darwin") && strings.HasPrefix(trimmed, "ifeq") {
				darwinDepth = depth
			}
			continue
		case trimmed == "endif":
			if depth == darwinDepth {
				darwinDepth = 0
			}
			depth--
			continue
		case trimmed == "else" && depth == darwinDepth:
			darwinDepth = 0
			continue
		}
		if darwinDepth != 0 {
			continue
		}
		if strings.HasPrefix(l, "\t") {
			recipe := strings.TrimLeft(strings.TrimSpace(l), "@-+")
			out = append(out, expand(recipe, vars, shells, 0))
		} else {
			expand(l, vars, shells, 0) // only for its $(shell ...) calls
		}
	}
	return strings.Join(out, "\n") + "\n", nil
}

func joinContinuations(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for strings.HasSuffix(l, "\\") && i+1 < len(lines) {
			i++
			l = strings.TrimSuffix(l, "\\") + " " + strings.TrimSpace(lines[i])
		}
		out = append(out, l)
	}
	return out
}

// expand replaces make's $(...) and $X references: variables by their values, $(shell CMD) by a
// placeholder (CMD goes to shell), functions by a placeholder; $$ becomes $.
func expand(s string, vars map[string]string, shell func(string), depth int) string {
	if depth > 10 {
		return "X"
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case '$':
			b.WriteByte('$')
		case '(', '{':
			end := matching(s, i)
			inner := s[i+1 : end]
			i = end
			switch name := strings.TrimSpace(inner); {
			case strings.HasPrefix(name, "shell "):
				shell(expand(strings.TrimPrefix(name, "shell "), vars, shell, depth+1))
				b.WriteString("X")
			case vars[name] != "":
				b.WriteString(expand(vars[name], vars, shell, depth+1))
			default:
				expand(inner, vars, shell, depth+1) // a function's arguments may hold $(shell ...)
				b.WriteString("X")
			}
		default:
			b.WriteString("X") // $@, $<, $*
		}
	}
	return b.String()
}

// matching is the index of the bracket closing the one at s[open].
func matching(s string, open int) int {
	closer := map[byte]byte{'(': ')', '{': '}'}[s[open]]
	level := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case s[open]:
			level++
		case closer:
			if level--; level == 0 {
				return i
			}
		}
	}
	return len(s) - 1
}

// check returns every command the files run that a fresh machine does not have.
func check(prov provided, files []string) ([]string, error) {
	var problems []string
	for _, file := range files {
		s := newScan(file)
		var err error
		if filepath.Base(file) == "Makefile" {
			var text string
			if text, err = makefileScript(file); err == nil {
				err = s.source(text, file+" (recipes)", 0)
			}
		} else {
			err = s.script(file)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		for cmd, where := range s.uses {
			if s.funcs[cmd] {
				continue
			}
			if why := prov.why(cmd); why != "" {
				problems = append(problems, where+": "+why)
			}
		}
	}
	return problems, nil
}
