#include "rules/pack.hpp"

#include <algorithm>
#include <functional>

namespace reportex::internal {

void Lexicon::add(std::string surface, std::string canonical_form) {
  const std::size_t size = surface.size();
  if (!canonical.emplace(surface, std::move(canonical_form)).second) return;
  entries.push_back(std::move(surface));
  auto at = std::lower_bound(lengths.begin(), lengths.end(), size, std::greater<>());
  if (at == lengths.end() || *at != size) lengths.insert(at, size);
  const std::string& added = entries.back();
  if (added.size() < 2) {
    one_byte_entry = true;
    return;
  }
  set(heads, std::string_view(added).substr(0, 2));
  set(tails, std::string_view(added).substr(added.size() - 2));
}

std::string lookup(const Lexicon* lexicon, std::string_view key) {
  if (lexicon == nullptr) return {};
  auto it = lexicon->canonical.find(key);
  return it == lexicon->canonical.end() ? std::string() : it->second;
}

// Whole entries are looked up by each length an entry has, longest first: a
// few hash lookups instead of a comparison with every entry.
std::string_view longest_head(const Lexicon* lexicon, std::string_view text) {
  if (lexicon != nullptr && lexicon->may_start(text))
    for (std::size_t n : lexicon->lengths)
      if (n <= text.size() && lexicon->canonical.count(text.substr(0, n)) > 0) return text.substr(0, n);
  return text.substr(0, 0);
}

std::string_view longest_tail(const Lexicon* lexicon, std::string_view text) {
  if (lexicon != nullptr && lexicon->may_end(text))
    for (std::size_t n : lexicon->lengths)
      if (n <= text.size() && lexicon->canonical.count(text.substr(text.size() - n)) > 0)
        return text.substr(text.size() - n);
  return text.substr(text.size());
}

std::size_t first_entry_in(const Lexicon* lexicon, std::string_view text) {
  std::size_t first = std::string_view::npos;
  if (lexicon != nullptr)
    for (const auto& entry : lexicon->entries) first = std::min(first, text.find(entry));
  return first;
}

}  // namespace reportex::internal
