#pragma once
/// @file utf8.hpp
/// @brief Strict UTF-8 decoding, shared by encoding detection and normalization.

#include <cstddef>
#include <string>
#include <string_view>

namespace reportex::internal::text {

/// One decoded UTF-8 sequence. An ill-formed sequence has valid == false and
/// length == its maximal subpart (at least one byte), so that each maximal
/// subpart becomes one U+FFFD, as the Unicode standard recommends.
struct Utf8Char {
  char32_t code_point = 0xFFFD;
  unsigned length = 1;
  bool valid = false;
};

/// Decodes the sequence starting at bytes[pos]; requires pos < bytes.size().
/// Rejects overlong forms, UTF-8-encoded surrogates and code points above
/// U+10FFFF. Inline because it runs once per character on the hot path.
inline Utf8Char decode_utf8(std::string_view bytes, std::size_t pos) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  const unsigned lead = s[pos];
  if (lead < 0x80) return {lead, 1, true};

  // The second byte's range is narrower after E0, ED, F0 and F4: that is what
  // excludes overlong forms, surrogates and values above U+10FFFF.
  unsigned continuation_count = 0;
  char32_t code_point = 0;
  unsigned second_low = 0x80, second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuation_count = 1;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuation_count = 2;
    code_point = lead & 0x0F;
    if (lead == 0xE0) second_low = 0xA0;
    if (lead == 0xED) second_high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuation_count = 3;
    code_point = lead & 0x07;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;
  } else {
    return {};
  }
  if (pos + 1 >= size || s[pos + 1] < second_low || s[pos + 1] > second_high) return {};
  code_point = (code_point << 6) | (s[pos + 1] & 0x3F);
  unsigned length = 2;
  for (; length <= continuation_count; ++length) {
    if (pos + length >= size || (s[pos + length] & 0xC0) != 0x80) return {0xFFFD, length, false};
    code_point = (code_point << 6) | (s[pos + length] & 0x3F);
  }
  return {code_point, length, true};
}

/// Appends the UTF-8 form of a valid code point.
void append_utf8(std::string& out, char32_t code_point);

/// Counts that tell well-formed UTF-8 with a few damaged bytes apart from
/// text in another multi-byte encoding.
struct Utf8Census {
  std::size_t multibyte_chars = 0;     ///< well-formed non-ASCII characters
  std::size_t invalid_sequences = 0;  ///< maximal ill-formed subparts
};
Utf8Census census_utf8(std::string_view bytes) noexcept;

}  // namespace reportex::internal::text
