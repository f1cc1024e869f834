// The API in a few lines: load the default pack once, extract from a report,
// read typed views of the records.
#include <reportex/reportex.hpp>

#include <iostream>

int main() {
  reportex::Extractor extractor(reportex::RuleSet::builtin());  // compile once, share freely
  auto doc = reportex::Document::from_bytes(
      "brief.txt", "**乌海讯** 2025年以来，乌海市中级人民法院受理案件 4210 件，执行到位金额1.26亿元。");
  for (const auto& record : extractor.extract(doc)) {
    if (auto count = reportex::CaseCount::from(record))
      std::cout << count->subject << ": " << count->count << count->unit << '\n';
    else if (auto money = reportex::Money::from(record))
      std::cout << money->subject << ": " << money->amount_yuan << " yuan\n";
    else
      std::cout << record.type << ": " << record.text << '\n';
  }
}
