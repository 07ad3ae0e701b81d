package core

import (
	"errors"
	"fmt"
	"testing"

	"memories-desktop/backend/contract"
)

// Select-all covers every matching video, well past one page of the view, minus the unchecked.
func TestSelectedVideosCoversEveryMatchNotJustAPage(t *testing.T) {
	c := startCore(t, Options{})
	scope := c.current().Scope
	var rows []contract.CachedVideo
	for i := range 2500 {
		status := "PARSE"
		if i%5 == 0 {
			status = "UNPARSE"
		}
		rows = append(rows, contract.CachedVideo{VideoNo: fmt.Sprintf("VI%05d", i), Scope: scope, Name: "v", Status: status, Created: int64(i)})
	}
	if err := c.activeDB().PutVideos(rows); err != nil {
		t.Fatal(err)
	}
	sel := contract.Selection{Query: contract.LibraryQuery{Status: "PARSE", Limit: 50}, Except: []string{"VI00001", "VI00000"}, Expect: 1999}
	nos, err := c.SelectedVideos(sel)
	if err != nil || len(nos) != 1999 {
		t.Fatalf("%d videos, %v; want 1999 (2000 PARSE minus one unchecked)", len(nos), err)
	}
	seen := map[string]bool{}
	for _, no := range nos {
		if seen[no] || no == "VI00001" || no == "VI00005" {
			t.Fatalf("%s listed twice, unchecked or not matching", no)
		}
		seen[no] = true
	}
	sel.Expect = 2000
	if _, err := c.SelectedVideos(sel); !errors.Is(err, ErrSelectionChanged) {
		t.Fatalf("count mismatch gave %v, want ErrSelectionChanged", err)
	}
}
