#include "convert/converters.hpp"

#include "convert/calendar.hpp"
#include "convert/number.hpp"
#include "rules/pack.hpp"

#include <array>
#include <cmath>
#include <string>

namespace reportex::internal {

namespace {

constexpr std::array<ConverterSpec, 15> kConverters{{
    {"text", ConverterKind::text, 1, 1, FieldType::text},
    {"join", ConverterKind::join, 1, 4, FieldType::text},
    {"name", ConverterKind::name, 1, 1, FieldType::text},
    {"number", ConverterKind::number, 1, 1, FieldType::number},
    {"integer", ConverterKind::integer, 1, 1, FieldType::integer},
    {"high", ConverterKind::high, 1, 1, FieldType::number},
    {"approx", ConverterKind::approx, 1, 1, FieldType::text},
    {"percent", ConverterKind::percent, 1, 1, FieldType::number},
    {"money", ConverterKind::money, 2, 2, FieldType::number},
    {"calendar", ConverterKind::calendar, 1, 1, FieldType::date},
    {"list", ConverterKind::list, 1, 4, FieldType::list},
    {"items", ConverterKind::items, 1, 4, FieldType::list},
    {"names", ConverterKind::names, 1, 1, FieldType::list},
    {"lexicon", ConverterKind::lexicon, 1, 1, FieldType::text},
    {"ending", ConverterKind::ending, 1, 1, FieldType::text},
}};

Value number_value(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15) return static_cast<std::int64_t>(v);
  return v;
}

// The code point starting at s[i] and its length (1 for a bad byte).
std::size_t char_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return i + n <= s.size() ? n : 1;
}

bool is_mark(std::string_view ch) { return ch == "、" || ch == "，" || ch == ","; }

bool is_conjunction(std::string_view ch) { return ch == "和" || ch == "及" || ch == "与"; }

}  // namespace

std::size_t lexicon_prefix(std::string_view converter) noexcept {
  for (std::string_view prefix : {"lexicon.", "ending."})
    if (converter.substr(0, prefix.size()) == prefix) return prefix.size();
  return 0;
}

const ConverterSpec* find_converter(std::string_view name) noexcept {
  if (std::size_t n = lexicon_prefix(name)) name = name.substr(0, n - 1);
  for (const auto& spec : kConverters)
    if (spec.name == name) return &spec;
  return nullptr;
}

std::vector<std::string_view> converter_names() {
  std::vector<std::string_view> names;
  for (const auto& spec : kConverters)
    names.push_back(spec.name == "lexicon" ? "lexicon.NAME" : spec.name == "ending" ? "ending.NAME" : spec.name);
  return names;
}

bool assignable(FieldType produced, FieldType declared) noexcept {
  if (produced == declared) return true;
  switch (declared) {
    case FieldType::number: return produced == FieldType::integer || produced == FieldType::decimal;
    case FieldType::decimal: return produced == FieldType::integer || produced == FieldType::number;
    case FieldType::list: return produced == FieldType::text;
    default: return false;
  }
}

std::string repair_name(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = char_length(text, i);
    std::string_view ch = text.substr(i, n);
    i += n;
    // A middle dot inside a name joins its parts ("阿依努尔·吐尔逊"); at
    // either end, or doubled, it is a bullet.
    if (ch == "·" && !out.empty() && i < text.size() && !text.substr(i).starts_with("·") && !out.ends_with("·")) {
      out.append(ch);
      continue;
    }
    if (ch == "●" || ch == "•" || ch == "·" || ch == "*" || ch == " " || ch == "\n" || ch == "\t") continue;
    out.append(ch);
  }
  if (out.ends_with("·")) out.resize(out.size() - std::string_view("·").size());
  // A note in brackets after the name: "王芳(女)", "马骏（回族）".
  if (out.ends_with(")") || out.ends_with("）"))
    if (const std::size_t open = std::min(out.rfind('('), out.rfind("（")); open != std::string::npos && open > 0)
      out.resize(open);
  // Bold text extracted twice from a PDF: "李雁李雁" -> "李雁".
  if (out.size() >= 4 && out.size() % 2 == 0 &&
      std::string_view(out).substr(0, out.size() / 2) == std::string_view(out).substr(out.size() / 2))
    out.resize(out.size() / 2);
  return out;
}

std::vector<std::string> split_items(std::string_view text, bool at_conjunctions) {
  std::vector<std::string> items;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) items.push_back(current);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (at_conjunctions && text.substr(i, 6) == "以及") {  // two-character separator first
      flush();
      i += 6;
      continue;
    }
    std::size_t n = char_length(text, i);
    std::string_view ch = text.substr(i, n);
    i += n;
    if (is_mark(ch) || (at_conjunctions && is_conjunction(ch))) flush();
    else if (ch != " " && ch != "\n") current.append(ch);
  }
  flush();
  return items;
}

std::optional<Value> convert(const ConverterSpec& converter, const std::vector<std::optional<std::string_view>>& args,
                             const Lexicon* lexicon) {
  if (args.empty()) return std::nullopt;
  const auto& first = args[0];
  switch (converter.kind) {
    case ConverterKind::money: {
      if (!first || !args[1]) return Value{};
      auto n = parse_money(*first, *args[1]);
      if (!n) return std::nullopt;
      return number_value(n->value);
    }
    case ConverterKind::join: {  // "受理的128件案件": a subject written in two pieces around the number
      std::string joined;
      for (const auto& arg : args)
        if (arg) joined.append(*arg);
      if (joined.empty()) return Value{};
      return Value{std::move(joined)};
    }
    case ConverterKind::list:
    case ConverterKind::items: {
      // "items" splits at the marks only: an item may hold 和 ("监察和司法委员会主任").
      // "list(titles, after)": each capture's items in turn.
      const bool at_conjunctions = converter.kind == ConverterKind::list;
      if (args.size() == 1 && !first) return Value{};  // optional capture that did not match
      std::vector<std::string> items;
      for (const auto& arg : args)
        if (arg)
          for (auto& item : split_items(*arg, at_conjunctions)) items.push_back(std::move(item));
      if (items.empty() && args.size() > 1) return Value{};
      return Value{std::move(items)};
    }
    default:
      break;
  }
  if (!first) return Value{};  // optional capture that did not match: no value
  const std::string_view s = *first;
  switch (converter.kind) {
    case ConverterKind::text: return Value{std::string(s)};
    case ConverterKind::name: {
      std::string repaired = repair_name(s);
      if (repaired.empty()) return std::nullopt;
      return Value{std::move(repaired)};
    }
    case ConverterKind::number:
    case ConverterKind::integer:
    case ConverterKind::high: {
      auto n = parse_number(s);
      if (!n) return std::nullopt;
      if (converter.kind == ConverterKind::high) return n->high ? number_value(*n->high) : Value{};
      if (converter.kind == ConverterKind::integer && !n->integral()) return std::nullopt;
      return number_value(n->value);
    }
    case ConverterKind::approx: {
      auto n = parse_number(s);
      if (!n || n->approx == Approx::exact) return Value{};
      return Value{std::string(to_string(n->approx))};
    }
    case ConverterKind::percent: {
      auto n = parse_percent(s);
      if (!n) return std::nullopt;
      return number_value(n->value);
    }
    case ConverterKind::calendar:
      if (!parse_calendar(s)) return std::nullopt;
      return Value{std::string(s)};
    case ConverterKind::names: {
      std::vector<std::string> names;
      for (auto& item : split_items(s)) names.push_back(repair_name(item));
      return Value{std::move(names)};
    }
    case ConverterKind::lexicon: {
      if (lexicon == nullptr) return std::nullopt;
      auto it = lexicon->canonical.find(s);
      if (it == lexicon->canonical.end()) return Value{};
      return Value{it->second};
    }
    case ConverterKind::ending: {  // the longest entry `s` ends with
      if (lexicon == nullptr) return std::nullopt;
      const std::string_view tail = longest_tail(lexicon, s);
      if (tail.empty()) return Value{};
      return Value{lexicon->canonical.find(tail)->second};
    }
    default:
      return std::nullopt;
  }
}

std::optional<Value> convert(std::string_view name, const std::vector<std::optional<std::string_view>>& args,
                             const Lexicon* lexicon) {
  const ConverterSpec* converter = find_converter(name);
  if (converter == nullptr) return std::nullopt;
  return convert(*converter, args, lexicon);
}

}  // namespace reportex::internal
