#pragma once
// The rule language's \p{Han} and \P{Han}: the ideographs of normalized text.
// RE2 reads \p{Han} as Unicode's Han script, some twenty ranges (radicals,
// iteration marks, compatibility forms, seven extensions), and its UTF-8
// programs grow with every range in every repetition of the class. Normalized
// text (NFKC) has the compatibility forms and radicals folded already; written
// as a few wide ranges, the class matches the same ideographs, and the pack's
// programs are a fifth smaller and load a fifth faster (BENCHMARKS.md).

#include <string>
#include <string_view>

namespace reportex::internal {

/// `pattern` with \p{Han} and \P{Han} written as code point ranges, inside a
/// character class and outside one; everything else is copied as it is.
std::string with_ideograph_ranges(std::string_view pattern);

}  // namespace reportex::internal
