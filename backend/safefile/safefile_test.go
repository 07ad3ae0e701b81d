package safefile

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAtomicCompletes(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "v.mp4")
	data := bytes.Repeat([]byte("memories"), 100_000)
	var last int64
	h := sha256.New()
	saved, err := WriteAtomic(context.Background(), bytes.NewReader(data), int64(len(data)), dest,
		Options{Progress: func(n int64) { last = n }, Hash: h})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if saved.Bytes != int64(len(data)) || !bytes.Equal(h.Sum(nil), sum[:]) || last != saved.Bytes {
		t.Fatalf("saved %+v, progress %d", saved, last)
	}
	got, _ := os.ReadFile(dest)
	if !bytes.Equal(got, data) {
		t.Fatal("content differs")
	}
	assertNoFile(t, dest+PartSuffix)
}

func TestWriteAtomicLeavesNothingUnderFinalNameOnFailure(t *testing.T) {
	cases := map[string]struct {
		r    io.Reader
		size int64
		want error
	}{
		"short stream":     {strings.NewReader("half"), 8, ErrTruncated},
		"unexpected EOF":   {io.MultiReader(strings.NewReader("ab"), errReader{io.ErrUnexpectedEOF}), -1, ErrTruncated},
		"connection reset": {io.MultiReader(strings.NewReader("ab"), errReader{errors.New("reset")}), -1, nil},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "v.mp4")
			_, err := WriteAtomic(context.Background(), tc.r, tc.size, dest, Options{})
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			assertNoFile(t, dest)
			assertNoFile(t, dest+PartSuffix)
		})
	}
}

func TestWriteAtomicKeepsPartialWhenAsked(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "v.mp4")
	_, err := WriteAtomic(context.Background(), strings.NewReader("abc"), 10, dest, Options{KeepPartial: true})
	if !errors.Is(err, ErrTruncated) {
		t.Fatal(err)
	}
	assertNoFile(t, dest)
	if got, _ := os.ReadFile(dest + PartSuffix); string(got) != "abc" {
		t.Fatalf("part = %q", got)
	}
}

func TestWriteAtomicNeverOverwritesSilently(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "v.mp4")
	os.WriteFile(dest, []byte("precious"), 0o644)
	_, err := WriteAtomic(context.Background(), strings.NewReader("new"), 3, dest, Options{})
	if !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(dest); string(got) != "precious" {
		t.Fatalf("existing file changed: %q", got)
	}
	if _, err := WriteAtomic(context.Background(), strings.NewReader("new"), 3, dest, Options{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(dest); string(got) != "new" {
		t.Fatalf("overwrite failed: %q", got)
	}
}

func TestWriteAtomicStopsOnCancel(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "v.mp4")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := WriteAtomic(ctx, strings.NewReader("data"), 4, dest, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	assertNoFile(t, dest)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func assertNoFile(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s exists (err %v)", path, err)
	}
}

func TestWriteAtomicResumesFromOffset(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "v.mp4")
	data := []byte("0123456789abcdef")
	os.WriteFile(dest+PartSuffix, data[:6], 0o644)
	h := sha256.New()
	saved, err := WriteAtomic(context.Background(), bytes.NewReader(data[6:]), int64(len(data)), dest, Options{Offset: 6, Hash: h})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	got, _ := os.ReadFile(dest)
	if string(got) != string(data) || saved.Bytes != 16 || hex.EncodeToString(h.Sum(nil)) != hex.EncodeToString(sum[:]) {
		t.Fatalf("resumed file %q, %+v", got, saved)
	}
}

// A file several read buffers long, resumed from an offset that is not a multiple of one, comes
// out whole and with the SHA-256 of all of it.
func TestWriteAtomicLargeResumedFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "v.mp4")
	data := bytes.Repeat([]byte("0123456789abcdef"), (5*bufSize)/16+1000)
	offset := int64(2*bufSize + 12345)
	if err := os.WriteFile(dest+PartSuffix, data[:offset], 0o644); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	saved, err := WriteAtomic(context.Background(), bytes.NewReader(data[offset:]), int64(len(data)), dest,
		Options{Offset: offset, Hash: h})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	got, _ := os.ReadFile(dest)
	if !bytes.Equal(got, data) || saved.Bytes != int64(len(data)) || !bytes.Equal(h.Sum(nil), sum[:]) {
		t.Fatalf("got %d bytes, saved %+v", len(got), saved)
	}
}

func TestWriteAtomicRefusesMismatchedPart(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "v.mp4")
	os.WriteFile(dest+PartSuffix, []byte("abc"), 0o644)
	if _, err := WriteAtomic(context.Background(), strings.NewReader("x"), 10, dest, Options{Offset: 5}); err == nil {
		t.Fatal("resumed from a part file of the wrong length")
	}
	assertNoFile(t, dest)
}
