#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/build.sh: clang, ASan, UBSan) and runs
# each for SECONDS (default 60), starting from the seed corpora.
# Exits non-zero when a target finds a crash, a leak, a timeout or a broken
# invariant; the input that did it is kept in $BUILD/artifacts/.
# Usage: fuzz/run.sh [SECONDS]   (env: REPORTEX_FUZZ_BUILD_DIR, CXX, JOBS, FUZZ_TIMEOUT per input, default 60 s)
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${REPORTEX_FUZZ_BUILD_DIR:-$root/build-fuzz}

"$root/fuzz/build.sh" fuzz_extract fuzz_rule_pack
"$root/fuzz/make_corpus.sh" "$build/seeds" >/dev/null
mkdir -p "$build/artifacts"
status=0
for target in extract rule_pack; do
  mkdir -p "$build/corpus/$target"
  echo "== fuzz_$target for ${seconds}s"
  # New inputs go to corpus/ (kept between runs), the seeds are read only.
  log=$build/fuzz_$target.log
  if ! "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=4096 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts/${target}-" \
      "$build/corpus/$target" "$build/seeds/$target" >"$log" 2>&1; then
    echo "fuzz_$target: FAILED (input in $build/artifacts, log in $log)" >&2
    status=1
  fi
  # The progress lines are many; the summary and any report are what matter.
  grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$log" | tail -n 60
done
exit $status
