#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets:
#   OUT/extract/    the sample reports (examples/reports/*.txt), one file each
#   OUT/rule_pack/  the built-in pack's rule files in fuzz_rule_pack's input
#                   form: types.toml, "@@", one rule file with its lexicon paths
#                   pointed at words.txt, "@@", one word list
# Usage: fuzz/make_corpus.sh OUT
set -euo pipefail
out=${1:?usage: make_corpus.sh OUT}
root=$(cd "$(dirname "$0")/.." && pwd)
pack=$root/rules/zh-court

mkdir -p "$out/extract" "$out/rule_pack"
cp "$root"/examples/reports/*.txt "$out/extract/"

shopt -s nullglob
word_lists=("$pack"/lexicons/*.txt "$pack"/lexicons/*.tsv)
n=0
for rules in "$pack"/*.toml; do
  [ "$(basename "$rules")" = types.toml ] && continue
  words=${word_lists[$((n % ${#word_lists[@]}))]}
  {
    cat "$pack/types.toml"
    printf '\n@@\n'
    sed -E 's#"lexicons/[^"]*"#"words.txt"#' "$rules"
    printf '\n@@\n'
    cat "$words"
  } > "$out/rule_pack/$(basename "$rules" .toml).seed"
  n=$((n + 1))
done
# A single file: the loader's TOML checks without any lexicon.
cp "$pack/types.toml" "$out/rule_pack/types.seed"
echo "seed corpora in $out: $(ls "$out/extract" | wc -l) reports, $(ls "$out/rule_pack" | wc -l) packs"
