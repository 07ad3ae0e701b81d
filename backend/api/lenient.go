package api

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// The service sends some numbers as strings (docs/API.md §7.4) ("1744905509814", "12.5", "",
// "null") and some strings as the text "null". These types decode all of those; anything
// unparseable becomes the zero value rather than failing a whole page of results, and NaN/Inf never
// get through.

// flexFloat is a number that may arrive as a JSON number or a string.
type flexFloat float64

// flexInt is an integer that may arrive as a JSON number (possibly fractional) or a string.
type flexInt int64

// flexOptFloat is an optional number: absent, null, "" and "null" all mean "not set".
type flexOptFloat struct {
	v   float64
	set bool
}

// flexString is a string where the text "null" means empty.
type flexString string

// UnmarshalJSON decodes a number or numeric string.
func (f *flexFloat) UnmarshalJSON(b []byte) error {
	v, _ := parseFlexNumber(b)
	*f = flexFloat(v)
	return nil
}

// UnmarshalJSON decodes an integer, keeping precision for large values sent as integers.
func (n *flexInt) UnmarshalJSON(b []byte) error {
	text := flexText(b)
	if i, err := strconv.ParseInt(text, 10, 64); err == nil {
		*n = flexInt(i)
		return nil
	}
	v, _ := parseFlexNumber(b)
	*n = flexInt(clampToInt64(v))
	return nil
}

// UnmarshalJSON decodes an optional number.
func (o *flexOptFloat) UnmarshalJSON(b []byte) error {
	o.v, o.set = parseFlexNumber(b)
	return nil
}

// UnmarshalJSON decodes a string, mapping null and "null" to "".
func (s *flexString) UnmarshalJSON(b []byte) error {
	var v string
	if err := json.Unmarshal(b, &v); err != nil || strings.EqualFold(v, "null") {
		v = ""
	}
	*s = flexString(v)
	return nil
}

// ptr returns the value as a pointer, nil when not set.
func (o flexOptFloat) ptr() *float64 {
	if !o.set {
		return nil
	}
	v := o.v
	return &v
}

// parseFlexNumber returns the finite number in b (a JSON number or string) and whether there
// was one.
func parseFlexNumber(b []byte) (float64, bool) {
	v, err := strconv.ParseFloat(flexText(b), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// flexText strips the quotes of a JSON string (without unescaping: numbers need none).
func flexText(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = bytes.TrimSpace(b[1 : len(b)-1])
	}
	return string(b)
}

func clampToInt64(v float64) int64 {
	switch {
	case v >= math.MaxInt64:
		return math.MaxInt64
	case v <= math.MinInt64:
		return math.MinInt64
	}
	return int64(v)
}
