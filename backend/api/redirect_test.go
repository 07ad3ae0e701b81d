package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// keyCatcher is a server that records whether any request reached it with the key.
type keyCatcher struct {
	*httptest.Server
	sawKey, hits atomic.Int64
}

func newKeyCatcher(t *testing.T, then http.HandlerFunc) *keyCatcher {
	k := &keyCatcher{}
	k.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k.hits.Add(1)
		if r.Header.Get("Authorization") != "" {
			k.sawKey.Add(1)
		}
		then(w, r)
	}))
	t.Cleanup(k.Close)
	return k
}

func TestRedirectToAnotherPortDropsTheKey(t *testing.T) {
	other := newKeyCatcher(t, func(w http.ResponseWriter, r *http.Request) { writeEnvelope(w, "0000", "ok", nil) })
	// Both servers listen on 127.0.0.1: same host name, different port.
	origin := newKeyCatcher(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	c := newTestClient(t, origin.URL)
	if err := c.DeleteVideos(context.Background(), "s", []string{"VI1"}); err != nil {
		t.Fatalf("redirected call: %v", err)
	}
	if origin.sawKey.Load() != 1 || other.hits.Load() != 1 {
		t.Fatalf("origin saw key %d times, other hit %d times", origin.sawKey.Load(), other.hits.Load())
	}
	if n := other.sawKey.Load(); n != 0 {
		t.Fatalf("the key reached another port %d time(s)", n)
	}
}

func TestRedirectWithinTheOriginKeepsTheKey(t *testing.T) {
	var srv *keyCatcher
	srv = newKeyCatcher(t, func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/moved") {
			http.Redirect(w, r, srv.URL+r.URL.Path+"/moved", http.StatusTemporaryRedirect)
			return
		}
		writeEnvelope(w, "0000", "ok", nil)
	})
	c := newTestClient(t, srv.URL)
	if err := c.DeleteVideos(context.Background(), "s", []string{"VI1"}); err != nil {
		t.Fatal(err)
	}
	if srv.sawKey.Load() != 2 {
		t.Fatalf("key seen %d times over 2 same-origin requests", srv.sawKey.Load())
	}
}

func TestRedirectLoopIsCapped(t *testing.T) {
	var srv *keyCatcher
	srv = newKeyCatcher(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, srv.URL+r.URL.Path, http.StatusFound)
	})
	err := newTestClient(t, srv.URL).DeleteVideos(context.Background(), "s", []string{"VI1"})
	if err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Fatalf("err = %v", err)
	}
	if n := srv.hits.Load(); n != maxRedirects {
		t.Fatalf("%d requests for a redirect loop, want %d", n, maxRedirects)
	}
}

func TestOriginNormalisesDefaultPorts(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"https://h/x", "https://h:443/y", true},
		{"https://h/x", "http://h/x", false},
		{"http://h:80/", "http://h:8080/", false},
		{"http://h/", "http://H/", true},
	} {
		a, b := mustURL(t, c.a), mustURL(t, c.b)
		if (origin(a) == origin(b)) != c.same {
			t.Errorf("origin(%s) vs origin(%s): same=%v", c.a, c.b, !c.same)
		}
	}
}

func mustURL(t *testing.T, raw string) *url.URL {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
