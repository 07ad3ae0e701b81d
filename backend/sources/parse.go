package sources

import (
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// ParseLines reads pasted text or a dropped .txt/.csv file: one or more links per line,
// separated by white space, commas or semicolons (other CSV columns are ignored). Blank lines
// and lines starting with # are skipped; a line without any link is reported as a Problem. The
// first spelling of each post is kept, later ones are Duplicates, and Tasks are ready to send.
func ParseLines(text string) Plan {
	p := planner{seen: map[string]bool{}}
	lines := splitLines(text)
	p.plan.Lines = len(lines)
	for i, line := range lines {
		p.addLine(i+1, line)
	}
	p.plan.Tasks = Split(p.plan.Links)
	return p.plan
}

// planner accumulates a Plan and remembers which posts it has seen.
type planner struct {
	plan Plan
	seen map[string]bool
}

// addLine records every link candidate on one line. A line holding a single word is
// classified as is, so it gets a precise reason ("vimeo.com is not supported"); any other line
// without a link is one Problem.
func (p *planner) addLine(n int, line string) {
	line = strings.TrimFunc(line, isSpace)
	if line == "" || strings.HasPrefix(line, "#") {
		return
	}
	fields := strings.FieldsFunc(line, isSeparator)
	switch {
	case p.addCandidates(n, fields):
	case len(fields) == 1:
		p.addToken(n, fields[0])
	default:
		p.plan.Problems = append(p.plan.Problems, contract.LinkProblem{Line: n, Raw: line, Reason: i18n.T("link.none")})
	}
}

// addCandidates adds the fields that look like links and reports whether there were any.
func (p *planner) addCandidates(n int, fields []string) bool {
	found := false
	for _, f := range fields {
		if c, ok := candidate(f); ok {
			p.addToken(n, c)
			found = true
		}
	}
	return found
}

// addToken classifies one token and files it as a link, a duplicate or a problem.
func (p *planner) addToken(n int, raw string) {
	link, err := Classify(raw)
	link.Line = n
	switch key := dedupeKey(link); {
	case err != nil:
		p.plan.Problems = append(p.plan.Problems, contract.LinkProblem{Line: n, Raw: raw, Reason: err.Error()})
	case p.seen[key]:
		p.plan.Duplicates = append(p.plan.Duplicates, link)
	default:
		p.seen[key] = true
		p.plan.Links = append(p.plan.Links, link)
	}
}

// dedupeKey identifies a post regardless of how its link was spelled: the canonical host plus
// the platform id, so a TikTok short-link code never collides with a video id.
func dedupeKey(l contract.Link) string {
	host, _, _ := strings.Cut(strings.TrimPrefix(l.Canonical, "https://"), "/")
	return host + " " + l.ID
}

// splitLines splits text into lines, accepting \n, \r\n and lone \r endings; a final line
// ending does not start another line.
func splitLines(text string) []string {
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

func isSeparator(r rune) bool {
	return isSpace(r) || r == ',' || r == ';'
}

// candidate returns the link inside a field ("url=https://…", "[title](https://…)") when the
// field holds one: anything with "://", or a bare link starting with "www." or a known host.
func candidate(field string) (string, bool) {
	if i := strings.Index(field, "://"); i >= 0 {
		return field[schemeStart(field, i):], true
	}
	s := strings.ToLower(clean(field))
	if strings.HasPrefix(s, "www.") {
		return field, true
	}
	for host := range hosts {
		if strings.HasPrefix(s, host+"/") {
			return field, true
		}
	}
	return "", false
}

// schemeStart walks back from "://" at i over the scheme's letters.
func schemeStart(s string, i int) int {
	for i > 0 && isLetter(rune(s[i-1])) {
		i--
	}
	return i
}
