package transfer

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	// (download_checkpoint.go); a resume continues from there only.
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
