package api

import (
	"context"
	"io"
	"net"
	"sync"
)

// net/http copies a request body to the connection 32 KiB at a time. For multi-gigabyte uploads
// that is 32,768 reads, writes and receiver wake-ups per GiB; at loopback or LAN speed those, not
// the bytes, are the cost. Connections from dialBigWrites copy request bodies in 1 MiB pieces.
const bodyChunk = 1 << 20

var bodyBuffers = sync.Pool{New: func() any { b := make([]byte, bodyChunk); return &b }}

// dialBigWrites wraps dial so that the connections it returns take request bodies in big writes.
func dialBigWrites(dial func(ctx context.Context, network, addr string) (net.Conn, error)) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return bigWriteConn{c}, nil
	}
}

// bigWriteConn is a net.Conn whose ReadFrom (what net/http's body copy calls) uses a 1 MiB
// buffer. Over TLS the TLS layer sits on top and frames records as before.
type bigWriteConn struct{ net.Conn }

func (c bigWriteConn) ReadFrom(r io.Reader) (int64, error) {
	buf := bodyBuffers.Get().(*[]byte)
	defer bodyBuffers.Put(buf)
	return io.CopyBuffer(writerOnly{c.Conn}, r, *buf)
}

// writerOnly hides the connection's own ReadFrom, so io.CopyBuffer uses the buffer it is given.
type writerOnly struct{ io.Writer }
