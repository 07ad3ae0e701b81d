package store

import (
	"fmt"
	"testing"
)

// An answer is returned with its time; the oldest answers go once the cache is full; an answer
// too big is not kept; Forget empties it.
func TestSearchCache(t *testing.T) {
	db := openAt(t, t.TempDir())
	if _, ok, err := db.CachedSearch("q"); ok || err != nil {
		t.Fatalf("empty cache answered: %v %v", ok, err)
	}
	for i := range MaxCachedSearches + 5 {
		if err := db.CacheSearch(fmt.Sprint("q", i), int64(1000+i), []byte(fmt.Sprint("answer", i))); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := db.CachedSearch("q7")
	if !ok || err != nil || string(got.Data) != "answer7" || got.At != 1007 {
		t.Fatalf("q7: %+v %v %v", got, ok, err)
	}
	for i := range 5 {
		if _, ok, _ := db.CachedSearch(fmt.Sprint("q", i)); ok {
			t.Fatalf("q%d was not dropped", i)
		}
	}
	db.CacheSearch("big", 1, make([]byte, MaxCachedAnswer+1))
	if _, ok, _ := db.CachedSearch("big"); ok {
		t.Fatal("an oversized answer was kept")
	}
	if err := db.ForgetSearches(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.CachedSearch("q7"); ok {
		t.Fatal("forgotten answer returned")
	}
}
