// Extracts the records of one sentence with the built-in pack and prints them.
#include <reportex/reportex.hpp>

#include <iostream>

int main() {
  reportex::Extractor extractor(reportex::RuleSet::builtin());
  auto doc = reportex::Document::from_bytes("note.txt", "2024年，该院审结各类案件 1280 件，同比上升3.5%。");
  for (const auto& record : extractor.extract(doc)) std::cout << reportex::to_json_line(doc.name(), record) << '\n';
}
