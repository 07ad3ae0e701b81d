package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/core"
)

// keyframeJob is one keyframe to save from a search's --json output.
type keyframeJob struct {
	ref  keyframeRef
	dest string
}

// keyframesFromSearch reads `memories search --json` lines from stdin and saves each moment's
// keyframe into the folder -o as VIDEO_NO-SECONDS.ext. Every line, location and file name is
// checked before the first keyframe is fetched.
func keyframesFromSearch(ctx context.Context, c *cli, o *common, d outFlags, rest []string) error {
	switch {
	case len(rest) > 0:
		return usagef("keyframe: --from-search reads the moments from stdin and takes no arguments")
	case d.out == "" || !isDir(d.out):
		return usagef("keyframe: with --from-search, -o must be an existing folder")
	}
	jobs, err := readKeyframeJobs(c, d)
	if err != nil {
		return err
	}
	s, err := o.openRemote(c)
	if err != nil {
		return err
	}
	defer s.close()
	failed := false
	for _, j := range jobs {
		saved, err := s.svc.SaveKeyframe(ctx, j.ref.Bucket, j.ref.Blob, j.dest, d.overwrite)
		if err != nil {
			failed = true
			f := newFailure(err)
			f.File = j.dest
			s.out.failed(f, j.dest+": "+describe(err))
			continue
		}
		s.out.result(saved, fmt.Sprintf("%s  %s", saved.Path, formatBytes(saved.Bytes)))
	}
	if failed {
		return errReported
	}
	return nil
}

// readKeyframeJobs parses stdin; moments without a keyframe are skipped.
func readKeyframeJobs(c *cli, d outFlags) ([]keyframeJob, error) {
	var jobs []keyframeJob
	seen := map[string]bool{}
	sc := bufio.NewScanner(c.stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var m momentLine
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			return nil, usagef("keyframe: stdin line %d is not a moment of `memories search --json`: %v", n, err)
		}
		if m.Keyframe == nil {
			continue
		}
		if err := core.CheckBlob(m.Keyframe.Bucket, m.Keyframe.Blob); err != nil {
			return nil, rejected("keyframe", err)
		}
		dest := filepath.Join(d.out, core.KeyframeFileName(m.VideoNo, m.Start, m.Keyframe.Blob))
		if seen[dest] {
			continue // the same moment twice
		}
		seen[dest] = true
		if _, err := os.Lstat(dest); err == nil && !d.overwrite {
			return nil, usagef("keyframe: %s already exists (use --overwrite to replace it)", dest)
		}
		jobs = append(jobs, keyframeJob{ref: *m.Keyframe, dest: dest})
	}
	if err := sc.Err(); err != nil {
		return nil, usagef("keyframe: reading stdin: %v", err)
	}
	if len(jobs) == 0 {
		return nil, usagef("keyframe: no moment on stdin has a keyframe")
	}
	return jobs, nil
}
