#pragma once
/// @file output.hpp
/// @brief Writing records as JSON Lines, CSV or a readable table.

#include <reportex/record.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportex {

enum class Format { jsonl, csv, table };

/// "jsonl", "csv" or "table"; std::nullopt for anything else.
std::optional<Format> parse_format(std::string_view name) noexcept;

/// One record as the JSON object of SCHEMA.md, on one line. `encoding` is
/// written too when the input was not UTF-8 (its spans then refer to the
/// input converted to UTF-8).
std::string to_json_line(std::string_view doc, const Record& record, std::string_view encoding = "utf-8");

/// Writes the records of one document after another in one format (the CSV
/// header once, the table's header once).
class RecordWriter {
 public:
  /// `with_header` false leaves out the CSV/table header (for output pieces
  /// that are joined later, as the CLI does when it works in parallel).
  RecordWriter(std::ostream& out, Format format, bool with_header = true);
  void write(std::string_view doc, const std::vector<Record>& records, std::string_view encoding = "utf-8");

 private:
  std::ostream* out_;
  Format format_;
  bool header_written_ = false;
};

}  // namespace reportex
