#!/usr/bin/env bash
# make test: every check, independent ones at the same time. Each step is a make target, run once
# its prerequisites here have passed (the build once, reused by every suite that needs it: make's
# -o keeps a step from rebuilding what an earlier step made), at most TEST_JOBS at a time, in the
# order below when several are ready. Each step's output goes to build/test-artifacts/steps/NAME.log;
# the end is a table of step, result and seconds, the tail of every failed step's log, and the line
# "test: N passed, N failed". TEST_JOBS=1 runs one step at a time; TEST_STEPS="a b" runs only
# those steps (and no prerequisites: they must have been made before).
set -uo pipefail
cd "$(dirname "$0")/.."

JOBS=${TEST_JOBS:-3}
LOGS=build/test-artifacts/steps
# step: its prerequisites (steps that must pass first). Listed in the order they start when ready:
# the longest first (measured: docs/TESTING.md), so no long step is left for the end.
STEPS=(
  "test-go:frontend"
  "bindings:"
  "frontend:bindings"
  "cli:"
  "build:frontend cli"
  "gui-scroll:build"
  "e2e:frontend"
  "test-frontend:"
  "gui-drop:build"
  "gui-outage:build"
  "gui-walkthrough:build"
  "gui-search:build"
  "gui-language:build"
  "gui-pseudo:build"
  "gui-keyboard:build"
  "fuzz:"
  "gui-quit:build"
  "gui-watch:build"
  "test-package:build"
  "build-navtest:build"
  "gui-backstop:build-navtest"
  "gui-preview:build"
  "gui-smoke:build"
  "gui-damaged-db:build"
  "gui-notifications:cli"
  "gui-system:build"
  "vet:frontend"
  "darwin-check:"
  "fmt-check:"
  "check-commands:"
)
# What a step must not make again: another step made it (or deps did, before everything).
MADE_ONCE=(deps frontend cli build build-navtest)

declare -A after=() state=() took=() pid_of=()
order=()
for entry in "${STEPS[@]}"; do
  name=${entry%%:*}
  order+=("$name")
  after[$name]=${entry#*:}
done
if [[ -n ${TEST_STEPS:-} ]]; then
  order=(${TEST_STEPS})
  for name in "${order[@]}"; do
    [[ -v after[$name] ]] || { echo "test: unknown step $name (steps: ${!after[*]})" >&2; exit 2; }
    after[$name]=""
  done
fi

rm -rf "$LOGS" && mkdir -p "$LOGS"
load() { cut -d' ' -f1-3 /proc/loadavg; }
t0=$SECONDS
echo "test: ${#order[@]} steps, $JOBS at a time, logs in $LOGS/ (load average $(load))"

# deps first, alone: everything else needs what it installs.
if ! make --no-print-directory deps >"$LOGS/deps.log" 2>&1; then
  echo "test: FAIL: deps (scripts/ensure-deps.sh):" >&2
  tail -n 40 "$LOGS/deps.log" >&2
  echo "test: 0 passed, 1 failed"
  exit 1
fi

start() {
  local name=$1
  state[$name]=running
  local made no_remake=()
  for made in "${MADE_ONCE[@]}"; do [[ $made == "$name" ]] || no_remake+=(-o "$made"); done
  (
    start_ns=$(date +%s%N)
    make --no-print-directory "${no_remake[@]}" "$name" >"$LOGS/$name.log" 2>&1
    rc=$?
    echo "$rc $(( ($(date +%s%N) - start_ns) / 1000000 ))" >"$LOGS/$name.rc"
  ) &
  pid_of[$name]=$!
  echo "test: start $name [$((SECONDS - t0)) s, load $(load)]"
}

# ready NAME: every prerequisite passed. blocked NAME: one failed (or was blocked).
ready() {
  local dep
  for dep in ${after[$1]}; do [[ ${state[$dep]:-} == passed ]] || return 1; done
}
blocked() {
  local dep
  for dep in ${after[$1]}; do [[ ${state[$dep]:-} == failed || ${state[$dep]:-} == blocked ]] && return 0; done
  return 1
}

running=0
while :; do
  # Collect finished steps.
  for name in "${order[@]}"; do
    [[ ${state[$name]:-} == running && -s $LOGS/$name.rc ]] || continue
    wait "${pid_of[$name]}" 2>/dev/null
    read -r rc ms <"$LOGS/$name.rc"
    took[$name]=$(printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)))
    if [[ $rc == 0 ]]; then state[$name]=passed; else state[$name]=failed; fi
    running=$((running - 1))
    echo "test: ${state[$name]} $name in ${took[$name]} s [$((SECONDS - t0)) s, load $(load)]"
  done
  # Start what is ready, while there is room.
  pending=0
  for name in "${order[@]}"; do
    [[ -z ${state[$name]:-} ]] || continue
    if blocked "$name"; then state[$name]=blocked; continue; fi
    pending=$((pending + 1))
    if ((running < JOBS)) && ready "$name"; then start "$name"; running=$((running + 1)); fi
  done
  ((running == 0 && pending == 0)) && break
  ((running == 0)) && { echo "test: steps wait for each other: ${order[*]}" >&2; break; }
  sleep 0.5
done

passed=0 failed=0
echo
printf '%-16s %-8s %8s\n' step result seconds
for name in "${order[@]}"; do
  printf '%-16s %-8s %8s\n' "$name" "${state[$name]:-not run}" "${took[$name]:--}"
  case ${state[$name]:-} in
    passed) passed=$((passed + 1)) ;;
    *) failed=$((failed + 1)) ;;
  esac
done
printf '%-16s %-8s %8s\n' total "" "$((SECONDS - t0))"
echo "(load average at the end: $(load))"
for name in "${order[@]}"; do
  [[ ${state[$name]:-} == failed ]] || continue
  echo
  echo "test: FAIL: $name; the end of $LOGS/$name.log:"
  tail -n 40 "$LOGS/$name.log"
done
echo "test: $passed passed, $failed failed"
((failed == 0))
