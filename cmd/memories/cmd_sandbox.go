package main

import (
	"context"
	"fmt"
	"time"

	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

func runSandbox(ctx context.Context, c *cli, args []string) error {
	fs := newFlags("sandbox", commands["sandbox"].usage, c)
	addr := fs.String("addr", "127.0.0.1:0", "flag.sandbox.addr")
	delay := fs.Duration("parse-delay", 5*time.Second, "flag.sandbox.parse-delay")
	key := fs.String("accept-key", "", "flag.sandbox.accept-key")
	asJSON := fs.Bool("json", false, "flag.sandbox.json")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usage("cli.unexpectedArgument", i18n.Args{"Command": "sandbox", "Arg": printable(rest[0])})
	}
	url, stop, err := core.ServeSandbox(*addr, *key, *delay)
	if err != nil {
		return usage("cli.commandError", i18n.Args{"Command": "sandbox", "Error": err.Error()})
	}
	defer stop()
	if *asJSON {
		fmt.Fprintf(c.stdout, "{\"url\":%q}\n", url)
	} else {
		fmt.Fprintln(c.stdout, url)
	}
	fmt.Fprintln(c.stderr, tr("sandbox.listening", i18n.Args{"URL": url}))
	<-ctx.Done()
	return nil
}
