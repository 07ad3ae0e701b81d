#!/usr/bin/env bash
# A rehearsal of CI on fresh checkouts: scripts/rehearse.sh N [REF]
#
# N times: a fresh `git clone` of this repository at REF (default main, else HEAD) into a temp
# folder, then `bash .ci/run` there with CI=true and no standard input, as CI runs it. Reports each
# run's steps (pass/fail and seconds, from build/test-artifacts/steps of the clone) and a final
# table; exits non-zero when any run failed. Logs, and a failed step's artifacts (screenshots, the
# app's log), stay in build/rehearse/<time>/ here.
# REHEARSE_CMD runs something else in each clone (e.g. "make fmt-check"), and any variable the run
# knows passes through: TEST_STEPS="fmt-check check-commands" scripts/rehearse.sh 2 tries the
# mechanics in a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "usage: scripts/rehearse.sh N [REF]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 && $1 =~ ^[1-9][0-9]*$ ]] || usage
RUNS=$1
REF=${2:-$(git rev-parse -q --verify main >/dev/null && echo main || echo HEAD)}
COMMIT=$(git rev-parse --verify "$REF^{commit}") || { echo "rehearse: no such ref: $REF" >&2; exit 2; }
CMD=${REHEARSE_CMD:-bash .ci/run}
OUT=build/rehearse/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
SRC=$PWD
WORK=""
cleanup() { [[ -z $WORK ]] || rm -rf "$WORK"; }
trap cleanup EXIT

echo "rehearse: $RUNS run(s) of '$CMD' on fresh clones of $REF ($(git log -1 --format='%h %s' "$COMMIT")); logs in $OUT"
declare -a result took failed_steps
for i in $(seq 1 "$RUNS"); do
  WORK=$(mktemp -d)
  git clone -q --no-hardlinks "$SRC" "$WORK/repo"
  git -C "$WORK/repo" checkout -q --detach "$COMMIT"
  echo "rehearse: run $i of $RUNS in $WORK/repo (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  start=$SECONDS rc=0
  (cd "$WORK/repo" && CI=true bash -c "$CMD" </dev/null) >"$OUT/run-$i.log" 2>&1 || rc=$?
  took[i]=$((SECONDS - start))
  if [[ -d $WORK/repo/build/test-artifacts/steps ]]; then
    cp -r "$WORK/repo/build/test-artifacts/steps" "$OUT/run-$i-steps"
  fi
  # The run's own table (scripts/test.sh prints one), or its last lines when it has none.
  if grep -q '^step  *result  *seconds' "$OUT/run-$i.log"; then
    sed -n '/^step  *result  *seconds/,/^test: [0-9]* passed/p' "$OUT/run-$i.log" | sed 's/^/  /'
  else
    tail -n 5 "$OUT/run-$i.log" | sed 's/^/  /'
  fi
  failed_steps[i]=$(awk '/^step  *result  *seconds/{t=1;next} t&&$2=="failed"{printf "%s ", $1}' "$OUT/run-$i.log")
  # A failed step's own artifacts (screenshots, the app's log) go with the clone; keep them.
  for step in ${failed_steps[i]}; do
    [[ -d $WORK/repo/build/test-artifacts/$step ]] && cp -r "$WORK/repo/build/test-artifacts/$step" "$OUT/run-$i-$step"
  done
  if ((rc == 0)); then result[i]=passed; else result[i]="failed (exit $rc)"; fi
  echo "rehearse: run $i ${result[i]} in ${took[i]} s"
  rm -rf "$WORK"; WORK=""
done

echo
printf '%-4s %-18s %8s  %s\n' run result seconds "failed steps"
bad=0
for i in $(seq 1 "$RUNS"); do
  printf '%-4s %-18s %8s  %s\n' "$i" "${result[i]}" "${took[i]}" "${failed_steps[i]:-}"
  [[ ${result[i]} == passed ]] || bad=$((bad + 1))
done
# Each step's seconds in each run (from the copied step folders; "x" marks a failed step).
steps=$(ls "$OUT"/run-*-steps/*.rc 2>/dev/null | xargs -r -n1 basename | sed 's/\.rc$//' | sort -u)
if [[ -n $steps ]]; then
  echo
  printf '%-16s' step; for i in $(seq 1 "$RUNS"); do printf ' %8s' "run $i"; done; echo
  for step in $steps; do
    printf '%-16s' "$step"
    for i in $(seq 1 "$RUNS"); do
      cell=-
      if [[ -s $OUT/run-$i-steps/$step.rc ]]; then
        read -r rc ms <"$OUT/run-$i-steps/$step.rc"
        cell=$((ms / 1000)); ((rc == 0)) || cell="x$cell"
      fi
      printf ' %8s' "$cell"
    done
    echo
  done
fi
echo "rehearse: $((RUNS - bad)) passed, $bad failed"
((bad == 0))
