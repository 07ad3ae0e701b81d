package sources

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"strings"
)

// Split groups links by platform, in the stable order of Platforms and in input order within
// a platform, and cuts each group into tasks of at most MaxLinksPerTask canonical links, because
// the import endpoint accepts one platform and 50 links per request. Links should be unique
// (ParseLines makes them so); links of unknown platforms are left out.
func Split(links []contract.Link) []contract.ImportTask {
	var tasks []contract.ImportTask
	for _, pf := range Platforms {
		tasks = append(tasks, chunk(pf, canonicals(links, pf))...)
	}
	return tasks
}

// canonicals returns the canonical links of one platform, in input order.
func canonicals(links []contract.Link, pf contract.Platform) []string {
	var out []string
	for _, l := range links {
		if l.Platform == pf {
			out = append(out, l.Canonical)
		}
	}
	return out
}

// chunk cuts one platform's links into tasks of at most MaxLinksPerTask.
func chunk(pf contract.Platform, links []string) []contract.ImportTask {
	var tasks []contract.ImportTask
	for len(links) > 0 {
		n := min(len(links), MaxLinksPerTask)
		tasks = append(tasks, contract.ImportTask{Platform: pf, Links: links[:n:n]})
		links = links[n:]
	}
	return tasks
}

// Summary describes the plan in one line for the intake screen, for example
// "120 lines: 97 links (TikTok 40, YouTube 30, Instagram 27) in 3 tasks; 8 duplicates; 15 invalid".
func Summary(p Plan) string {
	return i18n.T("plan.summary", i18n.Args{"Lines": i18n.T("plan.lines", i18n.Args{"Count": p.Lines}),
		"Links": i18n.T("plan.links", i18n.Args{"Count": len(p.Links)}), "PerPlatform": perPlatform(p),
		"Tasks":      i18n.T("plan.tasks", i18n.Args{"Count": len(p.Tasks)}),
		"Duplicates": i18n.T("plan.duplicates", i18n.Args{"Count": len(p.Duplicates)}),
		"Invalid":    i18n.T("plan.invalid", i18n.Args{"Count": len(p.Problems)})})
}

// perPlatform lists the non-zero link counts per platform in parentheses, or nothing.
func perPlatform(p Plan) string {
	var parts []string
	for _, pf := range Platforms {
		if n := len(canonicals(p.Links, pf)); n > 0 {
			parts = append(parts, i18n.T("plan.platform", i18n.Args{"Platform": Title(pf), "N": n}))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return i18n.T("plan.perPlatform", i18n.Args{"List": strings.Join(parts, i18n.T("plan.separator"))})
}
