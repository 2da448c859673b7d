#!/usr/bin/env bash
# KamerGraph benchmark: one command. See Benchmarks/README.md.
#
#   Benchmarks/run.sh [--quick] [--sizes 1000,10000,100000] [--text-mb 50] [--seed 2025] [...bench.py options]
#
# 1. installs GNU time (Debian package `time`) when /usr/bin/time is missing,
# 2. creates Benchmarks/.venv and installs the peers (nllegalcit, networkx, lxml, pydot) there, never in the tests,
# 3. builds the release binaries (`swift build -c release`: kamergraph and kamergraph-bench),
# 4. runs Benchmarks/bench.py, which generates the corpora, times every stage beside its peers, prints one
#    table and writes it to Benchmarks/results/latest.md.
# A step that fails is reported and the benchmark goes on: its rows say "not available: <why>".
set -u
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BENCH="$ROOT/Benchmarks"
WORK="${KAMERGRAPH_BENCH_WORK:-$BENCH/.work}"
mkdir -p "$WORK"
say() { printf '== %s\n' "$*" >&2; }

# 1. GNU time for peak memory.
if [ ! -x /usr/bin/time ]; then
  say "installing GNU time (Debian package 'time') for peak-memory figures"
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    $SUDO apt-get install -y -qq time >/dev/null 2>&1 || say "could not install 'time': peak memory will read n/a"
  fi
fi

# 2. Peers in a venv of their own.
VENV="$BENCH/.venv"
PEER_PY="$VENV/bin/python"
if [ ! -x "$PEER_PY" ]; then
  say "creating $VENV"
  python3 -m venv "$VENV" >"$WORK/venv.log" 2>&1 || say "python3 -m venv failed (see $WORK/venv.log)"
fi
if [ -x "$PEER_PY" ]; then
  # lxml: networkx.write_graphml uses its faster lxml writer when lxml is installed; both are timed.
  if ! "$PEER_PY" -c "import nllegalcit, networkx, lxml, pydot" >/dev/null 2>&1; then
    say "installing peers: nllegalcit networkx lxml pydot"
    "$PEER_PY" -m pip install -q --disable-pip-version-check nllegalcit networkx lxml pydot >"$WORK/pip.log" 2>&1 \
      || say "pip install failed (see $WORK/pip.log): the peer rows will say not available"
  fi
else
  PEER_PY="$(command -v python3)"
fi

# 3. Release build.
KG=""
KG_MISSING=""
KG_BENCH=""
KG_BENCH_MISSING=""
if command -v swift >/dev/null 2>&1; then
  say "swift build -c release (log: $WORK/swift-build.log)"
  if swift build -c release --product kamergraph >"$WORK/swift-build.log" 2>&1; then
    KG="$(swift build -c release --show-bin-path 2>/dev/null)/kamergraph"
  else
    KG_MISSING="release build failed: $(grep -m1 'error:' "$WORK/swift-build.log" | cut -c1-120)"
  fi
  # The GraphML writer timed alone on a generated graph (GraphML vs networkx row).
  if swift build -c release --product kamergraph-bench >"$WORK/swift-build-bench.log" 2>&1; then
    KG_BENCH="$(swift build -c release --show-bin-path 2>/dev/null)/kamergraph-bench"
  else
    KG_BENCH_MISSING="release build of kamergraph-bench failed: $(grep -m1 'error:' "$WORK/swift-build-bench.log" | cut -c1-100)"
  fi
else
  KG_MISSING="swift is not installed"
fi

# 4. The benchmark.
exec python3 "$BENCH/bench.py" --kamergraph "$KG" --kamergraph-missing "$KG_MISSING" \
  --kamergraph-bench "$KG_BENCH" --kamergraph-bench-missing "$KG_BENCH_MISSING" --peer-python "$PEER_PY" \
  --work "$WORK" "$@"
