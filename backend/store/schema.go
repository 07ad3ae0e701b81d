// Package store is the app's embedded database (bbolt). Every bucket is declared in this file,
// with the schema version and the migrations that bring older files up to date.
package store

// Bucket names. Keys inside ordered buckets are fixed-width big-endian so byte order is time order.
var (
	bucketMeta = []byte("meta") // schema version and other singletons
)

// allBuckets are created on open; a migration adds to this list, never renames in place.
var allBuckets = [][]byte{bucketMeta}

var keySchemaVersion = []byte("schema_version")

// schemaVersion is what this build writes. Files from a newer build are refused rather than
// silently mangled.
const schemaVersion uint64 = 1

// migrations[i] upgrades a file at version i to version i+1. Version 0 is an empty file.
var migrations = []func(tx txn) error{
	func(tx txn) error { return nil }, // 0 → 1: buckets are created by ensureBuckets
}
