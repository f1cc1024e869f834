#include "text/occurrences.hpp"

#include <algorithm>

namespace reportex::internal::text {

LiteralSet::LiteralSet(const std::vector<std::string>& literals) : literals_(&literals) {
  for (std::size_t i = 0; i < literals.size(); ++i) {
    const std::string& literal = literals[i];
    if (literal.empty()) continue;
    if (literal.size() < kKeyBytes) {
      short_.push_back(i);
      continue;
    }
    const std::uint32_t key = key_at(reinterpret_cast<const unsigned char*>(literal.data()));
    keys_in_characters_ |= (static_cast<unsigned char>(literal[0]) & 0xC0) == 0x80;
    by_key_[key].push_back(i);
    filter_[filter_bit(key) >> 6] |= std::uint64_t{1} << (filter_bit(key) & 63);
  }
}

std::size_t LiteralSet::first_in(std::string_view text) const {
  std::size_t first = std::string_view::npos;
  for (std::size_t i : short_) first = std::min(first, text.find((*literals_)[i]));
  scan_keyed(text, [&](std::size_t, std::size_t pos) {  // the first one found is the first of the keyed
    first = std::min(first, pos);
    return false;
  });
  return first;
}

std::vector<std::vector<std::size_t>> occurrences(std::string_view text, const std::vector<std::string>& literals) {
  std::vector<std::vector<std::size_t>> out(literals.size());
  LiteralSet(literals).scan(text, [&](std::size_t i, std::size_t pos) {
    out[i].push_back(pos);
    return true;
  });
  return out;
}

}  // namespace reportex::internal::text
