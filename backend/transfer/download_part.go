package transfer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/store"
)

// PartProof is what a download job knows about the partial file it writes, kept in the job
// record (DownloadSpec.Part). A .part file is trusted — resumed from, or given the final name —
// only when the job's own proof names it, so a leftover of another download, a user's file that
// happens to be called "….part" or a link planted there is never spliced into a result: those
// are left alone, untouched, and the job writes under its own name.
type PartProof struct {
	Name     string `json:"name"`               // base name of the partial file, in Dest's folder
	Job      uint64 `json:"job"`                // the job that created it
	Source   string `json:"source"`             // the video number or asset id it holds
	Size     int64  `json:"size"`               // the file's full length, -1 while unknown
	ETag     string `json:"etag,omitempty"`     // the service's validators, sent back as If-Range
	Modified string `json:"modified,omitempty"` // (Last-Modified) when resuming
	// Fingerprint (hex XXH3-128) is set once the part is complete and synced. Versions before it
	// recorded only SHA256, which then proves the part instead (proofSums); SHA256 is also set
	// when the download was asked to compute it.
	Fingerprint string `json:"fingerprint,omitempty"`
	SHA256      string `json:"sha256,omitempty"`
	// File is the partial file's device and inode, recorded once the job has created it: a file
	// put in its place later (a hard link to a file elsewhere, a copy) is not this job's.
	File *safefile.FileID `json:"file,omitempty"`
	// Checked is the prefix of the part whose content was proven while it was written
	// (checkpointer, below); a resume continues from there only.
	Checked *Checked `json:"checked,omitempty"`
}

// maxNameBytes is the usual file-name limit (ext4, APFS, NTFS in UTF-16 units ≥ this).
const maxNameBytes = 255

// newPartProof starts the proof of a fresh partial file for job j: a name unique to the job (its
// id and a random token), shortened when dest's name is too long to carry the suffix.
func newPartProof(j contract.Job, spec DownloadSpec) *PartProof {
	b := make([]byte, 3)
	rand.Read(b)
	suffix := "." + strconv.FormatUint(j.ID, 10) + "-" + hex.EncodeToString(b) + safefile.PartSuffix
	base := filepath.Base(spec.Dest)
	return &PartProof{Name: cutUTF8(base, maxNameBytes-len(suffix)) + suffix, Job: j.ID, Source: spec.ID(), Size: -1}
}

// cutUTF8 shortens s to at most n bytes without splitting a character.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ownProof returns the job's proof when it is really this job's, about this source, and names a
// partial file (never the destination itself) in the destination folder; nil otherwise, and
// nothing on disk is then trusted.
func ownProof(j contract.Job, spec DownloadSpec) *PartProof {
	p := spec.Part
	if p == nil || spec.DestDir || p.Job != j.ID || p.Source != spec.ID() {
		return nil
	}
	if p.Name != filepath.Base(p.Name) || strings.ContainsAny(p.Name, `/\`) ||
		!strings.HasSuffix(p.Name, safefile.PartSuffix) || p.Name == safefile.PartSuffix || p.Name == filepath.Base(spec.Dest) {
		return nil
	}
	return p
}

// partPath is where the proof's partial file lives.
func partPath(spec DownloadSpec, p *PartProof) string {
	return filepath.Join(filepath.Dir(spec.Dest), p.Name)
}

// adopt fills the proof from the answer that starts the file from byte 0.
func (p *PartProof) adopt(dl *api.Download) {
	p.Size, p.ETag, p.Modified, p.Fingerprint, p.SHA256 = dl.Total, dl.ETag, dl.LastModified, "", ""
}

// validator is what to send as If-Range: a strong ETag, else the Last-Modified date.
func (p *PartProof) validator() string {
	if p.ETag != "" && !strings.HasPrefix(p.ETag, "W/") {
		return p.ETag
	}
	return p.Modified
}

// matches reports whether a resumed answer belongs to the file the part holds the start of.
func (p *PartProof) matches(dl *api.Download) bool {
	if p.Size >= 0 && dl.Total >= 0 && p.Size != dl.Total {
		return false
	}
	return (p.ETag == "" || dl.ETag == "" || p.ETag == dl.ETag) &&
		(p.Modified == "" || dl.LastModified == "" || p.Modified == dl.LastModified)
}

// recordProof stores the proof in the job record, before a byte is written under its name.
func (e *Engine) recordProof(id uint64, spec DownloadSpec, p *PartProof) (DownloadSpec, error) {
	spec.Part = p
	params, err := json.Marshal(spec)
	if err != nil {
		return spec, err
	}
	_, err = e.db.UpdateJob(id, func(j *contract.Job) error { j.Params = params; return nil })
	return spec, err
}

// regularFile returns path's info when it is a plain file (not a link), nil otherwise.
func regularFile(path string) fs.FileInfo {
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	return st
}

// ownPart returns the proof's partial file's info while it is still the file the job created:
// a plain file with no other name (a hard link would carry every write to another file) and,
// once recorded, the same device and inode. Anything else under that name is left alone.
func ownPart(spec DownloadSpec, p *PartProof) fs.FileInfo {
	st := regularFile(partPath(spec, p))
	if st == nil || safefile.Links(st) > 1 || !p.created(st) {
		return nil
	}
	return st
}

// created reports whether st is the file the job created (true when the system cannot tell, or
// the record predates identities).
func (p *PartProof) created(st fs.FileInfo) bool {
	id, ok := safefile.IDOf(st)
	return p.File == nil || !ok || id == *p.File
}

// dropOwnPart removes the proof's partial file when it is still the one the job created;
// anything else found under that name (a link, a hard link, a folder) is left alone.
func dropOwnPart(spec DownloadSpec, p *PartProof) {
	if ownPart(spec, p) != nil {
		os.Remove(partPath(spec, p))
	}
}

// removePart deletes a cancelled download's partial file: only the job's own, only a plain file.
func removePart(db *store.DB, id uint64) {
	j, err := db.Job(id)
	if err != nil || (j.Kind != jobkind.Download && j.Kind != jobkind.DownloadAsset) {
		return
	}
	var spec DownloadSpec
	if decodeParams(j, &spec) != nil {
		return
	}
	if p := ownProof(j, spec); p != nil {
		dropOwnPart(spec, p)
	}
}

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
