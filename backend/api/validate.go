package api

import (
	"cmp"
	"math"
	"net/url"
	"strings"

	"memories-desktop/backend/i18n"
)

// DefaultScope is the namespace (the service's unique_id) used when none is given.
const DefaultScope = "default"

// ScopeOr returns the namespace to use: scope without surrounding spaces, or DefaultScope when
// that is empty, because the service rejects an empty unique_id.
func ScopeOr(scope string) string { return cmp.Or(strings.TrimSpace(scope), DefaultScope) }

// parseHTTPURL accepts only absolute http(s) URLs with a host, at most max bytes (0: no limit).
func parseHTTPURL(field, raw string, max int) (*url.URL, error) {
	if raw == "" {
		return nil, invalid(field, "api.urlRequired")
	}
	if max > 0 && len(raw) > max {
		return nil, invalid(field, "api.urlLong", i18n.Args{"Max": max})
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, invalid(field, "api.urlScheme")
	}
	return u, nil
}

// checkCoordinates requires latitude and longitude together, finite and within range.
func checkCoordinates(lat, lon *float64) error {
	if (lat == nil) != (lon == nil) {
		field := "latitude"
		if lon == nil {
			field = "longitude"
		}
		return invalid(field, "api.latLon")
	}
	if lat == nil {
		return nil
	}
	if err := checkRange("latitude", *lat, 90); err != nil {
		return err
	}
	return checkRange("longitude", *lon, 180)
}

func checkRange(field string, v, limit float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < -limit || v > limit {
		return invalid(field, "api.range", i18n.Args{"Limit": i18n.Default().Decimal(limit, 6)})
	}
	return nil
}

// checkIDs requires between 1 and max non-empty identifiers.
func checkIDs(field string, ids []string, max int) error {
	if len(ids) == 0 || len(ids) > max {
		return invalid(field, "api.idsCount", i18n.Args{"Max": max, "Count": len(ids)})
	}
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			return invalid(field, "api.entryEmpty")
		}
	}
	return nil
}

// checkRequired rejects an empty value.
func checkRequired(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return invalid(field, "api.required")
	}
	return nil
}
