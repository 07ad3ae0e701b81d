// Package store is the app's embedded database (bbolt). Every bucket is declared in this file,
// with the schema version and the migrations that bring older files up to date.
package store

import (
	"memories-desktop/backend/contract/jobkind"
	"memories-desktop/backend/contract/jobstate"
)

// Bucket names. Keys inside ordered buckets are fixed-width big-endian so byte order is time order.
var (
	bucketMeta = []byte("meta") // schema version and other singletons

	// Version 2: the transfer queue and its history.
	bucketJobs        = []byte("jobs")          // jobKey (BE created ms ‖ BE id) → Job JSON
	bucketJobIDs      = []byte("job_ids")       // BE id → jobKey
	bucketJobActive   = []byte("job_active")    // jobKey → empty, for jobs whose state is Active()
	bucketJobSummary  = []byte("job_summary")   // jobKey → compact summary (see summary_job.go)
	bucketVideos      = []byte("videos")        // scope ‖ 0x00 ‖ video no → Video JSON
	bucketVideoByTime = []byte("video_by_time") // scope ‖ 0x00 ‖ BE created ms ‖ video no → summary
	bucketHashes      = []byte("hashes")        // XXH3-128 fingerprint (FingerprintSize bytes) ‖ scope → BE at ms ‖ video no

	// Version 3: each scope's number of videos, kept with every write (see video_count.go).
	bucketVideoCounts = []byte("video_counts") // scope ‖ 0x00 → BE count of its video_by_time rows

	// Version 4: jobs by state, so the scheduler finds the next queued jobs without decoding
	// every active one (see job_state_index.go).
	bucketJobByState = []byte("job_by_state") // state code ‖ kind code ‖ jobKey → empty

	// Version 5: watch folders and what each has seen (see watch.go).
	bucketWatches    = []byte("watches")     // watch name → the watch's settings (JSON, package watch)
	bucketWatchFiles = []byte("watch_files") // watch name → nested bucket: file key → record (JSON)
	// Unversioned, because it is only a cache: created on open, ignored by older builds, not
	// salvaged by a repair (see search_cache.go).
	bucketSearchCache = []byte("search_cache") // SHA-256 of the question → BE answered ms ‖ answer
)

// allBuckets are created on open; a migration adds to this list, never renames in place.
var allBuckets = [][]byte{
	bucketMeta,
	bucketJobs, bucketJobIDs, bucketJobActive, bucketJobSummary,
	bucketVideos, bucketVideoByTime, bucketHashes,
	bucketVideoCounts,
	bucketJobByState,
	bucketWatches, bucketWatchFiles,
	bucketSearchCache,
}

var keySchemaVersion = []byte("schema_version")

// metaAppPrefix namespaces the keys of GetMeta/PutMeta inside the meta bucket, so app values can
// never overwrite the schema version.
const metaAppPrefix = "app."

// schemaVersion is what this build writes. Files from a newer build are refused rather than
// silently mangled.
const schemaVersion uint64 = 5

// migrations[i] upgrades a file at version i to version i+1. Version 0 is an empty file.
var migrations = []func(tx txn) error{
	func(tx txn) error { return nil }, // 0 → 1: buckets are created by ensureBuckets
	func(tx txn) error { return nil }, // 1 → 2: job, video and hash buckets are new and empty
	rebuildVideoCounts,                // 2 → 3: each scope's video count is kept from now on
	rebuildJobStateIndex,              // 3 → 4: jobs are indexed by state and kind
	func(tx txn) error { return nil }, // 4 → 5: the watch buckets are new and empty
}

// jobKindCodes and jobStateCodes give each kind and state the byte stored in job summaries: the
// index is the code. Code 0 is reserved; append new values, never reorder or reuse a code.
var (
	jobKindCodes  = []jobkind.JobKind{"", jobkind.UploadFile, jobkind.UploadURL, jobkind.Import, jobkind.Download, jobkind.DownloadAsset}
	jobStateCodes = []jobstate.JobState{"", jobstate.Queued, jobstate.Running, jobstate.Paused, jobstate.Done, jobstate.Failed, jobstate.Canceled, jobstate.Interrupted}
)
