package core

import (
	"fmt"
	"testing"
)

func TestDescribeNamesTheRejectedField(t *testing.T) {
	c := startCore(t, Options{})
	lat := 123.0
	lon := 10.0
	err := c.ValidateMeta(Meta{Latitude: &lat, Longitude: &lon})
	info := Describe(fmt.Errorf("queue: %w", err))
	if info.Code != "invalid_input" || info.Field != "latitude" || info.Message == "" || info.Next == "" {
		t.Fatalf("%+v", info)
	}
	if err := c.ValidateMeta(Meta{TakenAt: "yesterday"}); Describe(err).Field != "takenAt" {
		t.Fatalf("capture time: %+v", Describe(err))
	}
}
