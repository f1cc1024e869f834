#include "text/occurrences.hpp"

#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace reportex::internal::text {

namespace {

// Literals are looked up by their first three bytes (one Han character).
constexpr std::size_t kKeyBytes = 3;

std::uint32_t key_at(const unsigned char* p) { return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]; }

// A 64K-bit filter over the keys: most positions of a text start no literal,
// and one bit test tells so before any hash lookup.
std::size_t filter_bit(std::uint32_t key) { return (key * 2654435761u) >> 16; }

}  // namespace

std::vector<std::vector<std::size_t>> occurrences(std::string_view text, const std::vector<std::string>& literals) {
  std::vector<std::vector<std::size_t>> out(literals.size());
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_key;  // key -> indices of the literals it starts
  std::vector<std::uint64_t> filter(std::size_t{1} << 10);
  bool keys_in_characters = false;  // a key starting with a UTF-8 continuation byte
  for (std::size_t i = 0; i < literals.size(); ++i) {
    const std::string& literal = literals[i];
    if (literal.empty()) continue;
    if (literal.size() < kKeyBytes) {  // too short for a key: a find() loop of its own
      for (auto at = text.find(literal); at != std::string_view::npos; at = text.find(literal, at + 1)) out[i].push_back(at);
      continue;
    }
    const std::uint32_t key = key_at(reinterpret_cast<const unsigned char*>(literal.data()));
    keys_in_characters |= (static_cast<unsigned char>(literal[0]) & 0xC0) == 0x80;
    by_key[key].push_back(i);
    filter[filter_bit(key) >> 6] |= std::uint64_t{1} << (filter_bit(key) & 63);
  }
  if (by_key.empty() || text.size() < kKeyBytes) return out;

  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t pos = 0; pos + kKeyBytes <= text.size(); ++pos) {
    // Literals that start a character start only where a character does:
    // two of three positions in Han text are skipped with one test.
    if ((bytes[pos] & 0xC0) == 0x80 && !keys_in_characters) continue;
    const std::uint32_t key = key_at(bytes + pos);
    const std::size_t bit = filter_bit(key);
    if ((filter[bit >> 6] >> (bit & 63) & 1) == 0) continue;
    const auto found = by_key.find(key);
    if (found == by_key.end()) continue;
    for (std::size_t i : found->second) {
      const std::string& literal = literals[i];
      if (literal.size() <= text.size() - pos && std::memcmp(bytes + pos, literal.data(), literal.size()) == 0)
        out[i].push_back(pos);
    }
  }
  return out;
}

}  // namespace reportex::internal::text
