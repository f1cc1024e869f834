#include "extract/prefilter.hpp"

#include <algorithm>

namespace reportex::internal {

namespace {

// A pattern that matches wherever `pattern` does, for FilteredRE2 to find
// atoms in: counted repetitions x{m,n} become x* (or x+ when m >= 1). Its
// atoms may be weaker than the rule's (xx becomes x), never wrong, and the
// program RE2 compiles for the filter is far smaller than the rule's own.
std::string prefilter_pattern(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  std::size_t i = 0;
  auto copy = [&](std::size_t n) {
    n = std::min(n, pattern.size() - i);
    out.append(pattern.substr(i, n));
    i += n;
  };
  auto length_through = [&](std::string_view close, std::size_t from) {
    const std::size_t at = pattern.find(close, from);
    return at == std::string_view::npos ? pattern.size() - i : at + close.size() - i;
  };
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\') {  // \p{Han}, \x{4E00}: braces that are not repetitions
      const bool braced = i + 2 < pattern.size() && std::string_view("pPx").find(pattern[i + 1]) != std::string_view::npos &&
                          pattern[i + 2] == '{';
      copy(braced ? length_through("}", i + 3) : 2);
    } else if (in_class) {
      if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
        copy(length_through(":]", i + 2));
        continue;
      }
      in_class = c != ']';
      copy(1);
    } else if (c == '[') {
      in_class = true;
      copy(1);
      if (i < pattern.size() && pattern[i] == '^') copy(1);
      if (i < pattern.size() && pattern[i] == ']') copy(1);  // a leading ] is a member
    } else if (c == '{') {
      std::size_t j = i + 1;
      while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9') ++j;
      const bool has_min = j > i + 1;
      const bool min_zero = has_min && pattern.find_first_not_of('0', i + 1) >= j;
      if (has_min && j < pattern.size() && pattern[j] == ',')
        for (++j; j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9';) ++j;
      if (has_min && j < pattern.size() && pattern[j] == '}') {
        out += min_zero ? '*' : '+';
        i = j + 1;
      } else {
        copy(1);  // a literal brace
      }
    } else {
      copy(1);
    }
  }
  return out;
}

// The atoms are literals, lower-cased by RE2; one unanchored Set finds which
// of them a sentence contains. Its DFA is a trie of the atoms, so its states
// are few and stay cached, unlike a Set of the rules' own patterns, whose
// states multiply across patterns and are built anew for every new text.
std::unique_ptr<RE2::Set> compile_atoms(const std::vector<std::string>& atoms) {
  if (atoms.empty()) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_literal(true);
  options.set_case_sensitive(false);
  options.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& atom : atoms)
    if (set->Add(atom, nullptr) < 0) return nullptr;
  if (!set->Compile()) return nullptr;
  return set;
}

}  // namespace

Prefilter::Prefilter(const std::vector<std::string>& selectors) : selectors_(selectors), filter_(1) {
  RE2::Options options;
  options.set_log_errors(false);
  for (std::size_t r = 0; r < selectors.size(); ++r) {
    // A leading part's literals are needed too; common words are not (see Lexicon::prefilter).
    int id = -1;
    if (filter_.Add(prefilter_pattern(selectors[r]), options, &id) == RE2::NoError ||
        filter_.Add(selectors[r], options, &id) == RE2::NoError)
      filtered_.push_back(r);
    else
      always_.push_back(r);
  }
  std::vector<std::string> atoms;
  if (!filtered_.empty()) filter_.Compile(&atoms);
  atoms_ = compile_atoms(atoms);
  if (!atoms_) {  // no rule has atoms, or they do not compile: every rule runs on every sentence
    always_.insert(always_.end(), filtered_.begin(), filtered_.end());
    std::sort(always_.begin(), always_.end());
    filtered_.clear();
  }
}

}  // namespace reportex::internal
