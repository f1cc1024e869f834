#pragma once
// The compiled form of a rule pack: what RuleSet::Impl holds after loading.

#include <reportex/record.hpp>
#include <reportex/rule_set.hpp>

#include <re2/re2.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace reportex::internal {

struct ConverterSpec;

/// A word list, usable in patterns (%{name}) and as an alias -> canonical table.
// Hashes std::string and std::string_view alike, so that a lookup needs no copy.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct Lexicon {
  std::string name;
  std::string file;
  // False: the words are too common to pick the sentences a rule runs on
  // ("prefilter = false" in the pack); the prefilter reads the lexicon as any text.
  bool prefilter = true;
  std::vector<std::string> entries;  // surface forms, in file order
  // surface -> canonical (itself when no TAB column), found by string_view too
  std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> canonical;
  std::vector<std::size_t> lengths;  // the entries' distinct byte lengths, longest first
  // Bits over the first and over the last two bytes of the entries: most texts
  // a stage looks up start (or end) with no entry's bytes, and are told so by
  // one test instead of a hash lookup per length. An entry of one byte leaves
  // the filters open.
  std::vector<std::uint64_t> heads = std::vector<std::uint64_t>(kFilterWords), tails = heads;
  bool one_byte_entry = false;

  void add(std::string surface, std::string canonical_form);
  bool may_start(std::string_view text) const { return one_byte_entry || (text.size() >= 2 && has(heads, text.substr(0, 2))); }
  bool may_end(std::string_view text) const {
    return one_byte_entry || (text.size() >= 2 && has(tails, text.substr(text.size() - 2)));
  }

 private:
  static constexpr std::size_t kFilterWords = (std::size_t{1} << 16) / 64;
  static std::size_t bit(std::string_view two) {
    return std::size_t{static_cast<unsigned char>(two[0])} << 8 | static_cast<unsigned char>(two[1]);
  }
  static bool has(const std::vector<std::uint64_t>& bits, std::string_view two) { return (bits[bit(two) >> 6] >> (bit(two) & 63) & 1) != 0; }
  static void set(std::vector<std::uint64_t>& bits, std::string_view two) { bits[bit(two) >> 6] |= std::uint64_t{1} << (bit(two) & 63); }
};

// Lookups the linking stages make in a word list (rules/lexicon.cpp); a missing
// list (nullptr) has no words.
/// The canonical form of `key`, or "" when it is no entry.
std::string lookup(const Lexicon* lexicon, std::string_view key);
/// The longest entry `text` starts with, as a view into `text`; "" when none.
std::string_view longest_head(const Lexicon* lexicon, std::string_view text);
/// The longest entry `text` ends with, as a view into `text`; "" when none.
std::string_view longest_tail(const Lexicon* lexicon, std::string_view text);
/// Where the first entry found inside `text` starts, or npos when none is there.
std::size_t first_entry_in(const Lexicon* lexicon, std::string_view text);

/// How one field of an emitted record gets its value.
struct FieldMapping {
  std::string field;
  FieldType type = FieldType::text;  // the declared type of the field
  const ConverterSpec* converter = nullptr;  // nullptr for a constant
  std::vector<int> args;                     // capture group numbers of the converter's arguments
  const Lexicon* lexicon = nullptr;  // for lexicon.NAME(...)
  Value constant;
};

/// One record a match produces.
struct Emit {
  std::string type;
  int span_group = 0;   // capture group whose range is the record's span (0: the whole match)
  int split_group = -1;  // emit one record per item of this capture (items split at 、)
  std::vector<FieldMapping> fields;
};

/// A regex a record's context must (not) match: the sentence text before or after the span.
struct Guard {
  std::shared_ptr<const RE2> re;
  bool before = true;
  bool negate = true;
};

struct Example {
  std::string file;
  int line = 0;
  std::string text;
  std::optional<std::string> reference_date;
  // Each expected record: field name -> expected value ("type" and "text" are special keys).
  std::vector<std::map<std::string, Value>> expect;
  bool todo = false;
};

struct Rule {
  std::string id;
  std::string file;
  int line = 0;
  int priority = 0;
  std::string pattern;  // fully expanded
  std::shared_ptr<const RE2> re;
  // A capture around the whole pattern, "(?P<c>…)": read as group 0, which RE2
  // finds with its DFAs alone, without a capture pass.
  int whole_group = -1;
  // What the text before a match must end with, compiled as "(?:…)$"; its
  // capture k is the rule's capture leading_base + k - 1.
  std::string leading_pattern;
  std::shared_ptr<const RE2> leading;
  int leading_base = 0;
  /// The leading pattern and the pattern as one regex: what the rule matches.
  std::string whole_pattern() const { return leading ? "(?:" + leading_pattern + ")(?:" + pattern + ")" : pattern; }
  // The same with every lexicon of `prefilter = false` read as any text: what
  // the matcher takes the rule's atoms from.
  std::string selector_pattern, leading_selector;
  std::string whole_selector() const {
    return leading ? "(?:" + leading_selector + ")(?:" + selector_pattern + ")" : selector_pattern;
  }
  std::vector<Emit> emits;
  std::vector<std::string> suppress;  // types whose overlapping candidates this rule removes
  std::vector<Guard> guards;
  std::vector<Example> examples;
};

}  // namespace reportex::internal

namespace reportex::internal {
class Prefilter;
}

namespace reportex {

struct RuleSet::Impl {
  std::vector<TypeInfo> types;
  std::vector<internal::Rule> rules;
  // Hashed: the linking stages look lists and patterns up by name as they go.
  std::unordered_map<std::string, std::unique_ptr<internal::Lexicon>, internal::WordHash, std::equal_to<>> lexicons;
  std::vector<RuleInfo> infos;
  std::size_t footprint = 0;
  // Which rules can match a sentence; built with the rules, never null in a loaded pack.
  std::shared_ptr<const internal::Prefilter> prefilter;
  // The patterns the linking stages read ([stages.NAME] tables), by "stage.key".
  std::unordered_map<std::string, std::shared_ptr<const RE2>, internal::WordHash, std::equal_to<>> stage_patterns;

  const internal::Lexicon* lexicon(std::string_view name) const {
    auto it = lexicons.find(name);
    return it == lexicons.end() ? nullptr : it->second.get();
  }
  /// The stage pattern `name`, or one that matches nothing when the pack has
  /// none by that name: a pack without meetings leaves the meetings stage idle.
  const RE2& stage_pattern(std::string_view name) const {
    static const RE2 nothing("[^\\x00-\\x{10FFFF}]");
    auto it = stage_patterns.find(name);
    return it == stage_patterns.end() ? nothing : *it->second;
  }
};

}  // namespace reportex
