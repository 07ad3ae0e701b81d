package main

import (
	"context"
	"fmt"
	"time"

	"memories-desktop/backend/core"
)

func runSandbox(ctx context.Context, c *cli, args []string) error {
	fs := newFlags("sandbox", commands["sandbox"].usage, c)
	addr := fs.String("addr", "127.0.0.1:0", "loopback address to listen on")
	delay := fs.Duration("parse-delay", 5*time.Second, "how long new videos stay UNPARSE")
	key := fs.String("accept-key", "", "accept only this API key (default: any non-empty key)")
	asJSON := fs.Bool("json", false, "print the URL as a JSON object")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("sandbox: unexpected argument %q", rest[0])
	}
	url, stop, err := core.ServeSandbox(*addr, *key, *delay)
	if err != nil {
		return usagef("sandbox: %v", err)
	}
	defer stop()
	if *asJSON {
		fmt.Fprintf(c.stdout, "{\"url\":%q}\n", url)
	} else {
		fmt.Fprintln(c.stdout, url)
	}
	fmt.Fprintf(c.stderr, "sandbox listening; try:\n  export MEMORIES_BASE_URL=%s MEMORIES_ASSET_BASE_URL=%s MEMORIES_API_KEY=sk-sandbox\n"+
		"stop with Ctrl+C\n", url, url)
	<-ctx.Done()
	return nil
}
