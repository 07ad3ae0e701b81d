package api

import (
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"
)

func TestMultipartBodyLengthIsExact(t *testing.T) {
	file := strings.Repeat("v", 1234)
	b, err := newMultipartBody([]formField{{"unique_id", "x"}, {"tags", "a"}, {"tags", "b"}}, `we"ird\name.mp4`, "video/mp4")
	if err != nil {
		t.Fatal(err)
	}
	all, err := io.ReadAll(b.reader(strings.NewReader(file)))
	if err != nil || int64(len(all)) != b.length(int64(len(file))) {
		t.Fatalf("rendered %d bytes, length says %d (%v)", len(all), b.length(int64(len(file))), err)
	}
	_, params, err := mime.ParseMediaType(b.contentType)
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(strings.NewReader(string(all)), params["boundary"])
	var names []string
	for part, err := mr.NextPart(); err == nil; part, err = mr.NextPart() {
		names = append(names, part.FormName())
		if part.FormName() == "file" {
			data, _ := io.ReadAll(part)
			_, dp, _ := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
			if string(data) != file || dp["filename"] != `we"ird\name.mp4` || part.Header.Get("Content-Type") != "video/mp4" {
				t.Fatalf("file part %q %v", dp["filename"], part.Header)
			}
		}
	}
	if strings.Join(names, ",") != "unique_id,tags,tags,file" {
		t.Fatalf("parts %v", names)
	}
}
