package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// builtins are bash's builtins and the words that are no command of their own.
var builtins = set(`: . [ alias bg bind break builtin caller cd command compgen complete compopt
	continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash help
	history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return
	set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait`)

// wrappers run the command in their arguments after options and this many other arguments.
var wrappers = map[string]int{
	"exec": 0, "command": 0, "sudo": 0, "env": 0, "nice": 0, "nohup": 0, "xargs": 0, "setsid": 0,
	"timeout": 1, "wait_until": 1, "measure": 1, "dbus-run-session": 0,
}

// repoPrefixes are where the repository's own programs are (or are built or installed by it).
var repoPrefixes = []string{"./", "scripts/", "tools/", "build/", ".tools/bin/", "node_modules/.bin/", "frontend/node_modules/.bin/"}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// scan collects the commands a bash script runs and the functions it defines.
type scan struct {
	file  string
	uses  map[string]string // command → first place it is run ("file:line")
	funcs map[string]bool
	seen  map[string]bool // sourced files already read
}

func newScan(file string) *scan {
	return &scan{file: file, uses: map[string]string{}, funcs: map[string]bool{}, seen: map[string]bool{}}
}

func (s *scan) script(path string) error {
	if s.seen[path] {
		return nil
	}
	s.seen[path] = true
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if interp := shebang(string(src)); interp != "" && interp != "bash" && interp != "sh" {
		s.use(interp, path+":1") // another language: only its interpreter is a command here
		return nil
	}
	return s.source(string(src), path, 0)
}

// shebang is the interpreter's name of a #! line ("bash" for "#!/usr/bin/env bash").
func shebang(src string) string {
	line, _, _ := strings.Cut(src, "\n")
	if !strings.HasPrefix(line, "#!") {
		return ""
	}
	f := strings.Fields(line[2:])
	if len(f) == 0 {
		return ""
	}
	if filepath.Base(f[0]) == "env" && len(f) > 1 {
		return f[1]
	}
	return filepath.Base(f[0])
}

// source parses bash text; lineBase is added to its line numbers (for text inside another file).
func (s *scan) source(src, name string, lineBase uint) error {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), name)
	if err != nil {
		return err
	}
	var nested []func() error
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			s.funcs[n.Name.Value] = true
		case *syntax.CallExpr:
			where := fmt.Sprintf("%s:%d", name, lineBase+n.Pos().Line())
			nested = append(nested, s.call(n.Args, where, lineBase+n.Pos().Line()-1)...)
		}
		return true
	})
	for _, fn := range nested {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}

// call records the command of one simple command; what it returns parses nested shell text
// (eval, trap, bash -c strings and sourced files).
func (s *scan) call(args []*syntax.Word, where string, line uint) []func() error {
	var later []func() error
	for len(args) > 0 {
		name, ok := literal(args[0])
		if !ok {
			if p, isParam := args[0].Parts[0].(*syntax.ParamExp); isParam && p.Param.Value == "sudo" && len(args) > 1 {
				args = args[1:] // "$sudo apt-get": sudo, or nothing, before the command
				continue
			}
			return later // a command in a variable: not knowable here
		}
		rest := args[1:]
		switch {
		case name == "source" || name == ".":
			if len(rest) > 0 {
				if path, ok := literal(rest[0]); ok && !filepath.IsAbs(path) { // the repository's own
					later = append(later, func() error { return s.script(path) })
				}
			}
		case name == "eval" || name == "trap":
			for _, w := range rest {
				if text, ok := literal(w); ok && strings.ContainsAny(text, " ;|&$(") {
					later = append(later, func() error { return s.source(text, s.file, line) })
				}
			}
		case (name == "bash" || name == "sh") && len(rest) > 1:
			if flag, _ := literal(rest[0]); flag == "-c" {
				if text, ok := literal(rest[1]); ok {
					later = append(later, func() error { return s.source(text, s.file, line) })
				}
			}
		}
		if name == "need" { // scripts/gui/lib.sh's need COMMAND...: each argument is a command
			for _, w := range rest {
				if cmd, ok := literal(w); ok {
					s.use(cmd, where)
				}
			}
		}
		s.use(name, where)
		skip, isWrapper := wrappers[name]
		if !isWrapper {
			return later
		}
		args = skipWrapperArgs(rest, skip)
	}
	return later
}

// valueOptions are wrapper options whose value is the next argument (env -u NAME, timeout -s SIG).
var valueOptions = set("-u --unset -C --chdir -s --signal -k --kill-after")

var (
	assignment = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)
	duration   = regexp.MustCompile(`^[0-9.]+[smhd]?$`)
)

// skipWrapperArgs drops a wrapper's options (and env's assignments), n more arguments, and any
// bare numbers (an option's value, a timeout): what is left starts with the command.
func skipWrapperArgs(args []*syntax.Word, n int) []*syntax.Word {
	for len(args) > 0 {
		w, ok := literal(args[0])
		switch {
		case ok && valueOptions[w] && len(args) > 1:
			args = args[1:]
		case ok && (strings.HasPrefix(w, "-") || assignment.MatchString(w)):
		case n > 0:
			n--
		case ok && duration.MatchString(w):
		default:
			return args
		}
		args = args[1:]
	}
	return nil
}

// use records that cmd runs at where, unless it is a builtin, a function or a path.
func (s *scan) use(cmd, where string) {
	if strings.HasPrefix(cmd, "/usr/bin/") || strings.HasPrefix(cmd, "/bin/") {
		cmd = filepath.Base(cmd)
	}
	if builtins[cmd] || cmd == "" {
		return
	}
	for _, p := range repoPrefixes {
		if strings.HasPrefix(cmd, p) {
			return
		}
	}
	if _, ok := s.uses[cmd]; !ok {
		s.uses[cmd] = where
	}
}

// literal is a word's text when it has no expansion in it.
func literal(w *syntax.Word) (string, bool) {
	var b strings.Builder
	for _, part := range w.Parts {
		switch p := part.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted:
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				lit, ok := q.(*syntax.Lit)
				if !ok {
					return "", false
				}
				b.WriteString(lit.Value)
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}
