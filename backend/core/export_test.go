package core

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"memories-desktop/backend/api"
	"memories-desktop/backend/media/mediatest"
)

func TestExportHistoryWritesCSVAndJSONSafely(t *testing.T) {
	c := startCore(t, Options{ForceSandbox: true}, withEngine())
	dir := t.TempDir()
	hostile := filepath.Join(dir, "=HYPERLINK(1).mp4")
	os.WriteFile(hostile, mediatest.MP4([]byte("video bytes")), 0o644)
	uploadDone(t, c, hostile)

	csvPath := filepath.Join(dir, "history.csv")
	if n, err := c.ExportHistory(csvPath); err != nil || n != 1 {
		t.Fatalf("csv: %d %v", n, err)
	}
	rows, err := csv.NewReader(mustOpen(t, csvPath)).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][0] != "id" || len(rows[1]) != len(rows[0]) {
		t.Fatalf("csv rows %q %v", rows, err)
	}
	row := map[string]string{}
	for i, h := range rows[0] {
		row[h] = rows[1][i]
	}
	if row["name"] != "'=HYPERLINK(1).mp4" || row["state"] != "done" || !strings.HasPrefix(row["video_nos"], "VI") ||
		len(row["fingerprint"]) != 32 {
		t.Fatalf("csv row %v", row)
	}

	jsonPath := filepath.Join(dir, "history.json")
	if _, err := c.ExportHistory(jsonPath); err != nil {
		t.Fatal(err)
	}
	var jobs []map[string]any
	if err := json.Unmarshal(mustRead(t, jsonPath), &jobs); err != nil || len(jobs) != 1 || jobs[0]["name"] != "=HYPERLINK(1).mp4" {
		t.Fatalf("json %v %v", jobs, err)
	}

	var ve *api.ValidationError
	if _, err := c.ExportHistory(filepath.Join(dir, "history.xlsx")); !errors.As(err, &ve) || ve.Field != "path" {
		t.Fatalf("unsupported extension: %v", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
