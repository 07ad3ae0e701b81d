package core

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"memories-desktop/backend/sources"
	"memories-desktop/backend/transfer"
	"memories-desktop/backend/validate"
)

// ParseLinks plans the links in text (the app's link box as the user types, the CLI's
// arguments); ReadLinks streams them from r, any number of lines (a line too long is a
// *contract.LineTooLongError).
func ParseLinks(text string) contract.LinkPlan { return linkPlan(sources.ParseLines(text)) }

func ReadLinks(r io.Reader) (contract.LinkPlan, error) {
	p, err := sources.ReadLines(r)
	return linkPlan(p), err
}

func linkPlan(p sources.Plan) contract.LinkPlan {
	return contract.LinkPlan{Lines: p.Lines, Links: p.Links, Duplicates: p.Duplicates, Problems: p.Problems,
		Tasks: p.Tasks, Summary: sources.Summary(p), Warnings: warnings(p)}
}

func warnings(p sources.Plan) []string {
	var w []string
	for _, t := range p.Tasks {
		if t.Platform == sources.YouTube {
			w = append(w, i18n.T("importRequest.youtubeCosts"))
			break
		}
	}
	if len(p.Duplicates) > 0 {
		w = append(w, i18n.T("importRequest.duplicatesOnce", i18n.Args{"Count": len(p.Duplicates)}))
	}
	return w
}

// EnqueueImport queues one task per platform group of at most 50 links, all in one transaction.
// Invalid lines are skipped (the plan shows them); an empty plan is an error.
func (c *Service) EnqueueImport(r contract.ImportRequest) ([]contract.JobView, error) {
	if err := c.usable(); err != nil {
		return nil, err
	}
	p := sources.ParseLines(r.Text)
	if len(p.Tasks) == 0 {
		return nil, &api.ValidationError{Field: "links", Message: i18n.T("importRequest.noLinks")}
	}
	if !validQuality(r.Quality) {
		return nil, &api.ValidationError{Field: "quality", Message: i18n.T("importRequest.quality",
			i18n.Args{"Min": api.Qualities[0], "Max": api.Qualities[len(api.Qualities)-1]})}
	}
	if err := validate.Callback(strings.TrimSpace(r.Callback)); err != nil {
		return nil, err
	}
	scope := c.current().Scope
	drafts := make([]transfer.Draft, 0, len(p.Tasks))
	for _, t := range p.Tasks {
		d, err := c.engine().PlanImport(transfer.ImportSpec{Platform: string(t.Platform), Links: t.Links,
			Scope: scope, Quality: r.Quality, Callback: strings.TrimSpace(r.Callback)})
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, d)
	}
	return c.record(drafts)
}

func validQuality(q string) bool {
	for _, v := range api.Qualities {
		if v == q {
			return true
		}
	}
	return false
}

const maxLinksFile = 4 << 20

// ReadLinksFile reads a dropped or chosen .txt/.csv of links (at most 4 MiB).
func (c *Service) ReadLinksFile(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".txt" && ext != ".csv" {
		return "", &api.ValidationError{Field: "file", Message: i18n.T("importRequest.fileType")}
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxLinksFile+1))
	if len(data) > maxLinksFile {
		return "", &api.ValidationError{Field: "file", Message: i18n.T("importRequest.fileTooBig",
			i18n.Args{"Size": i18n.Default().Size(maxLinksFile)})}
	}
	return string(data), err
}
