package sandbox

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestUploadCurlWire replays curl's request byte for byte over TCP, including the
// "Expect: 100-continue" handshake curl performs for bodies over 1 MiB.
func TestUploadCurlWire(t *testing.T) {
	s, ts := newSandbox(t, Options{})
	const boundary = "------------------------3f1c2b7a9d8e6f50"
	video := strings.Repeat("\x00\x01video", 120_000)
	body := rawMultipart(boundary, videoPart(video), field("unique_id", "default"), field("tags", "a"), field("tags", "b"))
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "POST /serve/api/v1/upload HTTP/1.1\r\nHost: %s\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n"+
		"Authorization: %s\r\nContent-Length: %d\r\nContent-Type: multipart/form-data; boundary=%s\r\n"+
		"Expect: 100-continue\r\n\r\n", ts.Listener.Addr(), testKey, len(body), boundary)
	br := bufio.NewReader(conn)
	if line, _ := br.ReadString('\n'); line != "HTTP/1.1 100 Continue\r\n" {
		t.Fatalf("want 100 Continue, got %q", line)
	}
	_, _ = br.ReadString('\n')
	_, _ = io.WriteString(conn, body)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	readEnvelope(t, res).ok(t)
	if v := s.Videos("default"); len(v) != 1 || v[0].Size != int64(len(video)) {
		t.Errorf("stored %+v", v)
	}
}
