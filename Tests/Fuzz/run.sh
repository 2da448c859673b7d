#!/usr/bin/env bash
# Runs one libFuzzer target for a given time.
#   Tests/Fuzz/run.sh TARGET SECONDS [more libFuzzer flags]
# Builds kamergraph-fuzz with -sanitize=fuzzer into .build-fuzz (skip with FUZZ_NO_BUILD=1), fuzzes
# from the committed seeds (Tests/Fuzz/seeds/TARGET, read only) into a working corpus
# (.build-fuzz/corpus/TARGET), writes crashes, timeouts and OOMs to Tests/Fuzz/crashes/TARGET/,
# (FUZZ_BUILD_ONLY=1: build and stop), keeps the full log in .build-fuzz/logs/TARGET.log and prints a one-line summary.
# Exit status: 0 when nothing was found, 1 when libFuzzer found a crash, hang or OOM.
# A long campaign that should go on after a crash: add -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 2 ]; then
  echo "usage: Tests/Fuzz/run.sh TARGET SECONDS [libFuzzer flags]" >&2
  exit 64
fi
target=$1
duration=$2
shift 2

flags=(-c release --sanitize=fuzzer -Xswiftc -DFUZZING --product kamergraph-fuzz --scratch-path .build-fuzz)
mkdir -p .build-fuzz/logs
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  if ! swift build "${flags[@]}" >.build-fuzz/logs/build.log 2>&1; then
    tail -30 .build-fuzz/logs/build.log >&2
    echo "fuzz $target: BUILD FAILED (see .build-fuzz/logs/build.log)"
    exit 2
  fi
fi
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0
bin="$(swift build "${flags[@]}" --show-bin-path)/kamergraph-fuzz"

seeds=Tests/Fuzz/seeds/$target
if [ ! -d "$seeds" ]; then
  echo "fuzz $target: no seed folder $seeds (targets: $(ls Tests/Fuzz/seeds | tr '\n' ' '))" >&2
  exit 64
fi
corpus=.build-fuzz/corpus/$target
crashes=Tests/Fuzz/crashes/$target
mkdir -p "$corpus" "$crashes"
dict=()
[ -f "Tests/Fuzz/$target.dict" ] && dict=(-dict="Tests/Fuzz/$target.dict")
log=.build-fuzz/logs/$target.log

stamp=.build-fuzz/logs/$target.start
touch "$stamp"
status=0
# The outer timeout is a last resort: libFuzzer's own -timeout handler can deadlock in malloc when the
# alarm lands inside malloc (seen on finding F3), and a CI run must end.
SWIFT_BACKTRACE=enable=no KAMERGRAPH_FUZZ_TARGET=$target timeout -k 10 $((duration + 120)) "$bin" -max_total_time="$duration" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$crashes/" -print_final_stats=1 "${dict[@]}" "$@" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
# Crashes, timeouts, OOMs and leaks fail the run. A slow unit (an input that took longer than
# libFuzzer's -report_slow_units but finished within -timeout) depends on the machine's load: it is
# kept and reported, not a failure.
new=$(find "$crashes" -type f -newer "$stamp" ! -name 'slow-unit-*' | wc -l)
slow=$(find "$crashes" -type f -newer "$stamp" -name 'slow-unit-*' | wc -l)

runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
[ -n "$runs" ] || runs=$(grep -Eo '^Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
[ -n "$runs" ] || runs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
cov=$(echo "$last" | grep -Eo 'cov: [0-9]+' | grep -Eo '[0-9]+' || true)
ft=$(echo "$last" | grep -Eo 'ft: [0-9]+' | grep -Eo '[0-9]+' || true)
units=$(echo "$last" | grep -Eo 'corp: [0-9]+' | grep -Eo '[0-9]+' || true)
secs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -Eo 'in [0-9]+' | grep -Eo '[0-9]+' | tail -1 || true)
[ -n "$secs" ] || secs=$(grep -Eo 'fuzzed for [0-9]+ second' "$log" | grep -Eo '[0-9]+' | tail -1 || true)

forked=$(echo "$last" | grep -Eo 'oom/timeout/crash: [0-9/]+' | sed 's/.*: //' || true)
if [ "$status" -eq 0 ] && [ "$new" -eq 0 ]; then
  result="no crash"
else
  artifact=$(grep -Eo "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //' || true)
  reason=$(grep -Eo 'ERROR: libFuzzer: [a-z -]+|Fatal error: .{0,100}' "$log" | head -1 || true)
  result="FOUND ${reason:-exit $status} -> ${artifact:-see $log}; $new new file(s) in $crashes"
fi
[ -n "$forked" ] && result="$result (oom/timeout/crash $forked)"
[ "$slow" -gt 0 ] && result="$result; $slow slow unit(s) kept in $crashes (not a failure)"
echo "fuzz $target: ${secs:-$duration}s, ${runs:-?} runs, cov ${cov:-?}, ft ${ft:-?}, corpus ${units:-?}, $result"
[ "$status" -eq 0 ] && [ "$new" -eq 0 ] || exit 1
