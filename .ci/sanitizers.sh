#!/usr/bin/env bash
# The test suite once more under sanitizers, each in its own build directory:
#  1. ASan + UBSan: the whole ctest suite (but the 64 MB document, which the
#     plain build runs and which takes minutes instrumented, and install.find_package, whose
#     consumer project links without the sanitizer runtimes; it checks
#     packaging, not memory, and the plain build runs it).
#  2. TSan: the thread-safety tests (doctest suite "threads").
# Any sanitizer report fails the run. -O1 keeps the builds quick on 2 cores
# and the stack traces readable; GCC 12's maybe-uninitialized analysis gives
# false positives on instrumented code (std::variant in converters.cpp), so
# that one warning is off here.
# Usage: .ci/sanitizers.sh      (env: CXX, JOBS, REPORTEX_SANITIZER_BUILD_ROOT)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builds=${REPORTEX_SANITIZER_BUILD_ROOT:-$root}
jobs=${JOBS:-$(nproc)}

configure() {  # configure DIR SANITIZERS
  cmake -S "$root" -B "$1" -DREPORTEX_SANITIZE="$2" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DREPORTEX_INSTALL=OFF \
    -DCMAKE_CXX_FLAGS="-Wno-maybe-uninitialized" >/dev/null
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

echo "== ASan + UBSan: whole test suite"
configure "$builds/build-asan" address,undefined
cmake --build "$builds/build-asan" -j"$jobs"
ctest --test-dir "$builds/build-asan" -j"$jobs" --output-on-failure --timeout 600 -E '^(install\.find_package|input: a 64 MB.*)$'

echo "== TSan: thread-safety tests"
configure "$builds/build-tsan" thread
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
