#!/bin/sh
# Builds reportex in Release with the benchmarks and runs them:
#   bench/run.sh [reportex_bench options...]
# The table goes to stdout, the figures to bench/results.json. BUILD_DIR
# overrides the build directory (default: build-bench in the source tree).
set -eu
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$source_dir/build-bench}
cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DREPORTEX_BUILD_BENCH=ON >/dev/null
cmake --build "$build_dir" --target reportex_bench reportex_cli -j "$(nproc)" >/dev/null
commit=$(git -C "$source_dir" describe --always --dirty 2>/dev/null || echo unknown)
exec "$build_dir/bench/reportex_bench" --cli "$build_dir/examples/reportex" --commit "$commit" \
  --json "$source_dir/bench/results.json" "$@"
