package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
)

type listLine struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Status   string   `json:"status"`
	Size     int64    `json:"size"`
	Duration float64  `json:"duration"`
	Created  int64    `json:"created"`
	Tags     []string `json:"tags,omitempty"`
}

const listPageSize = 200

func runList(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("list", commands["list"].usage, c)
	o.register(fs)
	status := fs.String("status", "", "flag.list.status")
	tag := fs.String("tag", "", "flag.list.tag")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usage("cli.unexpectedArgument", i18n.Args{"Command": "list", "Arg": printable(rest[0])})
	}
	*status = strings.ToUpper(*status)
	if *status != "" && !slices.Contains([]string{"PARSE", "UNPARSE", "FAILED"}, *status) {
		return usage("list.badStatus")
	}
	if *tag != "" {
		if err := core.CheckTag(*tag); err != nil {
			return rejected("list", err)
		}
	}
	s, err := o.openRemote(c)
	if err != nil {
		return err
	}
	defer s.close()
	return listAll(ctx, s, contract.LibraryQuery{Limit: listPageSize, Status: *status, Tag: *tag})
}

// listAll walks every page; without a database the service asks the server, which sorts
// nothing, so rows come in its order.
func listAll(ctx context.Context, s *session, q contract.LibraryQuery) error {
	seen := 0
	for {
		res, err := s.svc.Videos(ctx, q)
		if err != nil {
			return err
		}
		for _, v := range res.Videos {
			printVideo(s.out, v)
		}
		seen += len(res.Videos)
		if q.Cursor = res.NextCursor; q.Cursor == "" {
			s.out.note("%s", tr("list.count", i18n.Args{"Count": seen, "Scope": s.svc.Scope()}))
			return nil
		}
	}
}

func printVideo(out *printer, v contract.CachedVideo) {
	created := ""
	if v.Created > 0 {
		created = i18n.Default().DateTime(time.UnixMilli(v.Created))
	}
	out.result(listLine{ID: v.VideoNo, Name: v.Name, Status: v.Status, Size: v.Size, Duration: v.Duration,
		Created: v.Created, Tags: v.Tags},
		fmt.Sprintf("%-22s %-8s %s %s  %s  %s", v.VideoNo, v.Status, column(formatBytes(v.Size), -10),
			column(i18n.Default().Duration(time.Duration(v.Duration*float64(time.Second))), -9), created, v.Name))
}
