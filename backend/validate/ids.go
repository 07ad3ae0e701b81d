package validate

import (
	"fmt"
	"strings"

	"memories-desktop/backend/i18n"
)

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
		return invalid(field, "rule.idEmpty", i18n.Args{"Field": fieldName(field)})
	case len(id) > MaxIDLen:
		return invalid(field, "rule.idLong", i18n.Args{"Field": fieldName(field), "Max": MaxIDLen})
	case strings.HasPrefix(id, ".") || strings.Contains(id, ".."):
		return invalid(field, "rule.idInvalid", i18n.Args{"ID": fmt.Sprintf("%q", id), "Field": fieldName(field)})
	case strings.IndexFunc(id, notIDRune) >= 0:
		return invalid(field, "rule.idChars", i18n.Args{"ID": fmt.Sprintf("%q", id), "Field": fieldName(field)})
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

// fieldNames are the catalogue ids of the id fields' names, as a sentence names them.
var fieldNames = map[string]string{FieldVideoNo: "field.videoNo", FieldAssetID: "field.assetID", FieldID: "field.id"}

// fieldName is field as people read it in the language.
func fieldName(field string) string {
	if id, ok := fieldNames[field]; ok {
		return i18n.T(id)
	}
	return field
}
