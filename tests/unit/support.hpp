#pragma once
// Helpers shared by the extraction tests.

#include <reportex/reportex.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
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

/// The sample reports of examples/reports/, in file name order.
inline std::vector<reportex::Document> sample_documents() {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(fs::path(REPORTEX_SOURCE_DIR) / "examples" / "reports"))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<reportex::Document> documents;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    documents.push_back(reportex::Document::from_bytes(path.filename().string(), bytes.str()));
  }
  return documents;
}

/// Every record as its full JSON line: any difference in any field shows.
inline std::vector<std::string> json_lines(const reportex::Document& document,
                                           const std::vector<reportex::Record>& records) {
  std::vector<std::string> lines;
  for (const auto& record : records) lines.push_back(reportex::to_json_line(document.name(), record, document.encoding()));
  return lines;
}

inline std::vector<std::string> json_lines(const reportex::Extractor& extractor, const reportex::Document& document) {
  return json_lines(document, extractor.extract(document));
}

}  // namespace reportex_test
