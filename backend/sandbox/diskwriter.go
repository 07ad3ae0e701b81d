package sandbox

import (
	"io"
	"os"
	"sync"
)

// diskBuffers is how many copyBufSize buffers a diskWriter cycles through.
const diskBuffers = 4

// diskWriter writes to a file from its own goroutine, so reading the next chunk from the network
// overlaps with writing the previous one to disk; for a 1 GiB upload that is the difference
// between the sum and the maximum of network and disk time.
type diskWriter struct {
	f      *os.File
	full   chan []byte
	free   chan []byte
	failed chan struct{} // closed after the first write error
	err    error         // the first write error; read after failed is closed or loop ended
	done   sync.WaitGroup
	cur    []byte
}

// newDiskWriter starts the writing goroutine; Close must be called to stop it.
func newDiskWriter(f *os.File) *diskWriter {
	d := &diskWriter{f: f, full: make(chan []byte, diskBuffers), free: make(chan []byte, diskBuffers),
		failed: make(chan struct{})}
	for range diskBuffers {
		d.free <- make([]byte, 0, copyBufSize)
	}
	d.done.Add(1)
	go d.loop()
	return d
}

// loop writes full buffers in order; after a failure it only recycles them.
func (d *diskWriter) loop() {
	defer d.done.Done()
	for b := range d.full {
		if d.err == nil {
			if _, d.err = d.f.Write(b); d.err != nil {
				close(d.failed)
			}
		}
		d.free <- b[:0]
	}
}

// ReadFrom reads r straight into free buffers and queues each full one for writing. It stops
// early when a write fails, so a full disk does not make the client send gigabytes for nothing.
func (d *diskWriter) ReadFrom(r io.Reader) (int64, error) {
	var total int64
	for {
		// A failure wins over a free buffer: select alone picks at random when both are ready,
		// and after a failure the writer keeps handing buffers back.
		select {
		case <-d.failed:
			return total, d.err
		default:
		}
		select {
		case <-d.failed:
			return total, d.err
		case b := <-d.free:
			n, err := io.ReadFull(r, b[:cap(b)])
			total += int64(n)
			d.full <- b[:n]
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return total, nil
			}
			if err != nil {
				return total, err
			}
		}
	}
}

// Close waits until every queued buffer is written and reports the first write error.
func (d *diskWriter) Close() error {
	close(d.full)
	d.done.Wait()
	return d.err
}
