package api

import (
	"encoding/json"
	"memories-desktop/backend/contract"
	"reflect"
	"testing"
)

func TestLenientNumbers(t *testing.T) {
	cases := []struct {
		in      string
		i       int64
		f       float64
		present bool
	}{
		{`123`, 123, 123, true},
		{`"123"`, 123, 123, true},
		{`"12.5"`, 12, 12.5, true},
		{`12.5`, 12, 12.5, true},
		{`"1744905509814"`, 1744905509814, 1744905509814, true},
		{`9007199254740993`, 9007199254740993, 9007199254740992, true}, // int64 keeps precision
		{`""`, 0, 0, false},
		{`"null"`, 0, 0, false},
		{`null`, 0, 0, false},
		{`"NaN"`, 0, 0, false},
		{`"Infinity"`, 0, 0, false},
		{`"abc"`, 0, 0, false},
		{`true`, 0, 0, false},
		{`" 42 "`, 42, 42, true},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			var v struct {
				I flexInt      `json:"i"`
				F flexFloat    `json:"f"`
				O flexOptFloat `json:"o"`
			}
			doc := `{"i":` + tc.in + `,"f":` + tc.in + `,"o":` + tc.in + `}`
			if err := json.Unmarshal([]byte(doc), &v); err != nil {
				t.Fatal(err)
			}
			if int64(v.I) != tc.i || float64(v.F) != tc.f || v.O.set != tc.present {
				t.Fatalf("got %d %v %+v", v.I, v.F, v.O)
			}
			if p := v.O.ptr(); (p != nil) != tc.present || (p != nil && *p != tc.f) {
				t.Fatalf("ptr = %v", p)
			}
		})
	}
}

func TestLenientStrings(t *testing.T) {
	var v struct {
		A, B, C, D flexString
		T1, T2, T3 flexStrings
	}
	doc := `{"A":"null","B":null,"C":"ok","D":5,"T1":["x","y"],"T2":"a, b,,c","T3":null}`
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != "" || v.B != "" || v.C != "ok" || v.D != "" {
		t.Fatalf("strings: %+v", v)
	}
	if !reflect.DeepEqual([]string(v.T1), []string{"x", "y"}) || !reflect.DeepEqual([]string(v.T2), []string{"a", "b", "c"}) || v.T3 != nil {
		t.Fatalf("tags: %q %q %q", v.T1, v.T2, v.T3)
	}
}

func TestVideoDecodesStringlyTypedFields(t *testing.T) {
	doc := `{"video_no":"VI1","video_name":"clip","status":"PARSE_ERROR","cause":"null","duration":"12.5",
		"size":"1048576","create_time":"1744905509814","datetime_taken":1744900000000,"camera_model":"X100",
		"latitude":"48.85","longitude":2.35,"tags":["api","trip"],"bucket":"mavi-resource","blob":"VI1.mp4",
		"video_url":"https://cdn/x.mp4","resolution_label":"720P","fps":"29.97","width":"1280","height":720}`
	var w videoWire
	if err := json.Unmarshal([]byte(doc), &w); err != nil {
		t.Fatal(err)
	}
	want := contract.VideoDetails{VideoNo: "VI1", Name: "clip", Status: StatusFailed, Duration: 12.5, Size: 1048576,
		CreateTime: 1744905509814, DatetimeTaken: 1744900000000, CameraModel: "X100",
		Latitude: ptr(48.85), Longitude: ptr(2.35), Tags: []string{"api", "trip"}, Bucket: "mavi-resource",
		Blob: "VI1.mp4", VideoURL: "https://cdn/x.mp4", Resolution: "720P", FPS: 29.97, Width: 1280, Height: 720}
	if got := w.video(); !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

func TestVideoWithoutCoordinatesHasNilPointers(t *testing.T) {
	var w videoWire
	if err := json.Unmarshal([]byte(`{"video_no":"VI2","latitude":"","longitude":null}`), &w); err != nil {
		t.Fatal(err)
	}
	if v := w.video(); v.Latitude != nil || v.Longitude != nil {
		t.Fatalf("got %v %v", v.Latitude, v.Longitude)
	}
}
