package transfer

import (
	"context"
	"encoding/hex"
	"io"
	"os"
	"time"

	"memories-desktop/backend/safefile"
)

// Checked is the start of a partial file whose content the job vouches for: its length and the
// XXH3-128 of those bytes, recorded while they were written. A resume continues only from a
// prefix that still hashes to Sum; the length alone proves nothing (a part can be extended or
// rewritten in place), and bytes after Checked are never trusted.
type Checked struct {
	Bytes int64  `json:"bytes"`
	Sum   string `json:"sum"`
}

// checkpointEvery and checkpointGap space the checkpoints of a running download: at least this
// many bytes and this much time apart, so a fast download writes its job record at most once a
// second. A kill loses at most the bytes since the last one; a stop (pause, Ctrl+C, quit, a
// failed attempt) records one at the point it stopped.
const (
	checkpointEvery = 4 << 20
	checkpointGap   = time.Second
)

// checkpointer records Checked in the job while a download writes: d has been fed every byte of
// the file so far, so its running fingerprint is the prefix's.
type checkpointer struct {
	e    *Engine
	id   uint64
	spec *DownloadSpec
	d    *digest
	last int64
	at   time.Time
}

func (e *Engine) newCheckpointer(id uint64, spec *DownloadSpec, d *digest, offset int64) *checkpointer {
	return &checkpointer{e: e, id: id, spec: spec, d: d, last: offset, at: e.o.Clock.Now()}
}

// progress is called after each write, with the file's length so far.
func (c *checkpointer) progress(n int64) {
	if n-c.last < checkpointEvery || c.e.o.Clock.Now().Sub(c.at) < checkpointGap {
		return
	}
	c.record(n)
}

// record proves the first n bytes, n being what the file holds now.
func (c *checkpointer) record(n int64) {
	if n <= 0 || n == c.last && c.spec.Part.Checked != nil {
		return
	}
	p := *c.spec.Part
	p.Checked = &Checked{Bytes: n, Sum: hex.EncodeToString(c.d.fp.Sum(nil))}
	if next, err := c.e.recordProof(c.id, *c.spec, &p); err == nil {
		*c.spec = next
	}
	c.last, c.at = n, c.e.o.Clock.Now()
}

// provenPrefix decides how much of the job's own part file st to continue from: the checked
// prefix, when its bytes still hash to the recorded sum (anything after it is cut off), else
// nothing — the part is dropped and the download starts over from byte 0. The bytes read to
// check the prefix are fed to a digest the download continues, so they are read once.
func provenPrefix(ctx context.Context, spec DownloadSpec, p *PartProof, st os.FileInfo, m *meter) (int64, *digest) {
	c := p.Checked
	if c != nil && c.Bytes > 0 && st.Size() >= c.Bytes {
		if d := keepPrefix(ctx, partPath(spec, p), c, spec.SHA256, m); d != nil {
			return c.Bytes, d
		}
	}
	dropOwnPart(spec, p)
	return 0, nil
}

// keepPrefix feeds the first c.Bytes bytes of part to a new digest and, when they hash to c.Sum,
// cuts off what follows them and returns the digest; nil otherwise. The file is opened once,
// without following links, for both.
func keepPrefix(ctx context.Context, part string, c *Checked, withSHA256 bool, m *meter) *digest {
	m.SetWaiting(true) // local work, not a stalled network
	defer m.SetWaiting(false)
	f, err := safefile.OpenOwn(part, os.O_RDWR)
	if err != nil {
		return nil
	}
	defer f.Close()
	d := newDigest(withSHA256)
	n, err := readInto(ctx, d, io.LimitReader(f, c.Bytes))
	if err != nil || n != c.Bytes || hex.EncodeToString(d.fp.Sum(nil)) != c.Sum || f.Truncate(c.Bytes) != nil {
		d.Close()
		return nil
	}
	return d
}

// keepCheckpoint records where a download that stopped early left its part (kept for a resume).
func keepCheckpoint(c *checkpointer, spec DownloadSpec, saved int64) {
	if ownPart(spec, spec.Part) != nil {
		c.record(saved)
	}
}
