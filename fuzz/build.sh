#!/usr/bin/env bash
# Configures and builds the clang build that fuzzing and the sanitizer suite
# share: everything instrumented with ASan, UBSan (aborting on the first
# report) and libFuzzer's coverage (-DREPORTEX_BUILD_FUZZ=ON).
# Usage: fuzz/build.sh [TARGET...]   (default: the fuzz targets; "all": also the tests)
# env: REPORTEX_FUZZ_BUILD_DIR (default build-fuzz), CXX (a clang++), JOBS.
# Installs clang with apt-get when it is missing and this runs as root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${REPORTEX_FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${JOBS:-$(nproc)}

cxx=${CXX:-}
if [ -z "$cxx" ] || ! "$cxx" --version | grep -q clang; then
  cxx=$(command -v clang++ || command -v clang++-14 || true)
fi
if [ -z "$cxx" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get install -y -qq clang libclang-rt-14-dev >/dev/null  # the libFuzzer runtime
  cxx=$(command -v clang++)
fi
[ -n "$cxx" ] || { echo "fuzz/build.sh: clang++ not found" >&2; exit 2; }

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DREPORTEX_BUILD_FUZZ=ON -DREPORTEX_BUILD_TESTS=ON -DREPORTEX_BUILD_EXAMPLES=ON -DREPORTEX_INSTALL=OFF >/dev/null
if [ $# -eq 0 ]; then set -- fuzz_extract fuzz_rule_pack; fi
targets=()
for t in "$@"; do [ "$t" = all ] || targets+=(--target "$t"); done
cmake --build "$build" -j"$jobs" "${targets[@]}"
