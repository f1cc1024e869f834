#include "rules/pack.hpp"

namespace reportex::internal {

std::string lookup(const Lexicon* lexicon, std::string_view key) {
  if (lexicon == nullptr) return {};
  auto it = lexicon->canonical.find(std::string(key));
  return it == lexicon->canonical.end() ? std::string() : it->second;
}

std::string_view longest_head(const Lexicon* lexicon, std::string_view text) {
  std::size_t best = 0;
  if (lexicon != nullptr)
    for (const auto& entry : lexicon->entries)
      if (entry.size() > best && text.substr(0, entry.size()) == entry) best = entry.size();
  return text.substr(0, best);
}

std::string_view longest_tail(const Lexicon* lexicon, std::string_view text) {
  std::size_t best = 0;
  if (lexicon != nullptr)
    for (const auto& entry : lexicon->entries)
      if (entry.size() > best && entry.size() <= text.size() && text.substr(text.size() - entry.size()) == entry)
        best = entry.size();
  return text.substr(text.size() - best);
}

}  // namespace reportex::internal
