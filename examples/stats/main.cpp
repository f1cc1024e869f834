// reportex-stats: runs the built-in rules over every *.txt report of a folder and writes
// the statistics table (org × period × type × subject × unit, with totals and sources).
//
//   reportex-stats DIR [--csv FILE] [--markdown FILE]
//
// Without --csv or --markdown the Markdown table goes to standard output.
// Exit status: 0 on success, 1 when a report or an output file could not be read or
// written, 2 for a usage error.

#include "stats_table.hpp"

#include <reportex/reportex.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage = "usage: reportex-stats DIR [--csv FILE] [--markdown FILE]\n";

bool write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) std::cerr << "reportex-stats: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, csv_path, markdown_path;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--csv" || arg == "--markdown") && i + 1 < argc) {
      (arg == "--csv" ? csv_path : markdown_path) = argv[++i];
    } else if (!arg.empty() && arg[0] != '-' && dir.empty()) {
      dir = arg;
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  std::error_code error;
  if (dir.empty() || !std::filesystem::is_directory(dir, error)) {
    std::cerr << kUsage;
    return 2;
  }

  std::vector<std::filesystem::path> reports;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") reports.push_back(entry.path());
  std::sort(reports.begin(), reports.end());

  reportex::Extractor extractor(reportex::RuleSet::builtin());
  reportex_stats::Table table;
  int status = 0;
  for (const auto& path : reports) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      std::cerr << "reportex-stats: cannot read " << path << "\n";
      status = 1;
      continue;
    }
    const std::string name = path.filename().string();
    auto document = reportex::Document::from_bytes(name, std::move(bytes));
    for (const auto& record : extractor.extract(document)) table.add(name, record);
  }

  const auto rows = table.rows();
  if (!csv_path.empty() && !write_file(csv_path, reportex_stats::to_csv(rows))) status = 1;
  if (!markdown_path.empty() && !write_file(markdown_path, reportex_stats::to_markdown(rows))) status = 1;
  if (csv_path.empty() && markdown_path.empty()) std::cout << reportex_stats::to_markdown(rows);
  return status;
}
