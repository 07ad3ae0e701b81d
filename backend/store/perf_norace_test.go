//go:build !race

package store

// guardRows is the history size of the speed guard: the full 100,000 jobs without the race
// detector.
const guardRows = 100_000
