//go:build race

package store

// guardRows is smaller under the race detector, which slows building the fixture tenfold.
const guardRows = 10_000
