#pragma once
/// @file record.hpp
/// @brief Records: what extraction returns, and typed views of the built-in types.

#include <reportex/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportex {

/// A half-open range of UTF-8 byte offsets [begin, end).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin >= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// Named field values of a record, kept sorted by name.
class Fields {
 public:
  using Entry = std::pair<std::string, Value>;

  /// The value of `name`, or nullptr when the field is absent.
  const Value* find(std::string_view name) const noexcept;
  /// Sets (or replaces) a field.
  void set(std::string_view name, Value value);
  /// Removes a field; false when it was absent.
  bool erase(std::string_view name);

  /// Convenience accessors; std::nullopt when absent, null or of another type.
  std::optional<std::string> text(std::string_view name) const;
  std::optional<double> number(std::string_view name) const;
  std::vector<std::string> list(std::string_view name) const;

  auto begin() const noexcept { return entries_.begin(); }
  auto end() const noexcept { return entries_.end(); }
  std::size_t size() const noexcept { return entries_.size(); }
  bool empty() const noexcept { return entries_.empty(); }

 private:
  std::vector<Entry> entries_;
};

/// One extracted fact.
///
/// `span` is a byte range of the ORIGINAL input, so `raw.substr(span.begin,
/// span.size())` is the source text with its line breaks and stray spaces.
/// `text` is the normalized text of that span. A record merged from several
/// mentions (a person named three times) keeps all their spans in `mentions`,
/// the first of which equals `span`.
struct Record {
  std::string type;
  Span span;
  std::string text;
  std::string rule;
  int article = 0;  ///< index of the article inside the document
  std::vector<Span> mentions;
  Fields fields;
};

// Typed views of the built-in record types (rules/zh-court/types.toml).
// Each `from` returns std::nullopt when the record is of another type.

struct CaseCount {
  std::string subject;
  double count = 0;
  std::string unit;
  std::optional<std::string> org, period, approx;
  static std::optional<CaseCount> from(const Record& record);
};

struct Money {
  std::string subject;
  double amount_yuan = 0;
  std::optional<std::string> org, period, approx;
  static std::optional<Money> from(const Record& record);
};

struct Quantity {
  std::string subject;
  double value = 0;
  std::string unit;
  std::optional<std::string> org, period, approx;
  static std::optional<Quantity> from(const Record& record);
};

struct Percent {
  std::string subject;
  double value = 0;
  std::optional<std::string> direction;
  static std::optional<Percent> from(const Record& record);
};

struct DateMention {
  std::string value;        ///< "2025-06-27", "2025-03", "2025", "2025-H1", "2025-Q1"
  std::string granularity;  ///< day, month, year, half, quarter
  std::string kind;         ///< point, since, until, range
  std::optional<std::string> start, end, year_source;
  static std::optional<DateMention> from(const Record& record);
};

struct Person {
  std::string name;
  std::vector<std::string> titles;
  std::optional<std::string> org, role;
  static std::optional<Person> from(const Record& record);
};

struct Organization {
  std::string name;  ///< canonical full name
  std::vector<std::string> aliases;
  std::optional<std::string> kind;  ///< court, procuratorate, party, government, other
  static std::optional<Organization> from(const Record& record);
};

struct Meeting {
  std::string name;
  std::optional<std::string> date, organizer, kind, location;
  std::vector<std::string> presiders, attendees, speakers;
  static std::optional<Meeting> from(const Record& record);
};

}  // namespace reportex
