#include "extract/prefilter.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace reportex::internal {

namespace {

std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  return std::min<std::size_t>(c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, s.size() - i);
}

// The members of a character class written out, when it lists a few
// characters and short ranges ([零一二三], [、，0-9]) and is not negated;
// nullopt for any other class, and for one of ASCII characters only, which
// RE2 reads as its members itself. `body` is what stands between [ and ].
std::optional<std::vector<std::string>> class_members(std::string_view body) {
  constexpr std::size_t kMaxMembers = 32;
  std::vector<std::string> members;
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '^' && i == 0) return std::nullopt;
    if (body[i] == '[') return std::nullopt;  // [:alpha:]
    // An escaped punctuation mark counts as itself; \p{…}, \d and the like are not listed.
    const bool escaped = body[i] == '\\';
    if (escaped && (i + 1 >= body.size() || std::isalnum(static_cast<unsigned char>(body[i + 1]))))
      return std::nullopt;
    const std::size_t at = escaped ? i + 1 : i, n = escaped ? 1 : utf8_length(body, i);
    std::string first(body.data() + at, n);
    i = at + n;
    if (i + 1 < body.size() && body[i] == '-' && first.size() == 1 && body[i + 1] != '\\' &&
        static_cast<unsigned char>(body[i + 1]) < 0x80) {  // an ASCII range such as 0-9
      const char last = body[i + 1];
      if (last < first[0] || static_cast<std::size_t>(last - first[0]) >= kMaxMembers) return std::nullopt;
      for (char c = first[0]; c <= last; ++c) members.emplace_back(1, c);
      i += 2;
    } else if (i < body.size() && body[i] == '-' && i + 1 < body.size()) {
      return std::nullopt;  // a range of other characters: too wide to list
    } else {
      members.push_back(std::move(first));
    }
    if (members.size() > kMaxMembers) return std::nullopt;
  }
  // RE2 reads a short class of ASCII characters ([0-9]) as its members already.
  if (std::all_of(members.begin(), members.end(), [](const std::string& m) { return static_cast<unsigned char>(m[0]) < 0x80; }))
    return std::nullopt;
  return members;
}

// Alternatives each written x{1}: RE2's parser folds an alternation of single
// characters (人|名|个, or a class) into a character class, and FilteredRE2
// takes a class of more than a few characters for any character, losing its
// atoms. A repetition is not folded (and simplifies back to x), so each
// character stays an alternative, and an atom, of its own.
std::string as_alternatives(const std::vector<std::string>& members) {
  std::string out = "(?:";
  for (const auto& m : members) {
    if (out.size() > 3) out += '|';
    out += RE2::QuoteMeta(re2::StringPiece(m.data(), m.size())) + "{1}";
  }
  return out + ')';
}

// True when `out` ends where an alternative starts: after ( or (?: or (?P<name> or |.
bool at_branch_start(const std::string& out) {
  if (out.empty()) return false;
  if (out.back() == '|' || out.back() == '(') return out.size() < 2 || out[out.size() - 2] != '\\';
  if (out.size() >= 3 && out.compare(out.size() - 3, 3, "(?:") == 0) return true;
  if (out.back() == '>') {
    const std::size_t open = out.rfind("(?P<");
    return open != std::string::npos && out.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", open + 4) == out.size() - 1;
  }
  return false;
}

// A pattern that matches wherever `pattern` does, for FilteredRE2 to find
// atoms in: counted repetitions x{m,n} become x* (or x+ when m >= 1), and
// single characters that RE2 would fold into a class, and short classes,
// become alternatives that it does not fold (see as_alternatives). Its atoms may be weaker than the rule's
// (xx becomes x), never wrong, and the program RE2 compiles for the filter
// is far smaller than the rule's own.
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
      // A class without nested brackets or escapes of ]: list it when it is short.
      const std::size_t close = pattern.find(']', i + 2);
      if (close != std::string_view::npos && pattern.substr(i + 1, close - i - 1).find('[') == std::string_view::npos &&
          pattern[close - 1] != '\\') {
        if (auto members = class_members(pattern.substr(i + 1, close - i - 1))) {
          out += as_alternatives(*members);
          i = close + 1;
          continue;
        }
      }
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
    } else if (static_cast<unsigned char>(c) >= 0x80 && at_branch_start(out)) {
      // A whole alternative of one character (the 名 of 人|名|个): written 名{1}.
      const std::size_t n = utf8_length(pattern, i);
      const char next = i + n < pattern.size() ? pattern[i + n] : ')';
      if (next == '|' || next == ')') {
        copy(n);
        out += "{1}";
      } else {
        copy(n);
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
