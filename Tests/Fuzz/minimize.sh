#!/usr/bin/env bash
# Minimises a crash or hang input found by run.sh and saves it beside the original as
# minimized-<name>.  Tests/Fuzz/minimize.sh TARGET FILE [SECONDS, default 60]
set -euo pipefail
cd "$(dirname "$0")/../.."
target=$1
file=$2
duration=${3:-60}
bin="$(swift build -c release --sanitize=fuzzer -Xswiftc -DFUZZING --product kamergraph-fuzz \
  --scratch-path .build-fuzz --show-bin-path)/kamergraph-fuzz"
out="$(dirname "$file")/minimized-$(basename "$file")"
SWIFT_BACKTRACE=enable=no KAMERGRAPH_FUZZ_TARGET=$target "$bin" -minimize_crash=1 -max_total_time="$duration" -timeout=10 \
  -rss_limit_mb=2048 -exact_artifact_path="$out" "$file" >".build-fuzz/logs/minimize-$target.log" 2>&1 || true
if [ -f "$out" ]; then
  echo "minimized $file ($(wc -c <"$file") bytes) -> $out ($(wc -c <"$out") bytes)"
else
  echo "could not minimise $file; see .build-fuzz/logs/minimize-$target.log"
  exit 1
fi
