#pragma once
/// @file occurrences.hpp
/// @brief Every occurrence of many literal strings, found in one pass.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reportex::internal::text {

/// For each of `literals`, the byte offsets in `text` where it occurs, in
/// increasing order; occurrences may overlap, as with repeated
/// std::string_view::find(literal, at + 1). An empty literal has none.
/// One scan of the text serves all the literals (a bit filter and a hash of
/// each position's first three bytes), so looking up the names a document
/// defines costs time linear in the document, not names x length.
std::vector<std::vector<std::size_t>> occurrences(std::string_view text, const std::vector<std::string>& literals);

}  // namespace reportex::internal::text
