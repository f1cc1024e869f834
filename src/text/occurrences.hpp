#pragma once
/// @file occurrences.hpp
/// @brief Every occurrence of many literal strings, found in one pass.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reportex::internal::text {

/// Many literals, looked up together in one scan of a text: a bit filter and
/// a hash of each position's first three bytes (one Han character), so a scan
/// costs time linear in the text, not literals x length.
class LiteralSet {
 public:
  /// `literals` must outlive the set.
  explicit LiteralSet(const std::vector<std::string>& literals);

  /// Calls `found(index, pos)` for every occurrence of every literal, each
  /// literal's in increasing `pos`; occurrences may overlap. `found` returns
  /// false to stop.
  template <typename Found>
  void scan(std::string_view text, Found&& found) const;

  /// Where the first occurrence of any literal in `text` starts, or npos.
  std::size_t first_in(std::string_view text) const;

  /// True when `text` holds one of the literals.
  bool any_in(std::string_view text) const {
    bool any = false;
    scan(text, [&](std::size_t, std::size_t) { return !(any = true); });
    return any;
  }

 private:
  static constexpr std::size_t kKeyBytes = 3;
  static std::uint32_t key_at(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
  }
  static std::size_t filter_bit(std::uint32_t key) { return (key * 2654435761u) >> 16; }
  bool may_start(std::uint32_t key) const { return (filter_[filter_bit(key) >> 6] >> (filter_bit(key) & 63) & 1) != 0; }
  /// scan() of the literals of a key's length or longer, in increasing `pos`.
  template <typename Found>
  void scan_keyed(std::string_view text, Found&& found) const;

  const std::vector<std::string>* literals_;  // not owned
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_key_;  // key -> indices of the literals it starts
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(std::size_t{1} << 10);  // 64K bits over the keys
  std::vector<std::size_t> short_;  // literals shorter than a key: a find() loop each
  bool keys_in_characters_ = false;  // a key starting with a UTF-8 continuation byte
};

template <typename Found>
void LiteralSet::scan(std::string_view text, Found&& found) const {
  for (std::size_t i : short_)  // rare (a name of two Latin letters): a find() loop each
    for (auto at = text.find((*literals_)[i]); at != std::string_view::npos; at = text.find((*literals_)[i], at + 1))
      if (!found(i, at)) return;
  scan_keyed(text, found);
}

template <typename Found>
void LiteralSet::scan_keyed(std::string_view text, Found&& found) const {
  if (by_key_.empty() || text.size() < kKeyBytes) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t step = 1;
  for (std::size_t pos = 0; pos + kKeyBytes <= text.size(); pos += step) {
    // Literals that start a character start only where a character does:
    // the scan steps from one character to the next (the text is UTF-8, as
    // a Document's is), past the two other bytes of a Han character.
    if (!keys_in_characters_) {
      const unsigned char lead = bytes[pos];
      step = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    }
    const std::uint32_t key = key_at(bytes + pos);
    if (!may_start(key)) continue;
    const auto hit = by_key_.find(key);
    if (hit == by_key_.end()) continue;
    for (std::size_t i : hit->second) {
      const std::string& literal = (*literals_)[i];
      if (literal.size() <= text.size() - pos && std::memcmp(bytes + pos, literal.data(), literal.size()) == 0)
        if (!found(i, pos)) return;
    }
  }
}

/// For each of `literals`, the byte offsets in `text` where it occurs, in
/// increasing order; occurrences may overlap, as with repeated
/// std::string_view::find(literal, at + 1). An empty literal has none.
std::vector<std::vector<std::size_t>> occurrences(std::string_view text, const std::vector<std::string>& literals);

}  // namespace reportex::internal::text
