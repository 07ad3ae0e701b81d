#!/usr/bin/env bash
# Transfer benchmark: the memories CLI against curl on the local sandbox, in the same run, for one
# big upload and one big download. Measures the median wall time, CPU time and the peak resident
# set size (GNU time's "Maximum resident set size") of each, then times the store's queries at
# 100,000 rows (the Go benchmarks in backend/store), prints the tables and writes docs/BENCHMARKS.md.
#
#   make bench                          # 1 GiB, 5 runs of each client per direction
#   BENCH_SIZE_MB=128 BENCH_RUNS=1 scripts/bench.sh   # quick run
#
# Knobs: BENCH_SIZE_MB (default 1024), BENCH_RUNS (default 5), BENCH_DOC (where the report goes,
# default docs/BENCHMARKS.md). Only 127.0.0.1 is contacted; every process and file it creates is
# removed on exit. A missed target is reported, not an error: the exit status is non-zero only
# when something fails.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${BENCH_SIZE_MB:-1024}
RUNS=${BENCH_RUNS:-5}
DOC=${BENCH_DOC:-docs/BENCHMARKS.md}
KEY=sk-bench # a throwaway key: the sandbox accepts any non-empty one
TIME_TARGET=1.05 # CLI wall time / curl's (download: curl's followed by sync FILE)
UP_CPU_TARGET=1.5 # CLI CPU time / curl's, upload
DOWN_CPU_TARGET=1.3 # CLI CPU time / that of curl followed by sync FILE, download
RSS_TARGET_MB=48

[[ $SIZE_MB =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_SIZE_MB must be a positive integer" >&2; exit 2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_RUNS must be a positive integer" >&2; exit 2; }
for tool in curl /usr/bin/time go cmp sync; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make bench installs it)" >&2; exit 2; }
done
# Loopback only: never let a proxy from the environment see the traffic.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

# The command that produced the figures, as the report quotes it.
COMMAND=$([[ -n ${MAKELEVEL:-} ]] && echo "make bench" || echo "scripts/bench.sh")
[[ -n ${BENCH_RUNS:-} ]] && COMMAND="BENCH_RUNS=$RUNS $COMMAND"
[[ -n ${BENCH_SIZE_MB:-} ]] && COMMAND="BENCH_SIZE_MB=$SIZE_MB $COMMAND"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/memories-bench.XXXXXX")
SANDBOX_PID=""
cleanup() {
  if [[ -n $SANDBOX_PID ]]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { echo "bench: $*" >&2; exit 1; }

# --- setup -------------------------------------------------------------------------------------

say "Building the CLI"
CGO_ENABLED=0 go build -trimpath -o "$TMP/memories" ./cmd/memories

say "Starting the sandbox"
mkdir -p "$TMP/sandbox"
# TMPDIR keeps the sandbox's upload folder inside $TMP, so the trap removes it whatever happens.
TMPDIR="$TMP/sandbox" "$TMP/memories" sandbox --addr 127.0.0.1:0 --json --parse-delay 1s \
  >"$TMP/sandbox.out" 2>"$TMP/sandbox.err" &
SANDBOX_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL=$(sed -n '1s/^{"url":"\(.*\)"}$/\1/p' "$TMP/sandbox.out")
  [[ -n $URL ]] && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || fail "the sandbox exited: $(cat "$TMP/sandbox.err")"
  sleep 0.1
done
[[ $URL =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || fail "unexpected sandbox URL '$URL'"

source scripts/bench-video.sh # make_video

say "Making a $SIZE_MB MiB test file"
SRC="$TMP/big.mp4"
make_video "$SRC" "$SIZE_MB"
# A file an eighth of the size, for the CLI only: its peak RSS must not depend on the size.
SMALL_MB=$(((SIZE_MB + 7) / 8))
SMALL="$TMP/small.mp4"
make_video "$SMALL" "$SMALL_MB"

CLI=(env MEMORIES_BASE_URL="$URL" MEMORIES_ASSET_BASE_URL="$URL" MEMORIES_API_KEY="$KEY"
  MEMORIES_DATA_DIR="$TMP/data" MEMORIES_RATE_LIMITS=off "$TMP/memories")
CURL=(curl -sS --fail --noproxy '*' -H "Authorization: $KEY")
OUT="$TMP/out.mp4"

# --- helpers -----------------------------------------------------------------------------------

# measure NAME CMD...: runs CMD under GNU time after flushing dirty pages (so one run's writeback
# does not land on the next), and appends its wall seconds to $TMP/NAME.wall, its CPU seconds
# (user + system) to $TMP/NAME.cpu and its peak RSS (KiB) to $TMP/NAME.rss. Wall time comes from
# bash's microsecond clock; time -v's is rounded to 10 ms.
measure() {
  local name=$1 start end
  shift
  sync
  start=$EPOCHREALTIME
  /usr/bin/time -v -o "$TMP/time.out" "$@" >"$TMP/cmd.out" 2>"$TMP/cmd.err" ||
    fail "$name failed: $(cat "$TMP/cmd.err" "$TMP/cmd.out")"
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f\n", e - s }' >>"$TMP/$name.wall"
  awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f\n", t }' "$TMP/time.out" >>"$TMP/$name.cpu"
  sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$TMP/time.out" >>"$TMP/$name.rss"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peak_mib() { sort -g "$1" | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'; }
runs() { awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 }' "$1"; }
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }

# yes_no CONDITION: "yes" or "no", from an awk expression.
yes_no() { awk "BEGIN { exit !($1) }" && echo yes || echo no; }

# video_no FILE: the video number in a JSON answer (curl's "videoNo", the CLI's "video_no").
video_no() { sed -n 's/.*"video_\{0,1\}[nN]o":"\(VI[^"]*\)".*/\1/p' "$1" | head -1; }

delete_video() {
  "${CURL[@]}" -o /dev/null -X POST -H "Content-Type: application/json" -d "[\"$1\"]" \
    "$URL/serve/api/v1/delete_videos?unique_id=default"
}

curl_upload() {
  measure curl-up "${CURL[@]}" -o "$TMP/up.json" -F "file=@$SRC;type=video/mp4" -F unique_id=default \
    "$URL/serve/api/v1/upload"
  grep -q '"code":"0000"' "$TMP/up.json" || fail "curl upload refused: $(cat "$TMP/up.json")"
  delete_video "$(video_no "$TMP/up.json")"
}

# cli_upload NAME FILE: uploads FILE and prints its video number (the caller deletes it).
cli_upload() {
  measure "$1" "${CLI[@]}" upload --json "$2"
  local no
  no=$(video_no "$TMP/cmd.out")
  [[ -n $no ]] || fail "no video number in the CLI's answer: $(cat "$TMP/cmd.out")"
  echo "$no"
}

# curl_request VIDEO: the curl command line that downloads VIDEO into $OUT.
curl_request() {
  CURL_DOWNLOAD=("${CURL[@]}" -X POST -H "Content-Type: application/json"
    -d "{\"video_no\":\"$1\",\"unique_id\":\"default\"}" -o "$OUT" "$URL/serve/api/v1/download")
}

# check_download NAME: the first download of each client is compared byte for byte with the
# source (outside the timing); every one must have the source's size (the media plus the MP4 boxes
# around it).
check_download() {
  [[ $(stat -c %s "$OUT") == $(stat -c %s "$SRC") ]] || fail "$1 downloaded a file of the wrong size"
  if [[ ! -e $TMP/$1.verified ]]; then
    cmp -s "$SRC" "$OUT" || fail "$1's download differs from the source"
    touch "$TMP/$1.verified"
  fi
  rm -f "$OUT"
}

curl_download() {
  rm -f "$OUT"
  curl_request "$1"
  measure curl-down "${CURL_DOWNLOAD[@]}"
  check_download curl
}

# The same download followed by an fsync of the file (coreutils sync FILE): the durability the CLI
# gives, for reference.
curl_sync_download() {
  rm -f "$OUT"
  curl_request "$1"
  measure curlsync-down sh -c '"$@" && exec sync "$0"' "$OUT" "${CURL_DOWNLOAD[@]}"
  check_download curlsync
}

cli_download() {
  rm -f "$OUT"
  measure cli-down "${CLI[@]}" download --overwrite -o "$OUT" "$1"
  check_download cli
}

# rotate I F...: runs the functions F in an order rotated by I, so that no client always profits
# from (or pays for) going first. The arguments after "--" go to each function.
rotate() {
  local i=$1 fns=() n k
  shift
  while [[ $1 != -- ]]; do fns+=("$1"); shift; done
  shift
  n=${#fns[@]}
  for ((k = 0; k < n; k++)); do "${fns[$(((i + k) % n))]}" "$@"; done
}

# --- runs --------------------------------------------------------------------------------------

"${CLI[@]}" list --json >/dev/null 2>&1 || true # creates the data folder outside the timings
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

cli_upload_and_delete() {
  local no
  no=$(cli_upload cli-up "$SRC")
  delete_video "$no"
}
for i in $(seq 1 "$RUNS"); do
  say "Upload, round $i of $RUNS"
  rotate "$i" curl_upload cli_upload_and_delete --
done

# The download fixture is uploaded by the CLI, so the byte-for-byte checks of the downloads also
# check what the CLI uploaded.
VIDEO=$(cli_upload fixture-up "$SRC")
for i in $(seq 1 "$RUNS"); do
  say "Download, round $i of $RUNS"
  rotate "$i" curl_download cli_download curl_sync_download -- "$VIDEO"
done

say "The CLI with a $SMALL_MB MiB file"
SMALL_VIDEO=$(cli_upload cli-small-up "$SMALL")
measure cli-small-down "${CLI[@]}" download --overwrite -o "$OUT" "$SMALL_VIDEO"
rm -f "$OUT"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

say "Store queries (go test -bench ./backend/store)"
STORE_CMD="go test -run '^\$' -bench . -benchmem ./backend/store"
go test -run '^$' -bench . -benchmem ./backend/store >"$TMP/store.txt" 2>&1 ||
  fail "the store benchmarks failed: $(cat "$TMP/store.txt")"
STORE_ROWS=$(thousands "$(sed -n 's/^const benchRows = \([0-9_]*\).*/\1/p' backend/store/store_bench_test.go | tr -d _)")

# --- report ------------------------------------------------------------------------------------

declare -A WALL CPU RSS
for n in curl-up cli-up curl-down cli-down curlsync-down; do
  WALL[$n]=$(median "$TMP/$n.wall") CPU[$n]=$(median "$TMP/$n.cpu") RSS[$n]=$(peak_mib "$TMP/$n.rss")
done
ratio() { awk -v a="${WALL[$1]}" -v b="${WALL[$2]}" 'BEGIN { printf "%.3f", a / b }'; }
cpu_ratio() { awk -v a="${CPU[$1]}" -v b="${CPU[$2]}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 99) }'; }
RATIO_UP=$(ratio cli-up curl-up) RATIO_DOWN=$(ratio cli-down curl-down)
RATIO_SYNC=$(ratio cli-down curlsync-down)
CPU_UP=$(cpu_ratio cli-up curl-up) CPU_SYNC=$(cpu_ratio cli-down curlsync-down)
TIME_UP=$(yes_no "$RATIO_UP <= $TIME_TARGET") TIME_DOWN=$(yes_no "$RATIO_SYNC <= $TIME_TARGET")
CPU_UP_OK=$(yes_no "$CPU_UP <= $UP_CPU_TARGET") CPU_DOWN_OK=$(yes_no "$CPU_SYNC <= $DOWN_CPU_TARGET")
RSS_UP=$(yes_no "${RSS[cli-up]} < $RSS_TARGET_MB") RSS_DOWN=$(yes_no "${RSS[cli-down]} < $RSS_TARGET_MB")
SMALL_UP=$(peak_mib "$TMP/cli-small-up.rss") SMALL_DOWN=$(peak_mib "$TMP/cli-small-down.rss")

row() { # label name [wall ratio] [CPU ratio]
  printf '| %s | %.2f s | %.0f MiB/s | %.2f s | %s MiB | %s | %s |\n' "$1" "${WALL[$2]}" \
    "$(awk -v m="$SIZE_MB" -v s="${WALL[$2]}" 'BEGIN { print m / s }')" "${CPU[$2]}" "${RSS[$2]}" "${3:-1.000}" "${4:-1.000}"
}
HEADER="| client | median wall time | throughput | CPU time (user + sys, median) | peak RSS | wall time / reference's | CPU time / reference's |
|---|---|---|---|---|---|---|"
UP_TABLE=$(
  echo "$HEADER"
  row "curl (reference)" curl-up
  row "\`memories\` CLI" cli-up "**$RATIO_UP**" "**$CPU_UP**"
)
DOWN_TABLE=$(
  echo "$HEADER"
  row "curl, then \`sync out.mp4\` (reference)" curlsync-down
  row "\`memories\` CLI" cli-down "**$RATIO_SYNC**" "**$CPU_SYNC**"
  row "curl alone (not durable)" curl-down "$(ratio curl-down curlsync-down)" "$(cpu_ratio curl-down curlsync-down)"
)
STORE_TABLE=$(
  echo "| benchmark | time per query | memory per query | allocations per query |"
  echo "|---|---|---|---|"
  awk '/^Benchmark.* ns\/op/ {
    name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
    for (i = 2; i < NF; i++) { if ($(i+1) == "ns/op") ns = $i; if ($(i+1) == "B/op") b = $i; if ($(i+1) == "allocs/op") a = $i }
    printf "| %s | %.2f ms | %.1f KiB | %d |\n", name, ns / 1e6, b / 1024, a
  }' "$TMP/store.txt"
)
[[ $(wc -l <<<"$STORE_TABLE") -gt 2 ]] || fail "no benchmark lines in: $(cat "$TMP/store.txt")"

CPU_MODEL=$(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -1)
CPUS=$(grep -c '^processor' /proc/cpuinfo)
SHANI=$(grep -qw sha_ni /proc/cpuinfo && echo yes || echo no)
MEM_GIB=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
FS=$(df -PT "$TMP" | awk 'NR == 2 { print $2 }')
MIB_TEXT="$SIZE_MB MiB"
((SIZE_MB % 1024)) || MIB_TEXT="$((SIZE_MB / 1024)) GiB"

mkdir -p "$(dirname "$DOC")"
cat >"$DOC" <<EOF
# Benchmarks

Produced by:

\`\`\`
$COMMAND
\`\`\`

on $(date -u '+%Y-%m-%d %H:%M UTC').

Machine: $CPU_MODEL, $CPUS logical CPUs (SHA extensions: $SHANI), $MEM_GIB GiB RAM, $FS file system;
Linux $(uname -r); $(go version | cut -d' ' -f3-); $(curl --version | head -1 | cut -d' ' -f1-2).
Load average (1, 5, 15 min) before the transfers: $LOAD_BEFORE; after: $LOAD_AFTER.

## Transfers: the CLI against curl

The \`memories\` CLI and \`curl\` on the local sandbox, in the same run: one $MIB_TEXT upload and one
$MIB_TEXT download, $RUNS run$( ((RUNS == 1)) || echo s) of each client per direction, the order of the clients rotated each
round. Wall and CPU times are medians of the runs; peak RSS is the largest "Maximum resident set
size" that \`/usr/bin/time -v\` reported. Targets: for the upload, the CLI within 5 % of curl's
wall time and within ${UP_CPU_TARGET}× its CPU time; for the download, whose file the CLI makes durable
(fsync before the final name), within 5 % of the wall time of curl followed by \`sync out.mp4\`
and within ${DOWN_CPU_TARGET}× its CPU time; under $RSS_TARGET_MB MiB of peak RSS whatever the file size.

### Upload, $MIB_TEXT

$UP_TABLE

- Wall time within 5 % of curl's: **$TIME_UP** ($RATIO_UP).
- CPU time within ${UP_CPU_TARGET}× curl's: **$CPU_UP_OK** ($CPU_UP).
- Peak RSS under $RSS_TARGET_MB MiB: **$RSS_UP** (${RSS[cli-up]} MiB; ${SMALL_UP} MiB for a $SMALL_MB MiB file).
- Runs, wall seconds in order: curl $(runs "$TMP/curl-up.wall"); CLI $(runs "$TMP/cli-up.wall").
- Runs, CPU seconds in order: curl $(runs "$TMP/curl-up.cpu"); CLI $(runs "$TMP/cli-up.cpu").

### Download, $MIB_TEXT

$DOWN_TABLE

- Wall time within 5 % of curl + sync's: **$TIME_DOWN** ($RATIO_SYNC).
- CPU time within ${DOWN_CPU_TARGET}× curl + sync's: **$CPU_DOWN_OK** ($CPU_SYNC).
- Peak RSS under $RSS_TARGET_MB MiB: **$RSS_DOWN** (${RSS[cli-down]} MiB; ${SMALL_DOWN} MiB for a $SMALL_MB MiB file).
- Against curl alone, which leaves its file in the page cache: $RATIO_DOWN.
- Runs, wall seconds in order: curl $(runs "$TMP/curl-down.wall"); CLI $(runs "$TMP/cli-down.wall");
  curl + sync $(runs "$TMP/curlsync-down.wall").
- Runs, CPU seconds in order: curl $(runs "$TMP/curl-down.cpu"); CLI $(runs "$TMP/cli-down.cpu");
  curl + sync $(runs "$TMP/curlsync-down.cpu").

### How it is measured

\`scripts/bench.sh\` builds the CLI with \`CGO_ENABLED=0 go build -trimpath\` and starts \`memories
sandbox\` on 127.0.0.1, its upload folder on the same disk as the test file, which is random bytes
named \`.mp4\`. Both clients make the same requests to the same sandbox process:

- upload: \`curl -F "file=@big.mp4;type=video/mp4" -F unique_id=default …/v1/upload\` against
  \`memories upload --json big.mp4\` (the same multipart form, file part typed video/mp4); the
  uploaded video is deleted after each run;
- download: \`curl -X POST -d '{"video_no":…}' -o out.mp4 …/v1/download\` against \`memories download
  --overwrite -o out.mp4 VI…\`, of a video the CLI uploaded; each client's first file is compared
  byte for byte with the source, and every file's size is checked.

\`sync\` runs before every timed run, so no run pays for an earlier run's writeback. The CLI runs
with \`MEMORIES_RATE_LIMITS=off\` (otherwise the service's one-upload-a-minute pacing would
dominate). The peak RSS quoted for a $SMALL_MB MiB file comes from one more CLI upload and
download of that size, after the timed runs.

### What the CLI does that curl doesn't, in the same wall time

- a fingerprint of every byte sent and received (XXH3-128, computed inline: under a tenth of a
  second of CPU per GiB), which keys the duplicate index, so a downloaded file is recognised if it
  is uploaded again; the SHA-256 (a second of CPU per GiB) only when asked, with \`--sha256\`;
- uploads are written to the socket 1 MiB at a time instead of net/http's 32 KiB, a thirty-second
  of the system calls and receiver wake-ups (curl writes 64 KiB);
- downloads land in a partial file of their own (\`out.mp4.<job>-<token>.part\`), are length-checked,
  \`fsync\`ed and only then renamed, so a crash never leaves a truncated file under the final name.
  curl leaves its data in the page cache, which the reference row pays for with \`sync\`. Starting
  the disk writeback during the download (\`sync_file_range\` every 8 or 64 MiB) was measured and
  dropped: it charged the CLI 1.7–3.8 s of system time per GiB against 0.9–2.0 s without, for no
  gain in wall time;
- an upload's file is proven unchanged at the end by its size, modification and status-change
  times; a file changed less than 2 s before its upload began (here: the first CLI upload, of
  the freshly made test file) is read and fingerprinted again instead, about 0.25 s per GiB;
- every transfer is a job in the bbolt database (queued, running, done, with its result), so an
  interrupted one can be resumed or retried; progress (bytes, speed, ETA) is counted as it goes.

### What affects the figures

- CPU: client, sandbox and kernel share the machine's CPUs. Downloads used to SHA-256 every
  byte, which even with SHA extensions costs about as much CPU as moving the bytes (3 s of CPU per
  GiB against curl's 1); they now fingerprint with XXH3-128 like uploads, ten times faster, which
  tells a user's files apart just as well but does not resist forgery, which the index does not
  need. \`BenchmarkDownloadPath\` in \`backend/transfer\` profiles the download's copy path with
  and without the SHA-256 (\`go test -run '^\$' -bench DownloadPath -cpuprofile cpu.out\`).
- The disk: downloads are durable only for the CLI (and the reference row), so they depend on
  how fast this disk writes; uploads land in the sandbox's page cache for both clients.
- Write sizes: \`curl -o\` writes the file through C stdio a few KiB at a time, the CLI whatever
  each socket read brought (up to 1 MiB), which is why curl's download can cost more CPU than the
  CLI's.
- Anything else running: the load averages above. Medians of few runs on a shared machine move
  by tens of percent between runs; the individual runs are listed for that reason.
- Loopback is not a network: on a real connection the transfer takes far longer than the
  hashing and the fsync, and both clients wait for the network.

## Store queries at $STORE_ROWS rows

The Go benchmarks in \`backend/store\` (a bbolt file with $STORE_ROWS jobs or videos),
in the same run:

\`\`\`
$STORE_CMD
\`\`\`

$STORE_TABLE

JobsFirstPage and VideosFirstPage open the history and the library: the library's total is the
scope's kept count, so its first page reads only its own rows; VideosTenthPage follows the cursor
nine pages on. JobsFilteredSearch (text plus a state filter), VideosSearch (text, status and sort
by name) and VideosStatusFilter (one status, newest first) scan and count every row;
VideosSortBySize sorts the whole library. Times are per query, on the machine above.
EOF

echo
echo "Upload:"
echo "$UP_TABLE"
echo
echo "Download:"
echo "$DOWN_TABLE"
echo
echo "$STORE_TABLE"
echo
echo "upload: wall within 5 % of curl's $TIME_UP ($RATIO_UP), CPU within ${UP_CPU_TARGET}x $CPU_UP_OK ($CPU_UP)"
echo "download: wall within 5 % of curl + sync's $TIME_DOWN ($RATIO_SYNC), CPU within ${DOWN_CPU_TARGET}x $CPU_DOWN_OK ($CPU_SYNC)"
echo "RSS under $RSS_TARGET_MB MiB: upload $RSS_UP, download $RSS_DOWN"
echo "written to $DOC"
BENCH_DOC="$DOC" scripts/bench-inspect.sh
BENCH_DOC="$DOC" scripts/bench-scale.sh
BENCH_DOC="$DOC" scripts/bench-search.sh
BENCH_DOC="$DOC" scripts/bench-watch.sh
