// libFuzzer target: arbitrary bytes as a rule pack. The input is split at
// lines "@@" into parts: every part but the last is a TOML file
// (pack0.toml, pack1.toml, ...), the last is the word list "words.txt"
// (make_corpus.sh points the seed packs' lexicons at it). Loading must give
// a RuleSet or error diagnostics that name a file, never a crash; a pack
// that loads is run over a short report.
#include <reportex/reportex.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view kSeparator = "\n@@\n";
// More parts would add nothing that two or three files do not already cover.
constexpr std::size_t kMaxTomlFiles = 4;

// A sentence with a date, counts, money and a person, so that the rules of a
// loaded pack have something to match.
constexpr std::string_view kReport =
    "2024年1月至6月，市中级人民法院共受理各类案件3,551件，同比上升12.5%，执结标的额3033.28万元。"
    "院长王建国出席会议并讲话。\n";

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

std::vector<reportex::SourceFile> split_pack(std::string_view input) {
  std::vector<reportex::SourceFile> files;
  for (;;) {
    const std::size_t separator = input.find(kSeparator);
    if (separator == std::string_view::npos || files.size() == kMaxTomlFiles) break;
    files.push_back({"pack" + std::to_string(files.size()) + ".toml", std::string(input.substr(0, separator))});
    input.remove_prefix(separator + kSeparator.size());
  }
  if (files.empty()) {
    files.push_back({"pack0.toml", std::string(input)});
  } else {
    files.push_back({"words.txt", std::string(input)});
  }
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto loaded = reportex::RuleSet::from_sources(split_pack(input));
  if (!loaded) {
    bool named_error = false;
    for (const auto& diagnostic : loaded.diagnostics())
      if (diagnostic.severity == reportex::Severity::error && !diagnostic.file.empty()) named_error = true;
    if (!named_error) fail("a failed load without an error diagnostic naming a file");
    return 0;
  }
  for (const auto& diagnostic : loaded.diagnostics())
    if (diagnostic.severity == reportex::Severity::error) fail("a successful load with an error diagnostic");
  if (*loaded == nullptr) fail("a successful load without a RuleSet");

  const reportex::Extractor extractor(*loaded);
  const auto document = reportex::Document::from_bytes("fuzz.txt", std::string(kReport));
  for (const auto& record : extractor.extract(document))
    if (record.span.begin >= record.span.end || record.span.end > document.original().size())
      fail("record span outside the report");
  return 0;
}
