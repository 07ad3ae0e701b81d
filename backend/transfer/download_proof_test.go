package transfer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
)

func TestAsyncSHA256MatchesSHA256(t *testing.T) {
	data := make([]byte, 2*hashChunk*hashChunks+12345) // every buffer reused, and a partial chunk
	rand.NewChaCha8([32]byte{1}).Read(data)
	want := sha256.Sum256(data)
	for _, step := range []int{999, 32 << 10, hashChunk - 1, hashChunk, 3*hashChunk + 7} {
		h := newAsyncSHA256()
		for p := data; len(p) > 0; {
			n := min(step, len(p))
			chunk := append([]byte(nil), p[:n]...)
			if got, err := h.Write(chunk); got != n || err != nil {
				t.Fatalf("step %d: Write = %d, %v", step, got, err)
			}
			clear(chunk) // the caller may reuse its buffer as soon as Write returns
			p = p[n:]
		}
		if got := h.Sum(); got != hex.EncodeToString(want[:]) {
			t.Fatalf("step %d: sum %s, want %x", step, got, want)
		}
	}
}

func TestAsyncSHA256Empty(t *testing.T) {
	want := sha256.Sum256(nil)
	if got := newAsyncSHA256().Sum(); got != hex.EncodeToString(want[:]) {
		t.Fatalf("sum %s, want %x", got, want)
	}
}

// A transport may still read the body (and so write here) after the request returned and the
// hash was closed: those writes fail instead of panicking or racing.
func TestAsyncSHA256WritesAfterClose(t *testing.T) {
	h := newAsyncSHA256()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			buf := make([]byte, 100<<10)
			for range 50 {
				if _, err := h.Write(buf); err != nil {
					if !errors.Is(err, errHashClosed) {
						t.Errorf("Write: %v", err)
					}
					return
				}
			}
		})
	}
	h.Close()
	wg.Wait()
	h.Close() // a second Close is harmless
	if _, err := h.Write([]byte("x")); !errors.Is(err, errHashClosed) {
		t.Fatalf("Write after Close = %v, want errHashClosed", err)
	}
}
