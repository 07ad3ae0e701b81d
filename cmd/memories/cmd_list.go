package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
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
	status := fs.String("status", "", "only videos with this status: PARSE, UNPARSE or FAILED")
	tag := fs.String("tag", "", "only videos with this tag")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("list: unexpected argument %q", rest[0])
	}
	*status = strings.ToUpper(*status)
	if *status != "" && !slices.Contains([]string{"PARSE", "UNPARSE", "FAILED"}, *status) {
		return usagef("list: --status must be PARSE, UNPARSE or FAILED")
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
	return listAll(ctx, s, contract.ListRequest{Size: listPageSize, Status: *status, Tag: *tag})
}

// listAll walks every page; the service sorts nothing, so rows come in its order.
func listAll(ctx context.Context, s *session, req contract.ListRequest) error {
	seen := int64(0)
	for page := 1; ; page++ {
		req.Page = page
		res, err := s.svc.ListVideos(ctx, req)
		if err != nil {
			return err
		}
		for _, v := range res.Videos {
			printVideo(s.out, v)
		}
		seen += int64(len(res.Videos))
		if len(res.Videos) == 0 || seen >= res.Total {
			s.out.note("%d video(s) in scope %q", seen, s.svc.Scope())
			return nil
		}
	}
}

func printVideo(out *printer, v contract.VideoDetails) {
	created := ""
	if v.CreateTime > 0 {
		created = time.UnixMilli(v.CreateTime).Format("2006-01-02 15:04")
	}
	out.result(listLine{ID: v.VideoNo, Name: v.Name, Status: v.Status, Size: v.Size, Duration: v.Duration,
		Created: v.CreateTime, Tags: v.Tags},
		fmt.Sprintf("%-22s %-8s %10s %7.1fs  %s  %s", v.VideoNo, v.Status, formatBytes(v.Size), v.Duration, created, v.Name))
}
