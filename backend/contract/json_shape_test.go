package contract_test

import (
	"go/ast"
	"reflect"
	"slices"
	"strings"
	"testing"

	"memories-desktop/backend/contract"
)

// contractTypes holds every struct type of package contract (the test below checks the list is whole).
var contractTypes = map[string]reflect.Type{
	"ErrorInfo": reflect.TypeFor[contract.ErrorInfo](), "Status": reflect.TypeFor[contract.Status](),
	"Connection": reflect.TypeFor[contract.Connection](), "Settings": reflect.TypeFor[contract.Settings](),
	"KeyInfo": reflect.TypeFor[contract.KeyInfo](), "Meta": reflect.TypeFor[contract.Meta](),
	"UploadBatch": reflect.TypeFor[contract.UploadBatch](), "Scan": reflect.TypeFor[contract.Scan](),
	"Verdict": reflect.TypeFor[contract.Verdict](), "Duplicate": reflect.TypeFor[contract.Duplicate](),
	"LinkPlan": reflect.TypeFor[contract.LinkPlan](), "Link": reflect.TypeFor[contract.Link](),
	"LinkProblem": reflect.TypeFor[contract.LinkProblem](), "ImportRequest": reflect.TypeFor[contract.ImportRequest](),
	"UploadRules": reflect.TypeFor[contract.UploadRules](), "LibraryQuery": reflect.TypeFor[contract.LibraryQuery](),
	"VideoPage": reflect.TypeFor[contract.VideoPage](), "CachedVideo": reflect.TypeFor[contract.CachedVideo](),
	"VideoDetails": reflect.TypeFor[contract.VideoDetails](), "RefreshResult": reflect.TypeFor[contract.RefreshResult](),
	"Selection": reflect.TypeFor[contract.Selection](), "DownloadResult": reflect.TypeFor[contract.DownloadResult](),
	"JobQuery": reflect.TypeFor[contract.JobQuery](),
	"JobPage":  reflect.TypeFor[contract.JobPage](), "JobView": reflect.TypeFor[contract.JobView](),
	"JobResult": reflect.TypeFor[contract.JobResult](), "JobError": reflect.TypeFor[contract.JobError](),
	"Progress": reflect.TypeFor[contract.Progress](), "RetryAll": reflect.TypeFor[contract.RetryAll](),
	"SearchQuery": reflect.TypeFor[contract.SearchQuery](), "SearchAnswer": reflect.TypeFor[contract.SearchAnswer](),
	"Moment": reflect.TypeFor[contract.Moment](), "RecentSearch": reflect.TypeFor[contract.RecentSearch](),
	"Transcript": reflect.TypeFor[contract.Transcript](), "Summary": reflect.TypeFor[contract.Summary](),
	"Fetched": reflect.TypeFor[contract.Fetched](), "Language": reflect.TypeFor[contract.Language](), "Hit": reflect.TypeFor[contract.Hit](),
	"Segment": reflect.TypeFor[contract.Segment](), "Chapter": reflect.TypeFor[contract.Chapter](),
	"ImportTask": reflect.TypeFor[contract.ImportTask](), "FileUpload": reflect.TypeFor[contract.FileUpload](),
	"FileMeta": reflect.TypeFor[contract.FileMeta](), "Job": reflect.TypeFor[contract.Job](),
	"StateChange": reflect.TypeFor[contract.StateChange](), "RetryView": reflect.TypeFor[contract.RetryView](),
	"DownloadRequest": reflect.TypeFor[contract.DownloadRequest](), "JobSubject": reflect.TypeFor[contract.JobSubject](),
	"DBReport": reflect.TypeFor[contract.DBReport](), "Repaired": reflect.TypeFor[contract.Repaired](),
	"ServerPage": reflect.TypeFor[contract.ServerPage](), "ListRequest": reflect.TypeFor[contract.ListRequest](),
	"LineTooLongError": reflect.TypeFor[contract.LineTooLongError](),
	"ImageRequest":     reflect.TypeFor[contract.ImageRequest](),
	"PhrasePage":       reflect.TypeFor[contract.PhrasePage](),
	"PhraseRequest":    reflect.TypeFor[contract.PhraseRequest](),
	"SearchRequest":    reflect.TypeFor[contract.SearchRequest](),
	"WatchConfig":      reflect.TypeFor[contract.WatchConfig](),
	"WatchEvent":       reflect.TypeFor[contract.WatchEvent](),
	"WatchIssue":       reflect.TypeFor[contract.WatchIssue](),
	"WatchRunOptions":  reflect.TypeFor[contract.WatchRunOptions](),
	"WatchStats":       reflect.TypeFor[contract.WatchStats](),
	"WatchSummary":     reflect.TypeFor[contract.WatchSummary](),
}

// cliOnly are the search requests, which go from the CLI to core and never to the UI; their JSON
// is the key of the kept answers, so it stays as it is.
var cliOnly = map[string]bool{"SearchRequest": true, "PhraseRequest": true, "ImageRequest": true}

// Wails types a Go pointer field as optional in models.ts ("latitude?: number"), so the UI reads
// an unknown value as undefined; encoding/json sends a nil pointer as null unless the field says
// omitempty. The details drawer hung on "Loading details…" that way: `latitude !== undefined`
// let null through to null.toFixed(), which threw while rendering. Every pointer field the UI
// receives must therefore be left out when nil.
func TestPointerFieldsTheUIReadsAreOmittedWhenNil(t *testing.T) {
	seen := map[reflect.Type]bool{}
	for name, typ := range contractTypes {
		if cliOnly[name] {
			continue
		}
		checkPointersOmitted(t, name, typ, seen)
	}
}

func checkPointersOmitted(t *testing.T, path string, typ reflect.Type, seen map[reflect.Type]bool) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map || typ.Kind() == reflect.Array {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || seen[typ] {
		return
	}
	seen[typ] = true
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		opts := strings.Split(tag, ",")
		if f.Type.Kind() == reflect.Pointer && !slices.Contains(opts[1:], "omitempty") && !slices.Contains(opts[1:], "omitzero") {
			t.Errorf("%s.%s (%s) is a pointer without omitempty: a nil one reaches the UI as null, "+
				"while models.ts types it as optional (undefined)", path, f.Name, typ)
		}
		checkPointersOmitted(t, path+"."+f.Name, f.Type, seen)
	}
}

// The list above names every struct type of package contract, so a new one is checked too.
func TestContractTypesListIsWhole(t *testing.T) {
	for qualified, def := range declaredTypes(t) {
		if _, isStruct := def.(*ast.StructType); !isStruct {
			continue
		}
		name := strings.TrimPrefix(qualified, "contract.")
		if _, ok := contractTypes[name]; !ok {
			t.Errorf("contract.%s is not in contractTypes (json_shape_test.go)", name)
		}
	}
}
