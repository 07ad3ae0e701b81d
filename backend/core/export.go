package core

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/settings"
	"memories-desktop/backend/store"
)

// ExportHistory writes every job to path as CSV or JSON (by extension), atomically.
func (c *Service) ExportHistory(path string) (int, error) {
	jobs, err := c.allJobs()
	if err != nil {
		return 0, err
	}
	var data []byte
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		data, err = json.MarshalIndent(jobs, "", "  ")
	case ".csv":
		data, err = historyCSV(jobs)
	default:
		return 0, &api.ValidationError{Field: "path", Message: i18n.T("history.exportType")}
	}
	if err != nil {
		return 0, err
	}
	return len(jobs), settings.WriteFileAtomic(path, data, 0o644)
}

func (c *Service) allJobs() ([]contract.JobView, error) {
	var out []contract.JobView
	cursor := ""
	for {
		page, err := c.activeDB().Jobs(store.JobQuery{Before: cursor, Limit: 1000})
		if err != nil {
			return nil, err
		}
		for _, j := range page.Jobs {
			out = append(out, c.engine().View(j, nil))
		}
		if cursor = page.NextCursor; cursor == "" {
			return out, nil
		}
	}
}

var csvHeader = []string{"id", "kind", "state", "name", "scope", "created", "updated", "video_nos",
	"task_id", "path", "bytes", "sha256", "fingerprint", "server_status", "error_code", "error"}

func historyCSV(jobs []contract.JobView) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(csvHeader)
	for _, j := range jobs {
		code, msg := "", ""
		if j.Error != nil {
			code, msg = j.Error.Code, j.Error.Message
		}
		w.Write([]string{strconv.FormatUint(j.ID, 10), string(j.Kind), string(j.State), cell(j.Name), cell(j.Scope),
			stamp(j.Created), stamp(j.Updated), strings.Join(j.Result.VideoNos, " "), cell(j.Result.TaskID),
			cell(j.Result.Path), strconv.FormatInt(j.Result.Bytes, 10), j.Result.SHA256, j.Result.Fingerprint,
			cell(j.Result.Status), code, cell(msg)})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// cell keeps a text a spreadsheet would run as a formula (a file named "=HYPERLINK(…).mp4") as
// plain text, by the usual leading apostrophe.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func stamp(ms int64) string { return time.UnixMilli(ms).UTC().Format(time.RFC3339) }
