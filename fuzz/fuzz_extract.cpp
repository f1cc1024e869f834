// libFuzzer target: arbitrary bytes as a report, read and extracted with the
// built-in pack. Crashes are found by the sanitizers; the output invariants
// below are checked by hand and abort() when broken.
#include <reportex/reportex.hpp>

#include "text/utf8.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, const reportex::Record& record) {
  std::fprintf(stderr, "invariant broken: %s (type %s, rule %s, span %zu..%zu)\n", what, record.type.c_str(),
               record.rule.c_str(), record.span.begin, record.span.end);
  std::abort();
}

// The positions where a UTF-8 decoder starts a character (an ill-formed
// sequence counts as one character per maximal subpart, as the normalizer reads it).
std::vector<bool> character_starts(const std::string& text) {
  std::vector<bool> starts(text.size() + 1, false);
  for (std::size_t pos = 0; pos < text.size(); pos += reportex::internal::text::decode_utf8(text, pos).length)
    starts[pos] = true;
  starts[text.size()] = true;
  return starts;
}

void check_span(const reportex::Span& span, const std::vector<bool>& starts, const reportex::Record& record) {
  if (span.begin >= span.end) fail("empty or reversed span", record);
  if (span.end >= starts.size()) fail("span beyond original()", record);
  if (!starts[span.begin] || !starts[span.end]) fail("span not on a character boundary", record);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto rules = reportex::RuleSet::builtin();
  static const reportex::Extractor extractor(rules);

  const auto document =
      reportex::Document::from_bytes("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  const std::vector<reportex::Record> records = extractor.extract(document);
  const std::vector<bool> starts = character_starts(document.original());

  std::size_t previous_begin = 0;
  for (const auto& record : records) {
    check_span(record.span, starts, record);
    for (const auto& mention : record.mentions) check_span(mention, starts, record);
    if (!record.mentions.empty() && !(record.mentions.front() == record.span))
      fail("first mention differs from span", record);
    if (record.span.begin < previous_begin) fail("records not sorted by span.begin", record);
    previous_begin = record.span.begin;

    const reportex::TypeInfo* type = rules->type(record.type);
    if (type == nullptr) fail("record of an undeclared type", record);
    if (type->internal) fail("record of an internal type", record);
    for (const auto& [name, value] : record.fields) {
      const reportex::FieldType* field = type->field(name);
      if (field == nullptr) fail("undeclared field", record);
      if (!reportex::fits(value, *field)) fail("field value does not fit its declared type", record);
    }
  }
  return 0;
}
