package api

import (
	"cmp"
	"errors"
	"io"
	"sync"
)

// ErrFileGrew reports a file that grew while it was being uploaded, so the declared
// Content-Length no longer matches.
var ErrFileGrew = errors.New("the file grew while it was being uploaded")

// exactReader passes through exactly size bytes of r, calling progress with the running total
// after every read. A source that ends early fails with io.ErrUnexpectedEOF and one that has
// more bytes fails with ErrFileGrew, so a changing file never uploads silently truncated.
type exactReader struct {
	r        io.Reader
	size     int64
	sent     int64
	progress func(sent int64)

	mu  sync.Mutex // the transport may still read after the request returns
	err error      // the first failure of the source itself, kept for the caller
}

func (e *exactReader) Read(p []byte) (int, error) {
	n, err := e.read(p)
	if err != nil && err != io.EOF {
		e.mu.Lock()
		e.err = cmp.Or(e.err, err)
		e.mu.Unlock()
	}
	return n, err
}

// failure returns the first error the source itself reported, if any.
func (e *exactReader) failure() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}

func (e *exactReader) read(p []byte) (int, error) {
	if e.sent == e.size {
		return 0, e.checkEnd()
	}
	if rest := e.size - e.sent; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := e.r.Read(p)
	e.sent += int64(n)
	if n > 0 && e.progress != nil {
		e.progress(e.sent)
	}
	if err == io.EOF && e.sent < e.size {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// checkEnd confirms, with one probing read, that the source is exhausted once size bytes have
// been read.
func (e *exactReader) checkEnd() error {
	var probe [1]byte
	n, err := e.r.Read(probe[:])
	if n > 0 {
		return ErrFileGrew
	}
	if err == nil {
		return io.EOF
	}
	return err
}
