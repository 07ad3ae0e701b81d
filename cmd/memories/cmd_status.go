package main

import (
	"context"
	"fmt"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

type statusLine struct {
	ID     string                  `json:"id"`
	Kind   string                  `json:"kind"` // "video" or "task"
	Status string                  `json:"status"`
	Name   string                  `json:"name,omitempty"`
	Cause  string                  `json:"cause,omitempty"`
	Videos []contract.VideoDetails `json:"videos,omitempty"`
}

// Status of a task whose videos have not been fetched from the platform yet.
const taskPending = "PENDING"

func runStatus(ctx context.Context, c *cli, args []string) error {
	var o common
	fs := newFlags("status", commands["status"].usage, c)
	o.register(fs)
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return usage("status.noIDs")
	}
	if err := core.CheckIDs(ids); err != nil {
		return rejected("status", err)
	}
	s, err := o.openRemote(c)
	if err != nil {
		return err
	}
	defer s.close()
	return eachItem(ids, func(id string) error { return statusOne(ctx, s, id) },
		func(id string, fl failure) failure { fl.ID = id; return fl }, s.out)
}

// isVideoNo tells video numbers (VI…, PI-…, legacy mavi_video_…) from task ids (UUIDs).
func isVideoNo(id string) bool {
	return strings.HasPrefix(id, "VI") || strings.HasPrefix(id, "PI-") || strings.HasPrefix(id, "mavi_video_")
}

func statusOne(ctx context.Context, s *session, id string) error {
	line, err := lookupStatus(ctx, s.svc, id)
	if err != nil {
		return err
	}
	human := fmt.Sprintf("%s  %s", id, line.Status)
	if line.Cause != "" {
		human += " (" + line.Cause + ")"
	}
	for _, v := range line.Videos {
		human += fmt.Sprintf("\n  %s  %s", v.VideoNo, v.Status)
	}
	s.out.result(line, human)
	return nil
}

func lookupStatus(ctx context.Context, svc *core.Service, id string) (statusLine, error) {
	if isVideoNo(id) {
		v, err := svc.VideoStatus(ctx, id)
		if err != nil {
			return statusLine{}, err
		}
		if v == nil {
			return statusLine{ID: id, Kind: "video", Status: "NOT_FOUND"}, nil
		}
		return statusLine{ID: id, Kind: "video", Status: v.Status, Name: v.Name, Cause: v.Cause}, nil
	}
	videos, err := svc.TaskVideos(ctx, id)
	if err != nil {
		return statusLine{}, err
	}
	return statusLine{ID: id, Kind: "task", Status: taskStatus(videos), Videos: videos}, nil
}

// taskStatus summarises a task: PENDING until videos exist, then the least advanced video status.
func taskStatus(videos []contract.VideoDetails) string {
	if len(videos) == 0 {
		return taskPending
	}
	status := contract.StatusParsed
	for _, v := range videos {
		switch v.Status {
		case contract.StatusUnparsed:
			return contract.StatusUnparsed
		case contract.StatusParsed:
		default:
			status = v.Status
		}
	}
	return status
}
