package sandbox

import (
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// handleUploadURL serves POST /serve/api/v1/upload_url. Like the docs require it takes form
// fields, not JSON. The sandbox never fetches the link: the video gets synthetic bytes.
func (s *Server) handleUploadURL(c *call) (any, error) {
	form, err := urlEncodedForm(c.r)
	if err != nil {
		return nil, err
	}
	link, err := httpLink(form.Get("url"), "url")
	if err != nil {
		return nil, err
	}
	v, err := parseMeta(form)
	if err != nil {
		return nil, err
	}
	v.SourceURL, v.FileName, v.CreateTime = link.String(), linkFileName(link), c.now
	withSynthetic(&v, v.SourceURL)
	stored := s.addVideo(v, c.faults.FailParse)
	s.incr(func(st *Stats) { st.URLUploads++ })
	return newUploadResponse(stored), nil
}

// urlEncodedForm parses an application/x-www-form-urlencoded body and explains the usual mistake
// of sending JSON instead.
func urlEncodedForm(r *http.Request) (url.Values, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/x-www-form-urlencoded":
	case "application/json":
		return nil, badParam("use form fields, not JSON: send application/x-www-form-urlencoded")
	default:
		return nil, badParam("Content-Type must be application/x-www-form-urlencoded")
	}
	if err := r.ParseForm(); err != nil {
		return nil, badParam("malformed form body")
	}
	return r.PostForm, nil
}

// httpLink validates that raw is an absolute http(s) URL with a host.
func httpLink(raw, field string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if raw == "" {
		return nil, badParam("%s is required", field)
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, badParam("%s must be an http(s) link with a host: %q", field, raw)
	}
	return u, nil
}

// linkFileName derives a file name from the last path segment of a link.
func linkFileName(u *url.URL) string {
	name := path.Base(u.Path)
	if name == "/" || name == "." {
		name = u.Hostname()
	}
	if path.Ext(name) == "" {
		name += ".mp4"
	}
	return name
}
