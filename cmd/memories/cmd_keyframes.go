package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"memories-desktop/backend/core"
	"memories-desktop/backend/i18n"
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
		return usage("keyframe.fromSearchArgs")
	case d.out == "" || !isDir(d.out):
		return usage("keyframe.fromSearchOut")
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
			s.out.failed(f, tr("cli.pathError", i18n.Args{"Path": j.dest, "Error": describe(err)}))
			continue
		}
		s.out.result(saved, savedLine(saved.Path, saved.Bytes))
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
			return nil, usage("keyframe.badLine", i18n.Args{"Line": strconv.Itoa(n), "Error": err.Error()})
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
			return nil, usage("cli.exists", i18n.Args{"Command": "keyframe", "Path": dest})
		}
		jobs = append(jobs, keyframeJob{ref: *m.Keyframe, dest: dest})
	}
	if err := sc.Err(); err != nil {
		return nil, usage("keyframe.readStdin", i18n.Args{"Error": err.Error()})
	}
	if len(jobs) == 0 {
		return nil, usage("keyframe.none")
	}
	return jobs, nil
}
