package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"memories-desktop/backend/clock/clocktest"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/jobstate"
	"memories-desktop/backend/safefile"
	"memories-desktop/backend/sandbox"
	"memories-desktop/backend/store"
)

// randomBytes returns n bytes that differ for every seed.
func randomBytes(n int, seed uint64) []byte {
	b := make([]byte, n)
	var key [32]byte
	key[0], key[1] = byte(seed), byte(seed>>8)
	rand.NewChaCha8(key).Read(b)
	return b
}

// asset seeds a sandbox asset of n bytes and returns its id and content.
func (r *rig) asset(name string, n int, seed uint64) (string, []byte) {
	r.t.Helper()
	data := randomBytes(n, seed)
	id, err := r.sb.AddAsset(name, bytes.NewReader(data))
	if err != nil {
		r.t.Fatal(err)
	}
	return id, data
}

// pausedDownload starts spec with the sandbox throttled and pauses it once its own .part holds
// some bytes; it returns the paused job and the part's path, and leaves the sandbox unthrottled.
func (r *rig) pausedDownload(spec DownloadSpec) (contract.Job, string) {
	r.t.Helper()
	r.sb.SetFaults(sandbox.Faults{DownloadRate: 50_000}) // seconds to pause in, however busy the machine
	j, err := r.eng.EnqueueDownload(spec)
	if err != nil {
		r.t.Fatal(err)
	}
	dir := filepath.Dir(spec.Dest)
	var part string
	clocktest.WaitFor(r.t, func() bool {
		part = ownPartOf(r.db, j.ID, dir)
		st, err := os.Stat(part)
		return part != "" && err == nil && st.Size() > 20_000
	})
	if err := r.eng.Pause(j.ID); err != nil {
		r.t.Fatal(err)
	}
	r.sb.SetFaults(sandbox.Faults{})
	if got := r.wait(j.ID)[0]; got.State != jobstate.Paused {
		r.t.Fatalf("job %s, want paused", got.State)
	}
	return j, part
}

// ownPartOf returns the path of the partial file job id's proof names, "" while it has none.
func ownPartOf(db *store.DB, id uint64, dir string) string {
	j, err := db.Job(id)
	var spec DownloadSpec
	if err != nil || json.Unmarshal(j.Params, &spec) != nil || spec.Part == nil {
		return ""
	}
	return filepath.Join(dir, spec.Part.Name)
}

// reopen stops the engine, lets edit change the database while no engine runs (as a killed
// process leaves it), and starts a new engine with o.
func (r *rig) reopen(o Options, edit func(db *store.DB)) {
	r.t.Helper()
	r.close()
	db, err := store.Open(r.dir, time.Second)
	if err != nil {
		r.t.Fatal(err)
	}
	edit(db)
	db.Close()
	r.open(o)
}

// editSpec rewrites job id's download parameters.
func editSpec(t *testing.T, db *store.DB, id uint64, f func(*DownloadSpec)) {
	t.Helper()
	_, err := db.UpdateJob(id, func(j *contract.Job) error {
		var spec DownloadSpec
		if err := json.Unmarshal(j.Params, &spec); err != nil {
			return err
		}
		f(&spec)
		p, err := json.Marshal(spec)
		j.Params = p
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// newHandlerRig is a rig whose engine talks to h instead of the sandbox.
func newHandlerRig(t *testing.T, h http.Handler, o Options) *rig {
	r := newRig(t, sandbox.Options{})
	r.close()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	r.url = srv.URL
	r.open(o)
	return r
}

// assertFile checks that path is a plain file (not a link) holding want.
func assertFile(t *testing.T, path string, want []byte) {
	t.Helper()
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() {
		t.Fatalf("%s: %v, mode %v; want a plain file", path, err, st)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Fatalf("%s holds %d bytes that differ from the %d expected", path, len(got), len(want))
	}
}

// partsIn lists the partial files in dir.
func partsIn(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "*"+safefile.PartSuffix))
	return m
}

func assertNoFile(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s exists (err %v)", path, err)
	}
}
