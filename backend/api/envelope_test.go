package api

import "testing"

func TestEnvelopeSucceeded(t *testing.T) {
	cases := []struct {
		body string
		ok   bool
		code string
	}{
		{`{"code":"0000","data":null}`, true, "0000"},
		{`{"code":200,"data":null}`, true, "200"},
		{`{"code":"200"}`, false, "200"}, // a v1 string code other than 0000 is an error
		{`{"code":"0429","success":true}`, false, "0429"},
		{`{"code":401}`, false, "401"},
		{`{"success":true,"failed":false}`, true, ""},
		{`{"success":true,"failed":true}`, false, ""},
		{`{"code":null,"success":true}`, true, ""},
		{`{}`, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.body, func(t *testing.T) {
			env, ok := decodeEnvelope([]byte(tc.body))
			if !ok {
				t.Fatal("not decoded")
			}
			if env.succeeded() != tc.ok || env.Code.text != tc.code {
				t.Fatalf("succeeded=%v code=%q", env.succeeded(), env.Code.text)
			}
		})
	}
}

func TestEnvelopeRejectsNonObjects(t *testing.T) {
	for _, body := range []string{``, `<html>`, `[]`, `"x"`, `{"code":{}}`} {
		if _, ok := decodeEnvelope([]byte(body)); ok {
			t.Errorf("%q decoded as an envelope", body)
		}
	}
}

func TestEnvelopeMessagePrefersMsg(t *testing.T) {
	env, _ := decodeEnvelope([]byte(`{"msg":"m","message":"x","error":"e"}`))
	if env.message() != "m" {
		t.Fatalf("got %q", env.message())
	}
	env, _ = decodeEnvelope([]byte(`{"error":"Service Unavailable","status":503}`))
	if env.message() != "Service Unavailable" {
		t.Fatalf("got %q", env.message())
	}
}
