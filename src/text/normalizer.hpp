#pragma once
/// @file normalizer.hpp
/// @brief Normalizes UTF-8 text for matching, keeping a map back to the source.

#include "text/offset_map.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace reportex::internal::text {

struct NormalizedText {
  std::string text;
  OffsetMap offsets;  ///< text byte ranges -> source byte ranges
  std::size_t replaced_bytes = 0;  ///< source bytes that were ill-formed UTF-8
};

/// Normalizes `source` in one pass over its code points:
/// - compatibility characters are folded with NFKC (０→0, ，→, Ａ→A); a base
///   character and the combining marks after it are normalized together;
/// - each maximal ill-formed UTF-8 subpart becomes U+FFFD;
/// - C0/C1 control characters (NUL included), the byte order mark, U+200B,
///   U+2060 and the soft hyphen are dropped without trace;
/// - a white space run containing a blank line, or a single line break right
///   after sentence-final punctuation (and up to three closing quotes or
///   brackets), becomes '\n'; a run between two ASCII letters or digits
///   becomes one ' '; every other run, and white space at either end, is removed.
/// Linear time; never throws except std::bad_alloc.
NormalizedText normalize_text(std::string_view source);

}  // namespace reportex::internal::text
