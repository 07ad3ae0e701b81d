package store

import (
	"errors"
	"strings"
	"testing"
)

func TestHashIndexFindsUploadsPerScope(t *testing.T) {
	db, _ := openTest(t)
	sum := strings.Repeat("ab", 16)
	if err := db.PutHash(sum, "main", "VI42", 1234); err != nil {
		t.Fatal(err)
	}
	no, at, ok, err := db.LookupHash(strings.ToUpper(sum), "main")
	if err != nil || !ok || no != "VI42" || at != 1234 {
		t.Fatalf("lookup: %q %d %v %v", no, at, ok, err)
	}
	if _, _, ok, err := db.LookupHash(sum, "other"); ok || err != nil {
		t.Fatalf("other scope: %v %v", ok, err)
	}
	if _, _, ok, _ := db.LookupHash(strings.Repeat("cd", 16), "main"); ok {
		t.Fatal("unknown hash found")
	}
}

func TestHashIndexRefusesMalformedDigests(t *testing.T) {
	db, _ := openTest(t)
	for _, sum := range []string{"", "abc", strings.Repeat("zz", 16), strings.Repeat("ab", 15), strings.Repeat("ab", 32)} {
		if err := db.PutHash(sum, "main", "VI1", 1); !errors.Is(err, ErrInvalid) {
			t.Errorf("put %q: %v", sum, err)
		}
		if _, _, _, err := db.LookupHash(sum, "main"); !errors.Is(err, ErrInvalid) {
			t.Errorf("lookup %q: %v", sum, err)
		}
	}
}
