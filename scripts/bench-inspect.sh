#!/usr/bin/env bash
# Media inspection benchmark: how long the upload check takes to read the container of a 3 GB
# file, and how many bytes it reads (it must read the index, not the media). The file is sparse:
# the real header and index of a tiny video around 3 GB of holes, so it costs no disk. Writes
# (or replaces) the "Media inspection" section of docs/BENCHMARKS.md. Seconds to run.
set -euo pipefail
cd "$(dirname "$0")/.."
DOC=${BENCH_DOC:-docs/BENCHMARKS.md}
CMD="go test -run '^\$' -bench '^BenchmarkInspect' -benchtime 50x ./backend/media"
OUT=$(go test -run '^$' -bench '^BenchmarkInspect' -benchtime 50x ./backend/media)
CPU=$(sed -n 's/^cpu: *//p' <<<"$OUT" | sed 's/ *$//')

# result NAME prints "milliseconds bytes-read" of one benchmark.
result() {
  local line
  line=$(grep "^Benchmark$1-" <<<"$OUT") || { echo "bench-inspect: no $1 in: $OUT" >&2; exit 1; }
  awk '{ for (i = 1; i < NF; i++) { if ($(i+1) == "ns/op") ns = $i; if ($(i+1) == "bytes-read/op") rd = $i } }
    END { printf "%.2f %d\n", ns / 1e6, rd }' <<<"$line"
}
read -r MS READ < <(result Inspect3GB)
read -r SMALL_MS SMALL_READ < <(result InspectSmall)

SECTION=$(cat <<MD
## Media inspection

The upload check reads a video's container before an upload is spent (codec, audio track, capture
details). For a 3 GB MP4 whose index sits at the end, as most cameras write it:

| file | time per check | bytes read |
|---|---|---|
| 3 GB MP4 (sparse: a real header and index around 3 GB of media) | $MS ms | $READ bytes |
| the same header and index in their original 5.7 KB file | $SMALL_MS ms | $SMALL_READ bytes |

Measured with \`$CMD\` on $CPU (\`make bench-inspect\`; \`make bench\` runs it too). The time is
spent walking the box headers and the index, and both files are read for the same bytes: the time
does not grow with the amount of media (on this shared 2-core machine, repeated runs of either row
vary between about 2 and 6 ms).
MD
)
scripts/doc-section.sh "$DOC" <<<"$SECTION"
echo "bench-inspect: a 3 GB file checked in $MS ms ($READ bytes read), its 5.7 KB original in $SMALL_MS ms; written to $DOC"
