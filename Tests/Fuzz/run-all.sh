#!/usr/bin/env bash
# Runs every fuzz target (one folder per target in Tests/Fuzz/seeds/) for SECONDS each, one after the
# other, building once. Prints one summary line per target; exits 1 when any target found something.
#   Tests/Fuzz/run-all.sh SECONDS
set -uo pipefail
cd "$(dirname "$0")/../.."
duration=${1:?usage: Tests/Fuzz/run-all.sh SECONDS}
FUZZ_BUILD_ONLY=1 Tests/Fuzz/run.sh "$(ls Tests/Fuzz/seeds | head -1)" "$duration" || exit 2
failed=0
for target in $(ls Tests/Fuzz/seeds); do
  FUZZ_NO_BUILD=1 Tests/Fuzz/run.sh "$target" "$duration" || failed=1
done
exit $failed
