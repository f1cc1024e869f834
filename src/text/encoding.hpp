#pragma once
/// @file encoding.hpp
/// @brief Detects the encoding of a document's bytes, converts them to UTF-8 and normalizes them.

#include "text/normalizer.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace reportex::internal::text {

struct DecodedText {
  /// UTF-8 text: the input itself when it was read as UTF-8 (ill-formed
  /// sequences left in place), otherwise the ICU conversion, where
  /// undecodable bytes are already U+FFFD.
  std::string original;
  std::string encoding;  ///< lower-case name, e.g. "utf-8", "utf-16le", "gb18030"
  NormalizedText normalized;  ///< normalize_text(original)
  std::size_t replaced_bytes = 0;  ///< input bytes that could not be decoded
};

/// Reads `bytes` as `encoding`. "auto" (or empty) detects a UTF-8 or UTF-16
/// byte order mark, then takes the bytes as UTF-8 when they are well formed;
/// otherwise ICU's charset detector may recognize GB18030/GBK, and the rest
/// is read as UTF-8 with U+FFFD replacements. Any other name selects that ICU
/// converter; a name ICU does not know falls back to "auto". Never throws for
/// any input bytes (only std::bad_alloc can escape).
DecodedText decode_text(std::string bytes, std::string_view encoding);

}  // namespace reportex::internal::text
