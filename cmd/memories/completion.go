package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"memories-desktop/backend/i18n"
)

// runCompletion prints a completion script for bash, zsh or fish: commands with their summaries,
// the global flags, and files for the arguments. The packages install all three.
func runCompletion(_ context.Context, c *cli, args []string) error {
	if len(args) != 1 {
		return usage("completion.usage")
	}
	script, ok := map[string]func() string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}[args[0]]
	if !ok {
		return usage("completion.unknown", i18n.Args{"Shell": strconv.Quote(printable(args[0]))})
	}
	fmt.Fprint(c.stdout, script())
	return nil
}

const logLevels = "debug info warn error"

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func bashCompletion() string {
	return `# bash completion for memories
_memories() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd="" i
  if [[ $prev == --log-level ]]; then COMPREPLY=($(compgen -W "` + logLevels + `" -- "$cur")); return; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --log-level) ((i++)) ;;
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  case $cmd in
    "") COMPREPLY=($(compgen -W "` + strings.Join(commandNames(), " ") + ` --version --log-level --help" -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
    *) COMPREPLY=() ;; # files, through -o default
  esac
}
complete -o default -F _memories memories
`
}

func zshCompletion() string {
	var b strings.Builder
	b.WriteString("#compdef memories\n_memories() {\n  local -a cmds\n  cmds=(\n")
	for _, name := range commandNames() {
		fmt.Fprintf(&b, "    '%s:%s'\n", name, quoteZsh(tr(commands[name].summary)))
	}
	b.WriteString(`  )
  local state
  _arguments -C '--version[` + quoteZshOption(tr("completion.version")) + `]' '--log-level[` + quoteZshOption(tr("completion.logLevel")) + `]:level:(` + logLevels + `)' \
    '1:command:->cmd' '*::argument:->args'
  case $state in
    cmd) _describe command cmds ;;
    args) if [[ $words[1] == completion ]]; then _values shell bash zsh fish; else _files; fi ;;
  esac
}
_memories "$@"
`)
	return b.String()
}

// quoteZsh makes s safe inside a single-quoted 'name:description' entry.
func quoteZsh(s string) string {
	return strings.NewReplacer(`'`, `'\''`, ":", `\:`).Replace(s)
}

func fishCompletion() string {
	var b strings.Builder
	b.WriteString("# fish completion for memories\n")
	for _, name := range commandNames() {
		fmt.Fprintf(&b, "complete -c memories -f -n __fish_use_subcommand -a %s -d '%s'\n",
			name, quoteFish(tr(commands[name].summary)))
	}
	b.WriteString("complete -c memories -n __fish_use_subcommand -l version -d '" + quoteFish(tr("completion.version")) + "'\n")
	b.WriteString("complete -c memories -n __fish_use_subcommand -l log-level -x -a '" + logLevels + "' -d '" + quoteFish(tr("completion.logLevel")) + "'\n")
	b.WriteString("complete -c memories -f -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	return b.String()
}

// quoteZshOption makes s safe as the description in a single-quoted '--flag[description]'.
func quoteZshOption(s string) string {
	return strings.NewReplacer(`'`, `'\''`, `[`, `\[`, `]`, `\]`).Replace(s)
}

// quoteFish makes s safe inside a single-quoted fish string.
func quoteFish(s string) string { return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) }
