// Extractor::extract over several documents at once: the same records as one
// document at a time, whatever the batch and whichever rule a call starts at.
#include "support.hpp"

#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <span>
#include <string>
#include <vector>

using reportex_test::json_lines;
using reportex_test::sample_documents;

TEST_SUITE("batches") {
  TEST_CASE("a batch gives each document the records extract(document) gives, in the batch's order") {
    auto documents = sample_documents();
    REQUIRE(documents.size() >= 4);
    // Documents without records sit among the others and keep their place.
    documents.insert(documents.begin() + 1, reportex::Document::from_bytes("empty.txt", ""));
    documents.push_back(reportex::Document::from_bytes("noise.txt", std::string("\xff\xfe\x00 ###\n\n\n", 9)));
    const reportex::Extractor extractor(reportex::RuleSet::builtin());

    const auto batch = extractor.extract(std::span<const reportex::Document>(documents));
    REQUIRE(batch.size() == documents.size());
    std::size_t records = 0;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      INFO(documents[i].name());
      CHECK(json_lines(documents[i], batch[i]) == json_lines(extractor, documents[i]));
      records += batch[i].size();
    }
    CHECK(batch[1].empty());
    CHECK(records > 50);
  }

  TEST_CASE("a document's records do not depend on the documents batched with it") {
    const auto documents = sample_documents();
    const reportex::Extractor extractor(reportex::RuleSet::builtin());
    const auto all = extractor.extract(std::span<const reportex::Document>(documents));
    const auto last_two = extractor.extract(std::span<const reportex::Document>(documents).last(2));
    REQUIRE(last_two.size() == 2);
    CHECK_FALSE(last_two[1].empty());
    CHECK(json_lines(documents.back(), last_two[1]) == json_lines(documents.back(), all.back()));
    CHECK(json_lines(documents[documents.size() - 2], last_two[0]) ==
          json_lines(documents[documents.size() - 2], all[all.size() - 2]));
  }

  TEST_CASE("an empty batch gives no lists") {
    const reportex::Extractor extractor(reportex::RuleSet::builtin());
    CHECK(extractor.extract(std::span<const reportex::Document>()).empty());
  }

  TEST_CASE("successive calls, which start at different rules, list the same candidates in pack order") {
    // Calls start matching at different rules (threads then build different
    // DFAs); the candidates still come out rule by rule in pack order.
    const auto documents = sample_documents();
    const reportex::Extractor extractor(reportex::RuleSet::builtin());
    const reportex::Document& document = documents.front();
    auto rules_in_order = [&] {
      std::vector<std::string> out;
      for (const auto& c : extractor.explain(document).candidates) out.push_back(c.rule + "@" + std::to_string(c.span.begin));
      return out;
    };
    const auto first = rules_in_order();
    REQUIRE(first.size() > 20);
    const std::size_t calls = extractor.rules().rules().size();  // every starting rule at least once
    for (std::size_t i = 0; i < calls; ++i) {
      INFO("call " << i);
      REQUIRE(rules_in_order() == first);
    }
  }
}
