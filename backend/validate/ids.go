package validate

import "strings"

// ID kinds, used as the field name in messages.
const (
	FieldVideoNo = "video number"
	FieldAssetID = "asset id"
	FieldID      = "id"
)

// ID checks an identifier the service issued (video number, asset id, task id): 1 to MaxIDLen
// letters, digits, '_', '-' and '.', not starting with '.'. Ids end up in request paths and in
// file names (ID.mp4), so anything that could climb out of either ("../x", "a/b") is refused.
func ID(field, id string) error {
	switch {
	case id == "":
		return invalid(field, "the %s is empty", field)
	case len(id) > MaxIDLen:
		return invalid(field, "the %s is longer than %d characters", field, MaxIDLen)
	case strings.HasPrefix(id, ".") || strings.Contains(id, ".."):
		return invalid(field, "%q is not a valid %s", id, field)
	case strings.IndexFunc(id, notIDRune) >= 0:
		return invalid(field, "%q is not a valid %s (only letters, digits, _ - and . are used)", id, field)
	}
	return nil
}

// IDs checks every id with ID.
func IDs(field string, ids []string) error {
	for _, id := range ids {
		if err := ID(field, id); err != nil {
			return err
		}
	}
	return nil
}

func notIDRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.')
}
