package transfer

import (
	"memories-desktop/backend/contract"
	"memories-desktop/backend/safefile"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOnlyTheJobsOwnProofIsTrusted(t *testing.T) {
	j := contract.Job{ID: 7}
	good := DownloadSpec{AssetID: "re_1", Dest: "/out/clip.mp4"}
	good.Part = newPartProof(j, good)
	if ownProof(j, good) == nil {
		t.Fatalf("the job's own proof %+v is refused", good.Part)
	}
	for name, edit := range map[string]func(p *PartProof){
		"another job":        func(p *PartProof) { p.Job = 8 },
		"another source":     func(p *PartProof) { p.Source = "re_2" },
		"a path":             func(p *PartProof) { p.Name = "../elsewhere.part" },
		"the final name":     func(p *PartProof) { p.Name = "clip.mp4" },
		"not a partial name": func(p *PartProof) { p.Name = "notes.txt" },
		"a bare suffix":      func(p *PartProof) { p.Name = safefile.PartSuffix },
	} {
		spec := good
		p := *good.Part
		edit(&p)
		spec.Part = &p
		if ownProof(j, spec) != nil {
			t.Errorf("%s: proof %+v trusted", name, p)
		}
	}
}

func TestPartNamesFitTheFileNameLimit(t *testing.T) {
	name := strings.Repeat("évè", 50) + ".mp4" // 254 bytes; 5-byte runs, so a cut can fall inside a character
	j := contract.Job{ID: 123456789}
	spec := DownloadSpec{VideoNo: "VI1", Dest: "/out/" + name}
	spec.Part = newPartProof(j, spec)
	if n := spec.Part.Name; len(n) > maxNameBytes || !utf8.ValidString(n) || ownProof(j, spec) == nil {
		t.Fatalf("part name of %d bytes: %q", len(n), n)
	}
}
