#include "extract/prefilter.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace reportex::internal {

namespace {

std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  return std::min<std::size_t>(c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, s.size() - i);
}

// Where the element of a pattern that starts at i ends: an escape (\x{…} and
// \p{…} whole), a character class, or one character.
std::size_t element_end(std::string_view p, std::size_t i) {
  auto braced_escape_end = [&](std::size_t at) {  // at: the backslash
    if (at + 2 < p.size() && std::string_view("pPx").find(p[at + 1]) != std::string_view::npos && p[at + 2] == '{') {
      const std::size_t close = p.find('}', at + 3);
      return close == std::string_view::npos ? p.size() : close + 1;
    }
    return at + 1 < p.size() ? at + 1 + utf8_length(p, at + 1) : p.size();
  };
  if (p[i] == '\\') return braced_escape_end(i);
  if (p[i] != '[') return i + utf8_length(p, i);
  std::size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a leading ] is a member
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') {
      j = braced_escape_end(j);
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      const std::size_t close = p.find(":]", j + 2);
      j = close == std::string_view::npos ? p.size() : close + 2;
    } else {
      j += utf8_length(p, j);
    }
  }
  return std::min(j + 1, p.size());
}

// The character an element of a class stands for, and where the element ends:
// a character, an escaped one, or \x{…}/\xHH; nullopt for an escape that
// stands for a class of its own (\p{Han}, \d).
std::optional<std::pair<char32_t, std::size_t>> class_character(std::string_view body, std::size_t i) {
  if (body[i] != '\\') {
    const auto c = text::decode_utf8(body, i);
    return std::pair{c.code_point, i + c.length};
  }
  if (i + 1 >= body.size()) return std::nullopt;
  const char e = body[i + 1];
  if (e == 'x') {
    const bool braced = i + 2 < body.size() && body[i + 2] == '{';
    const std::size_t from = i + (braced ? 3 : 2);
    const std::size_t to = braced ? body.find('}', from) : std::min(from + 2, body.size());
    if (to == std::string_view::npos || to == from) return std::nullopt;
    char32_t code = 0;
    for (std::size_t k = from; k < to; ++k) {
      if (!std::isxdigit(static_cast<unsigned char>(body[k]))) return std::nullopt;
      code = code * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(body[k])) ? body[k] - '0'
                                                                                                 : (body[k] | 0x20) - 'a' + 10);
    }
    return std::pair{code, braced ? to + 1 : to};
  }
  if (std::isalnum(static_cast<unsigned char>(e))) {
    if (e == 'n' || e == 't' || e == 'r' || e == 'f' || e == 'v') return std::pair{char32_t(e), i + 2};  // a control
    return std::nullopt;
  }
  const auto c = text::decode_utf8(body, i + 1);
  return std::pair{c.code_point, i + 1 + c.length};
}

// True when a class holds more than ten characters: FilteredRE2 reads such a
// class as any character, so the prefilter's pattern may say so, in a program
// far smaller than the class's own (\p{Han} is hundreds of instructions).
bool class_is_wide(std::string_view body) {
  constexpr char32_t kListed = 10;
  if (!body.empty() && body[0] == '^') return true;
  char32_t members = 0;
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '[') return true;  // [:alpha:]
    const auto first = class_character(body, i);
    if (!first) return true;
    i = first->second;
    char32_t last = first->first;
    if (i + 1 < body.size() && body[i] == '-') {
      const auto to = class_character(body, i + 1);
      if (!to) return true;
      last = to->first;
      i = to->second;
    }
    if (last >= first->first) members += last - first->first + 1;
    if (members > kListed) return true;
  }
  return false;
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

// Any character, newlines too: what FilteredRE2 makes of a wide class.
constexpr std::string_view kAnyCharacter = "(?s:.)";

// A pattern that matches wherever `pattern` does, for FilteredRE2 to find
// atoms in: counted repetitions x{m,n} become x* (or x+ when m >= 1);
// single characters that RE2 would fold into a class, and short classes,
// become alternatives that it does not fold (see as_alternatives); wide
// classes and \p{…} become any character. Its atoms may be weaker than the
// rule's (xx becomes x), never wrong, and the program RE2 compiles for the
// filter is far smaller than the rule's own.
std::string prefilter_pattern(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  auto copy = [&](std::size_t n) {
    n = std::min(n, pattern.size() - i);
    out.append(pattern.substr(i, n));
    i += n;
  };
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\' || c == '[') {
      const std::size_t end = element_end(pattern, i);
      const bool property = c == '\\' && i + 1 < pattern.size() && (pattern[i + 1] == 'p' || pattern[i + 1] == 'P');
      const bool closed = c == '[' && end - i >= 3 && pattern[end - 1] == ']';
      const std::string_view body = closed ? pattern.substr(i + 1, end - i - 2) : std::string_view();
      if (auto members = closed ? class_members(body) : std::nullopt) {
        out += as_alternatives(*members);
      } else if (property || (closed && class_is_wide(body))) {
        out += kAnyCharacter;
      } else {
        out.append(pattern.substr(i, end - i));  // \x{4E00}, a short class: braces that are not repetitions
      }
      i = end;
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

// Rewrites a pattern with every alternation of more than a few branches
// written as a balanced tree of capturing groups, which RE2's parser does not
// flatten: FilteredRE2 merges the literal sets of an alternation's branches
// one branch at a time, copying what it has merged so far each time, so a
// flat list of n words costs n² and a tree n log n. Groups and captures do
// not change what the pattern matches, so its atoms stay sound.
class AlternationBalancer {
 public:
  explicit AlternationBalancer(std::string_view p) : p_(p), close_(p.size(), p.size()) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < p.size(); i = element_end(p, i))
      if (p[i] == '(') {
        open.push_back(i);
      } else if (p[i] == ')' && !open.empty()) {
        close_[open.back()] = i;
        open.pop_back();
      }
  }

  std::string run() {
    std::string out;
    out.reserve(p_.size() + p_.size() / 4);
    const std::size_t end = alternation(0, out);
    return out.append(p_.substr(end));  // an unmatched ): left for RE2 to report
  }

 private:
  // Writes the alternation that starts at i, up to the ) that closes its
  // group or the end; returns where it stopped.
  std::size_t alternation(std::size_t i, std::string& out) {
    std::vector<std::pair<std::size_t, std::size_t>> branches{{i, i}};
    for (; i < p_.size() && p_[i] != ')'; i = next(i))
      if (p_[i] == '|') branches.emplace_back(i + 1, i + 1);
      else branches.back().second = next(i);
    write_balanced(branches, 0, branches.size(), out);
    return i;
  }

  void write_balanced(const std::vector<std::pair<std::size_t, std::size_t>>& branches, std::size_t lo, std::size_t hi,
                      std::string& out) {
    constexpr std::size_t kLeaf = 4;
    if (hi - lo > kLeaf) {
      const std::size_t mid = lo + (hi - lo) / 2;
      out += '(';
      write_balanced(branches, lo, mid, out);
      out += ")|(";
      write_balanced(branches, mid, hi, out);
      out += ')';
      return;
    }
    for (std::size_t b = lo; b < hi; ++b) {
      if (b > lo) out += '|';
      for (std::size_t i = branches[b].first; i < branches[b].second; i = next(i)) {
        if (p_[i] != '(' || flags_only(i)) {
          out.append(p_.substr(i, next(i) - i));
          continue;
        }
        const std::size_t body = body_of(i);
        out.append(p_.substr(i, body - i));
        const std::size_t close = alternation(body, out);
        if (close < p_.size()) out += ')';
      }
    }
  }

  // Where the element at i ends; a group is one element, through its ).
  std::size_t next(std::size_t i) const {
    return p_[i] == '(' ? std::min(close_[i] + 1, p_.size()) : element_end(p_, i);
  }
  // (?i): flags, no group.
  bool flags_only(std::size_t i) const {
    if (i + 1 >= p_.size() || p_[i + 1] != '?' || p_.substr(i + 1, 3) == "?P<") return false;
    const std::size_t end = p_.find_first_of(":)", i + 1);
    return end == std::string_view::npos || p_[end] == ')';
  }
  // Where a group's pattern starts: after ( or (?: or (?P<name> or (?flags:.
  std::size_t body_of(std::size_t i) const {
    if (i + 1 >= p_.size() || p_[i + 1] != '?') return i + 1;
    const std::size_t end = p_.substr(i + 1, 3) == "?P<" ? p_.find('>', i + 1) : p_.find(':', i + 1);
    return end == std::string_view::npos ? p_.size() : end + 1;
  }

  std::string_view p_;
  std::vector<std::size_t> close_;  // for each (, where its ) is (p_.size(): none)
};

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
    if (filter_.Add(AlternationBalancer(prefilter_pattern(selectors[r])).run(), options, &id) == RE2::NoError ||
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
