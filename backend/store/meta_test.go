package store

import "testing"

func TestMetaValuesPersistAndCannotTouchTheSchemaVersion(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	if v, err := db.GetMeta("pacer"); v != nil || err != nil {
		t.Fatalf("unset key: %q, %v", v, err)
	}
	if err := db.PutMeta("pacer", []byte(`{"upload":1}`)); err != nil {
		t.Fatal(err)
	}
	if err := db.PutMeta(string(keySchemaVersion), []byte("garbage")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openAt(t, dir)
	if v, _ := db.GetMeta("pacer"); string(v) != `{"upload":1}` {
		t.Fatalf("after reopen: %q", v)
	}
	if v, err := db.SchemaVersion(); err != nil || v != schemaVersion {
		t.Fatalf("schema version %d, %v", v, err)
	}
}
