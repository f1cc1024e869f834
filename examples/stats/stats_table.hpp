#pragma once
// The statistics table of reportex-stats: the counted records of many reports summed by
// org × period × record type × subject × unit, with the reports each total comes from.
// Header-only so that the program and its test share it.

#include <reportex/reportex.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace reportex_stats {

/// Shown for an org or period the text does not state.
inline constexpr const char* kNone = "(none)";

struct Row {
  std::string org, period, type, subject, unit;
  double total = 0;
  int records = 0;
  std::set<std::string> documents;
};

class Table {
 public:
  /// Adds a record of `document` if it is a case_count, money or quantity.
  void add(const std::string& document, const reportex::Record& record) {
    std::string subject, unit;
    double value = 0;
    std::optional<std::string> org, period;
    if (auto c = reportex::CaseCount::from(record)) {
      subject = c->subject, unit = c->unit, value = c->count, org = c->org, period = c->period;
    } else if (auto m = reportex::Money::from(record)) {
      subject = m->subject, unit = "元", value = m->amount_yuan, org = m->org, period = m->period;
    } else if (auto q = reportex::Quantity::from(record)) {
      subject = q->subject, unit = q->unit, value = q->value, org = q->org, period = q->period;
    } else {
      return;
    }
    Key key{org.value_or(kNone), period.value_or(kNone), record.type, subject, unit};
    Row& row = rows_[key];
    row.total += value;
    row.records += 1;
    row.documents.insert(document);
  }

  /// The rows, ordered by org, period, type, subject and unit.
  std::vector<Row> rows() const {
    std::vector<Row> out;
    for (const auto& [key, row] : rows_) {
      Row r = row;
      std::tie(r.org, r.period, r.type, r.subject, r.unit) = key;
      out.push_back(std::move(r));
    }
    return out;
  }

 private:
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  std::map<Key, Row> rows_;
};

/// A total as an integer when it is whole, otherwise with two decimals; `grouped` puts
/// thousands separators in ("1,236,000,000").
inline std::string format_total(double total, bool grouped) {
  const double rounded = std::round(total * 100) / 100;
  const bool whole = rounded == std::floor(rounded);
  char buffer[64];
  if (whole) std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(rounded));
  else std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
  std::string_view digits = buffer;
  if (!grouped) return std::string(digits);
  // Thousands separators in the integer part, from the left.
  std::size_t sign = digits[0] == '-' ? 1 : 0;
  std::size_t integer_end = std::min(digits.find('.'), digits.size());
  std::string out(digits.substr(0, sign));
  for (std::size_t i = sign; i < integer_end; ++i) {
    if (i > sign && (integer_end - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  out.append(digits.substr(integer_end));
  return out;
}

inline std::string join_documents(const std::set<std::string>& documents, const char* separator) {
  std::string out;
  for (const auto& d : documents) out += (out.empty() ? "" : separator) + d;
  return out;
}

/// RFC 4180 field: quoted when it holds a comma, a quote or a line break.
inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

inline std::string to_csv(const std::vector<Row>& rows) {
  std::string out = "org,period,type,subject,unit,total,records,documents\n";
  for (const auto& r : rows)
    out += csv_field(r.org) + "," + csv_field(r.period) + "," + r.type + "," + csv_field(r.subject) + "," +
           csv_field(r.unit) + "," + format_total(r.total, false) + "," + std::to_string(r.records) + "," +
           csv_field(join_documents(r.documents, ";")) + "\n";
  return out;
}

inline std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

inline std::string to_markdown(const std::vector<Row>& rows) {
  std::string out = "| org | period | type | subject | unit | total | n | docs |\n|---|---|---|---|---|---:|---:|---|\n";
  for (const auto& r : rows)
    out += "| " + markdown_cell(r.org) + " | " + markdown_cell(r.period) + " | " + r.type + " | " +
           markdown_cell(r.subject) + " | " + markdown_cell(r.unit) + " | " + format_total(r.total, true) + " | " +
           std::to_string(r.records) + " | " + markdown_cell(join_documents(r.documents, ", ")) + " |\n";
  return out;
}

}  // namespace reportex_stats
