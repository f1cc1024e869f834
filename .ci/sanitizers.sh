#!/usr/bin/env bash
# The test suite once more under sanitizers:
#  1. ASan + UBSan: the whole ctest suite, in the clang build that fuzzing
#     uses too (fuzz/build.sh), so CI compiles it once for both. Not run
#     there: the 64 MB document (the plain build runs it; instrumented it
#     takes minutes) and install.find_package, whose consumer project links
#     without the sanitizer runtimes (it checks packaging, not memory).
#  2. TSan: the thread-safety tests (doctest suite "threads"), GCC, -O1.
# Any sanitizer report fails the run.
# Usage: .ci/sanitizers.sh   (env: JOBS, REPORTEX_FUZZ_BUILD_DIR, REPORTEX_SANITIZER_BUILD_ROOT)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builds=${REPORTEX_SANITIZER_BUILD_ROOT:-$root}
jobs=${JOBS:-$(nproc)}
fuzz_build=${REPORTEX_FUZZ_BUILD_DIR:-$root/build-fuzz}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

echo "== ASan + UBSan: whole test suite (clang, the fuzzing build)"
REPORTEX_FUZZ_BUILD_DIR=$fuzz_build JOBS=$jobs "$root/fuzz/build.sh" all
ctest --test-dir "$fuzz_build" -j"$jobs" --no-tests=error --output-on-failure --timeout 600 -E '^(install\.find_package|input: a 64 MB.*)$'

echo "== TSan: thread-safety tests"
# GCC 12's maybe-uninitialized analysis gives false positives on
# instrumented code (std::variant in converters.cpp), so it is off here.
cmake -S "$root" -B "$builds/build-tsan" -DREPORTEX_SANITIZE=thread -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DREPORTEX_INSTALL=OFF -DCMAKE_CXX_FLAGS="-Wno-maybe-uninitialized" >/dev/null
cmake --build "$builds/build-tsan" -j"$jobs" --target reportex_thread_tests
tsan_tests=("$builds/build-tsan/tests/reportex_thread_tests")
# TSan's runtime needs the narrower address layout of a non-randomized
# process on kernels with 32 bits of mmap randomness.
if command -v setarch >/dev/null; then
  setarch "$(uname -m)" -R "${tsan_tests[@]}"
else
  "${tsan_tests[@]}"
fi
echo "== sanitizers: clean"
