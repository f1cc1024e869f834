#pragma once
// Helpers shared by the extraction tests.

#include <reportex/reportex.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace reportex_test {

/// The records of `type` that the built-in pack extracts from `text`, in order.
inline std::vector<reportex::Record> records_of(std::string_view type, const std::string& text) {
  static const reportex::Extractor extractor(reportex::RuleSet::builtin());
  std::vector<reportex::Record> out;
  for (auto& r : extractor.extract(reportex::Document::from_bytes("test.txt", text)))
    if (r.type == type) out.push_back(std::move(r));
  return out;
}

}  // namespace reportex_test
