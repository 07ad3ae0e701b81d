package contract

// DBReport is what a check found in a data folder's database.
type DBReport struct {
	Path        string   `json:"path"`
	Problems    []string `json:"problems,omitempty"` // empty when the file is sound
	Jobs        int      `json:"jobs"`               // readable job records
	Videos      int      `json:"videos"`             // readable library-cache records
	DamagedJobs []uint64 `json:"damagedJobs,omitempty"`
}

// Repaired says what Repair kept and where the damaged file went.
type Repaired struct {
	KeptAt string `json:"keptAt"` // the damaged file, moved aside, never deleted
	Jobs   int    `json:"jobs"`   // job records carried over
	Videos int    `json:"videos"` // library-cache records carried over
	Hashes int    `json:"hashes"` // duplicate-index entries carried over
}

// DatabaseFile is the database file inside the data folder.
const DatabaseFile = "memories.db"

// OK reports whether nothing is wrong with the file.
func (r DBReport) OK() bool { return len(r.Problems) == 0 }
