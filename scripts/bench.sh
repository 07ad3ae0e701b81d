#!/usr/bin/env bash
# Transfer benchmark: the memories CLI against curl on the local sandbox, in the same run, for one
# big upload and one big download. Measures the median wall time and the peak resident set size
# (GNU time's "Maximum resident set size") of each, prints a table and writes docs/BENCHMARKS.md.
#
#   make bench                          # 1 GiB, 3 runs of each client per direction
#   BENCH_SIZE_MB=128 BENCH_RUNS=1 scripts/bench.sh   # quick run
#
# Knobs: BENCH_SIZE_MB (default 1024), BENCH_RUNS (default 3), BENCH_DOC (where the report goes,
# default docs/BENCHMARKS.md). Only 127.0.0.1 is contacted; every process and file it creates is
# removed on exit. A missed target is reported, not an error: the exit status is non-zero only
# when something fails.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${BENCH_SIZE_MB:-1024}
RUNS=${BENCH_RUNS:-3}
DOC=${BENCH_DOC:-docs/BENCHMARKS.md}
KEY=sk-bench # a throwaway key: the sandbox accepts any non-empty one
TIME_TARGET=1.05 # CLI wall time / curl wall time
RSS_TARGET_MB=48

[[ $SIZE_MB =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_SIZE_MB must be a positive integer" >&2; exit 2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_RUNS must be a positive integer" >&2; exit 2; }
for tool in curl /usr/bin/time go cmp; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make bench installs it)" >&2; exit 2; }
done
# Loopback only: never let a proxy from the environment see the traffic.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

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

say "Making a $SIZE_MB MiB test file"
SRC="$TMP/big.mp4"
head -c "$((SIZE_MB << 20))" /dev/urandom >"$SRC"

CLI=(env MEMORIES_BASE_URL="$URL" MEMORIES_ASSET_BASE_URL="$URL" MEMORIES_API_KEY="$KEY"
  MEMORIES_DATA_DIR="$TMP/data" MEMORIES_RATE_LIMITS=off "$TMP/memories")
CURL=(curl -sS --fail --noproxy '*' -H "Authorization: $KEY")

# --- helpers -----------------------------------------------------------------------------------

# measure NAME CMD...: runs CMD under GNU time after flushing dirty pages (so one run's writeback
# does not land on the next), appends its wall seconds to $TMP/NAME.wall and its peak RSS (KiB) to
# $TMP/NAME.rss. Wall time comes from bash's microsecond clock; time -v's is rounded to 10 ms.
measure() {
  local name=$1 start end
  shift
  sync
  start=$EPOCHREALTIME
  /usr/bin/time -v -o "$TMP/time.out" "$@" >"$TMP/cmd.out" 2>"$TMP/cmd.err" ||
    fail "$name failed: $(cat "$TMP/cmd.err" "$TMP/cmd.out")"
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f\n", e - s }' >>"$TMP/$name.wall"
  sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$TMP/time.out" >>"$TMP/$name.rss"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peak_mib() { sort -g "$1" | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'; }

# ok CONDITION: "met" or "MISSED", from an awk expression.
ok() { awk "BEGIN { exit !($1) }" && echo met || echo MISSED; }

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

cli_upload() {
  measure cli-up "${CLI[@]}" upload --json "$SRC"
  local no
  no=$(video_no "$TMP/cmd.out")
  [[ -n $no ]] || fail "no video number in the CLI's answer: $(cat "$TMP/cmd.out")"
  delete_video "$no"
}

curl_download() {
  rm -f "$TMP/out.mp4"
  measure curl-down "${CURL[@]}" -X POST -H "Content-Type: application/json" \
    -d "{\"video_no\":\"$1\",\"unique_id\":\"default\"}" -o "$TMP/out.mp4" "$URL/serve/api/v1/download"
  [[ $(stat -c %s "$TMP/out.mp4") == $((SIZE_MB << 20)) ]] || fail "curl downloaded a file of the wrong size"
  rm -f "$TMP/out.mp4"
}

cli_download() {
  rm -f "$TMP/out.mp4"
  measure cli-down "${CLI[@]}" download --overwrite -o "$TMP/out.mp4" "$1"
  if [[ ! -e $TMP/verified ]]; then
    cmp -s "$SRC" "$TMP/out.mp4" || fail "the CLI's download differs from the source"
    touch "$TMP/verified"
  fi
  rm -f "$TMP/out.mp4"
}

# alternate A B I: runs A then B on odd rounds and B then A on even ones, so neither client always
# profits from (or pays for) going first.
alternate() {
  if (($3 % 2)); then "$1" "${@:4}"; "$2" "${@:4}"; else "$2" "${@:4}"; "$1" "${@:4}"; fi
}

# --- runs --------------------------------------------------------------------------------------

"${CLI[@]}" list --json >/dev/null 2>&1 || true # creates the data folder outside the timings

for i in $(seq 1 "$RUNS"); do
  say "Upload, round $i of $RUNS"
  alternate curl_upload cli_upload "$i"
done

"${CURL[@]}" -o "$TMP/up.json" -F "file=@$SRC;type=video/mp4" -F unique_id=default "$URL/serve/api/v1/upload"
VIDEO=$(video_no "$TMP/up.json")
[[ -n $VIDEO ]] || fail "could not upload the download fixture: $(cat "$TMP/up.json")"
for i in $(seq 1 "$RUNS"); do
  say "Download, round $i of $RUNS"
  alternate curl_download cli_download "$i" "$VIDEO"
done

# --- report ------------------------------------------------------------------------------------

declare -A CURL_S CLI_S RATIO CURL_RSS CLI_RSS
for d in up down; do
  CURL_S[$d]=$(median "$TMP/curl-$d.wall") CLI_S[$d]=$(median "$TMP/cli-$d.wall")
  RATIO[$d]=$(awk -v a="${CLI_S[$d]}" -v b="${CURL_S[$d]}" 'BEGIN { printf "%.3f", a / b }')
  CURL_RSS[$d]=$(peak_mib "$TMP/curl-$d.rss") CLI_RSS[$d]=$(peak_mib "$TMP/cli-$d.rss")
done
row() { # label direction
  printf '| %s | %.2f s | %.2f s | %s | %s MiB | %s MiB |\n' "$1" "${CURL_S[$2]}" "${CLI_S[$2]}" "${RATIO[$2]}" \
    "${CURL_RSS[$2]}" "${CLI_RSS[$2]}"
}
TABLE=$(
  echo "| direction | curl (median) | CLI (median) | CLI / curl | curl peak RSS | CLI peak RSS |"
  echo "|---|---|---|---|---|---|"
  row upload up
  row download down
)
TIME_UP=$(ok "${RATIO[up]} <= $TIME_TARGET")
TIME_DOWN=$(ok "${RATIO[down]} <= $TIME_TARGET")
RSS_UP=$(ok "${CLI_RSS[up]} < $RSS_TARGET_MB")
RSS_DOWN=$(ok "${CLI_RSS[down]} < $RSS_TARGET_MB")

CPU=$(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -1)
SHANI=$(grep -qw sha_ni /proc/cpuinfo && echo yes || echo no)
MIB_TEXT="$SIZE_MB MiB"
((SIZE_MB % 1024)) || MIB_TEXT="$((SIZE_MB / 1024)) GiB"

mkdir -p "$(dirname "$DOC")"
cat >"$DOC" <<EOF
# Transfer benchmark

The \`memories\` CLI against \`curl\` on the local sandbox, in the same run: one $MIB_TEXT upload and one
$MIB_TEXT download, $RUNS runs of each client per direction, alternating which goes first.
Wall time is the median of the runs; peak RSS is the largest "Maximum resident set size" that
\`/usr/bin/time -v\` reported.

Produced by:

\`\`\`
make bench${BENCH_SIZE_MB:+   # with BENCH_SIZE_MB=$SIZE_MB}${BENCH_RUNS:+ BENCH_RUNS=$RUNS}
\`\`\`

$TABLE

Targets:

- CLI wall time within 5 % of curl's: upload **$TIME_UP** (${RATIO[up]}), download **$TIME_DOWN** (${RATIO[down]}).
- CLI peak RSS under $RSS_TARGET_MB MiB: upload **$RSS_UP** (${CLI_RSS[up]} MiB), download **$RSS_DOWN** (${CLI_RSS[down]} MiB).
  The CLI streams in fixed-size buffers, so this does not grow with the file (compare a run with
  \`BENCH_SIZE_MB=256\`).

Machine: $(nproc) CPU(s), $CPU (SHA extensions: $SHANI), $(go version | cut -d' ' -f3-),
Linux $(uname -r), $(curl --version | head -1 | cut -d' ' -f1-2). Date: $(date -u '+%Y-%m-%d %H:%M UTC').

How it is measured (\`scripts/bench.sh\`): the CLI is built with \`CGO_ENABLED=0 go build -trimpath\`;
\`memories sandbox\` serves on 127.0.0.1 (its upload folder on the same disk as the files); the test
file is random bytes named \`.mp4\`. Uploads: \`curl -F file=@big.mp4;type=video/mp4 -F unique_id=default\`
against \`memories upload --json big.mp4\`, the uploaded video deleted after each run. Downloads:
\`curl -X POST …/v1/download -o out.mp4\` against \`memories download --overwrite -o out.mp4 VI…\`; the
CLI's file is compared byte for byte with the source once. \`sync\` runs before every timed run, so
no run pays for the previous one's writeback. The CLI runs with \`MEMORIES_RATE_LIMITS=off\`
(otherwise the service's one-upload-a-minute pacing would dominate).

What the CLI does that curl doesn't, inside the same wall time:

- a SHA-256 of every byte sent or received (the upload's goes into the duplicate index, the
  download's into the job result), computed beside the transfer rather than after it;
- downloads land in \`out.mp4.part\`, are length-checked, \`fsync\`ed and only then renamed (a crash
  never leaves a truncated file under the final name); curl leaves its data in the page cache;
- every transfer is a job in the bbolt database (queued, running, done, with its result), so an
  interrupted one can be resumed or retried;
- progress (bytes, speed, ETA) is counted as it goes.
EOF

echo
echo "$TABLE"
echo
echo "time within 5 %: upload $TIME_UP, download $TIME_DOWN; RSS under $RSS_TARGET_MB MiB: upload $RSS_UP, download $RSS_DOWN"
echo "written to $DOC"
