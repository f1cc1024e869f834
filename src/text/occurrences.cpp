#include "text/occurrences.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>

namespace reportex::internal::text {

namespace {

// Below this many bytes of searching (literals x text), a find() per literal
// costs less than compiling the RE2 program that serves them all.
constexpr std::size_t kSearchBytesWorthCompiling = std::size_t{1} << 20;

// One find() loop per literal: for short texts, and for sets of literals too
// large for one RE2 program.
std::vector<std::vector<std::size_t>> find_each(std::string_view text, const std::vector<std::string>& literals) {
  std::vector<std::vector<std::size_t>> out(literals.size());
  for (std::size_t i = 0; i < literals.size(); ++i)
    if (!literals[i].empty())
      for (auto at = text.find(literals[i]); at != std::string_view::npos; at = text.find(literals[i], at + 1))
        out[i].push_back(at);
  return out;
}

}  // namespace

std::vector<std::vector<std::size_t>> occurrences(std::string_view text, const std::vector<std::string>& literals) {
  if (literals.size() * text.size() <= kSearchBytesWorthCompiling) return find_each(text, literals);
  // Distinct literals, longest first: at a position where several occur, the
  // alternation reports the longest, and the others are its prefixes.
  std::map<std::string_view, std::vector<std::size_t>> indices;  // literal -> its indices in `literals`
  for (std::size_t i = 0; i < literals.size(); ++i)
    if (!literals[i].empty()) indices[literals[i]].push_back(i);
  std::vector<std::vector<std::size_t>> out(literals.size());
  if (indices.empty()) return out;
  std::vector<std::string_view> distinct;
  for (const auto& entry : indices) distinct.push_back(entry.first);
  std::stable_sort(distinct.begin(), distinct.end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  std::string pattern;
  for (std::string_view d : distinct) {
    if (!pattern.empty()) pattern += '|';
    pattern += RE2::QuoteMeta(re2::StringPiece(d.data(), d.size()));
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  const RE2 any(pattern, options);
  if (!any.ok()) return find_each(text, literals);

  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  for (std::size_t pos = 0; pos < text.size() && any.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1);) {
    const std::size_t at = static_cast<std::size_t>(match.data() - text.data());
    const std::string_view longest(match.data(), match.size());
    for (std::size_t n = longest.size(); n > 0; --n)  // the longest and its prefixes that are literals
      if (auto found = indices.find(longest.substr(0, n)); found != indices.end())
        for (std::size_t i : found->second) out[i].push_back(at);
    pos = at + 1;
  }
  return out;
}

}  // namespace reportex::internal::text
