package media

import (
	"errors"
	"regexp"
	"strconv"
)

// iso6709 matches the decimal-degree form cameras write: "+48.8584+002.2945+035.000/",
// latitude and longitude each with its sign, then an optional altitude and the closing slash.
var iso6709 = regexp.MustCompile(`^([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)(?:[+-]\d+(?:\.\d+)?)?(?:CRS[^/]*)?/?$`)

// ParseISO6709 reads latitude and longitude in decimal degrees from an ISO 6709 location.
func ParseISO6709(s string) (lat, lon float64, err error) {
	m := iso6709.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, errors.New("not an ISO 6709 location in decimal degrees")
	}
	lat, _ = strconv.ParseFloat(m[1], 64)
	lon, _ = strconv.ParseFloat(m[2], 64)
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, errors.New("the location is out of range")
	}
	return lat, lon, nil
}
