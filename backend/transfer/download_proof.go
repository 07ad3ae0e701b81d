package transfer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"sync"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/safefile"
)

// digest is what a download computes while it is written: the fingerprint, and the SHA-256
// when asked. It must be finished with sums or Close.
type digest struct {
	fp  hash.Hash
	sha *asyncSHA256 // nil unless asked for
}

func newDigest(withSHA256 bool) *digest {
	d := &digest{fp: NewFingerprint()}
	if withSHA256 {
		d.sha = newAsyncSHA256()
	}
	return d
}

func (d *digest) Write(p []byte) (int, error) {
	d.fp.Write(p)
	if d.sha != nil {
		return d.sha.Write(p)
	}
	return len(p), nil
}

// sums returns the hex fingerprint and SHA-256 ("" when not asked for) of everything written.
func (d *digest) sums() (fingerprint, sha string) {
	if d.sha != nil {
		sha = d.sha.Sum()
	}
	return hex.EncodeToString(d.fp.Sum(nil)), sha
}

// Close stops the SHA-256's goroutine when the sums are not wanted; it may follow sums.
func (d *digest) Close() {
	if d.sha != nil {
		d.sha.Close()
	}
}

// A download is fingerprinted with the duplicate index's hash (XXH3-128, fingerprint.go), so a
// downloaded file is recognised if it is uploaded again. It runs inline: at over 10 GB/s it
// costs under 0.1 s of CPU per GiB, less than handing the bytes to another goroutine would.
//
// The SHA-256 is computed only when asked (memories download --sha256). It runs at about 1 GB/s
// per core even with the CPU's SHA extensions: a second of CPU per GiB, as much as moving the
// bytes through loopback TCP. Done inline it adds that second to the transfer; done on its own
// goroutine it overlaps with the network and disk work whenever a core is free.
//
// hashChunk bytes are handed over at a time (so the goroutine wakes 1024 times per GiB, not
// 32768), and at most hashChunks of them are in flight: memory is fixed whatever the file size,
// and a slow hash holds the transfer back instead of queueing the file in memory.
const (
	hashChunk  = 1 << 20
	hashChunks = 4
)

// errHashClosed is returned by a Write after Sum or Close.
var errHashClosed = errors.New("transfer: hash already finished")

// asyncSHA256 is an io.Writer that computes the SHA-256 of everything written to it on a
// goroutine of its own. Write copies the bytes and returns, so the caller may reuse its buffer.
// Sum or Close must be called once writing is over, to stop the goroutine; a Write after that
// fails instead of racing the finished hash.
type asyncSHA256 struct {
	h    hash.Hash // only the goroutine touches it until done is closed
	full chan []byte
	free chan []byte
	done chan struct{}

	mu     sync.Mutex
	cur    []byte // the chunk being filled; nil when none is held
	closed bool
}

func newAsyncSHA256() *asyncSHA256 {
	a := &asyncSHA256{h: sha256.New(), full: make(chan []byte, hashChunks),
		free: make(chan []byte, hashChunks), done: make(chan struct{})}
	for range hashChunks {
		a.free <- make([]byte, 0, hashChunk)
	}
	go a.loop()
	return a
}

// loop hashes full chunks in order and recycles them.
func (a *asyncSHA256) loop() {
	defer close(a.done)
	for b := range a.full {
		a.h.Write(b)
		a.free <- b[:0]
	}
}

func (a *asyncSHA256) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return 0, errHashClosed
	}
	n := len(p)
	for len(p) > 0 {
		if a.cur == nil {
			a.cur = <-a.free
		}
		c := copy(a.cur[len(a.cur):cap(a.cur)], p)
		a.cur, p = a.cur[:len(a.cur)+c], p[c:]
		if len(a.cur) == cap(a.cur) {
			a.full <- a.cur
			a.cur = nil
		}
	}
	return n, nil
}

// finish hands over the last partial chunk (when flush is set), stops the goroutine and waits
// for it; later Writes fail. It reports whether this call did the finishing.
func (a *asyncSHA256) finish(flush bool) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return false
	}
	a.closed = true
	if flush && len(a.cur) > 0 {
		a.full <- a.cur
	}
	a.cur = nil
	close(a.full)
	<-a.done
	return true
}

// Sum waits for the goroutine and returns the hex SHA-256 of everything written. It must be
// called at most once, and not after Close.
func (a *asyncSHA256) Sum() string {
	if !a.finish(true) {
		panic("transfer: asyncSHA256.Sum after Sum or Close")
	}
	return hex.EncodeToString(a.h.Sum(nil))
}

// Close abandons the hash and stops the goroutine; it may be called more than once, and after Sum.
func (a *asyncSHA256) Close() { a.finish(false) }

// proven reports whether a file's sums are those the proof recorded: its fingerprint, or for a
// proof written before fingerprints, its SHA-256. A proof with neither proves nothing.
func (p *PartProof) proven(fingerprint, sha string) bool {
	if p.Fingerprint != "" {
		return fingerprint == p.Fingerprint
	}
	return p.SHA256 != "" && sha == p.SHA256
}

// needsSHA256 reports whether checking a file against the proof takes its SHA-256.
func (p *PartProof) needsSHA256() bool { return p.Fingerprint == "" && p.SHA256 != "" }

// complete reports whether the proof vouches for a whole file (its sums were recorded once the
// part was complete and synced).
func (p *PartProof) complete() bool {
	return p.Size >= 0 && (p.Fingerprint != "" || p.SHA256 != "")
}

// fileSums reads a plain file (refusing links) once and returns its result: length, fingerprint
// and, when withSHA256, its SHA-256.
func fileSums(path string, withSHA256 bool) (contract.JobResult, error) {
	return fileSumsCtx(context.Background(), path, withSHA256)
}

// fileSumsCtx is fileSums, stopped by ctx between reads.
func fileSumsCtx(ctx context.Context, path string, withSHA256 bool) (contract.JobResult, error) {
	f, err := safefile.OpenOwn(path, os.O_RDONLY)
	if err != nil {
		return contract.JobResult{}, err
	}
	defer f.Close()
	d := newDigest(withSHA256)
	defer d.Close()
	n, err := readInto(ctx, d, f)
	if err != nil {
		return contract.JobResult{}, fmt.Errorf("reading %s: %w", path, err)
	}
	fp, sha := d.sums()
	return contract.JobResult{Path: path, Bytes: n, Fingerprint: fp, SHA256: sha}, nil
}
