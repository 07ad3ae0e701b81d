package main

import "testing"

// BenchmarkImport30000Links submits 600 import tasks through the CLI against the in-process
// sandbox with pacing off; with -cpuprofile it shows where the CPU goes between requests
// (docs/RELIABILITY.md): go test -run '^$' -bench Import30000 -benchtime 1x -cpuprofile cpu.out ./cmd/memories
func BenchmarkImport30000Links(b *testing.B) { benchmarkImport(b, 30_000) }
