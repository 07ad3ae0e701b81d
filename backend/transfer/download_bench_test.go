package transfer

import (
	"bytes"
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/sandbox"
)

// BenchmarkDownloadPath saves a 256 MiB asset from the sandbox over loopback through the path a
// download job takes (the client's streamed body, the fingerprint, safefile's write, writeback
// and fsync), without the job bookkeeping:
//
//	go test -run '^$' -bench DownloadPath -cpuprofile cpu.out ./backend/transfer
//
// shows where the CPU goes (the sandbox's share is in the same profile).
func BenchmarkDownloadPath(b *testing.B) {
	for _, sha := range []bool{false, true} {
		b.Run(map[bool]string{false: "fingerprint", true: "fingerprint+sha256"}[sha], func(b *testing.B) {
			benchDownload(b, sha)
		})
	}
}

func benchDownload(b *testing.B, withSHA256 bool) {
	sb, err := sandbox.New(sandbox.Options{APIKey: "sk-bench"})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	b.Cleanup(func() { srv.Close(); sb.Close() })
	id, err := sb.AddAsset("big.mp4", bytes.NewReader(randomBytes(256<<20, 1)))
	if err != nil {
		b.Fatal(err)
	}
	c, err := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "sk-bench"})
	if err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "big.mp4")
	b.SetBytes(256 << 20)
	for range b.N {
		dl, err := c.DownloadAsset(context.Background(), id, api.DownloadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		d := newDigest(withSHA256)
		_, err = safefile.WriteAtomic(context.Background(), dl.Body, dl.Size, dest, safefile.Options{Overwrite: true, Hash: d})
		d.sums()
		dl.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}
