#pragma once
// The closed set of converters a rule's field mapping may name, e.g.
// `count = "number(n)"`. Each turns capture texts into one typed value.

#include <reportex/value.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace reportex::internal {

struct Lexicon;

/// What a converter does: the matcher dispatches on it per match, so the
/// name is read once, when the pack loads.
enum class ConverterKind { text, join, name, number, integer, high, approx, percent, money, calendar, list, items, names, lexicon, ending };

struct ConverterSpec {
  std::string_view name;
  ConverterKind kind = ConverterKind::text;
  int min_args = 1;
  int max_args = 1;
  FieldType output = FieldType::text;
};

/// The length of the "lexicon." or "ending." that opens a converter naming a
/// lexicon ("lexicon.org_suffix"), else 0.
std::size_t lexicon_prefix(std::string_view converter) noexcept;
/// The converter called `name` ("lexicon.X" is found as "lexicon"); nullptr if unknown.
const ConverterSpec* find_converter(std::string_view name) noexcept;
/// The names of all converters, for "did you mean" hints and docs.
std::vector<std::string_view> converter_names();
/// True when a converter producing `produced` may fill a field declared `declared`.
bool assignable(FieldType produced, FieldType declared) noexcept;

/// Applies `converter` to its arguments (std::nullopt for a capture that
/// did not take part in the match). Returns std::nullopt when the text does not
/// convert, which drops the candidate; a null Value means "no value".
/// `lexicon` is the list a lexicon.NAME or ending.NAME converter reads.
std::optional<Value> convert(const ConverterSpec& converter, const std::vector<std::optional<std::string_view>>& args,
                             const Lexicon* lexicon);
/// The same by the converter's name ("number", "lexicon.titles"); std::nullopt for an unknown name.
std::optional<Value> convert(std::string_view name, const std::vector<std::optional<std::string_view>>& args,
                             const Lexicon* lexicon);

/// Removes bold-doubling and bullet artifacts from a person's name:
/// "●●李雁李雁" -> "李雁".
std::string repair_name(std::string_view text);

/// Splits an enumeration at 、，, and, with `at_conjunctions`, at 和及与 and 以及
/// into trimmed, non-empty items.
std::vector<std::string> split_items(std::string_view text, bool at_conjunctions = true);

}  // namespace reportex::internal
