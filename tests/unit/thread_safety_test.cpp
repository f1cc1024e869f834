// One Extractor shared by many threads gives exactly the records one thread
// gets. The TSan build (.ci/sanitizers.sh) runs this suite to find data races.
#include "support.hpp"

#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace {

using reportex_test::json_lines;
using reportex_test::sample_documents;

constexpr int kThreads = 8;

// Runs `work(thread_index)` on kThreads threads at once and waits for them all.
template <typename Work>
void on_threads(Work work) {
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) threads.emplace_back(work, i);
  for (auto& thread : threads) thread.join();
}

}  // namespace

TEST_SUITE("threads") {
  TEST_CASE("eight threads extracting the same document get the records of one thread") {
    const auto documents = sample_documents();
    REQUIRE(documents.size() >= 6);
    const reportex::Extractor extractor(reportex::RuleSet::builtin());
    const reportex::Document& document = documents.front();
    const auto expected = json_lines(extractor, document);
    REQUIRE(expected.size() > 5);

    std::vector<std::vector<std::string>> results(kThreads);
    on_threads([&](int i) {
      for (int round = 0; round < 3; ++round) results[i] = json_lines(extractor, document);
    });
    for (int i = 0; i < kThreads; ++i) {
      INFO("thread " << i);
      CHECK(results[i] == expected);
    }
  }

  TEST_CASE("eight threads extracting different documents get the records of one thread") {
    const auto documents = sample_documents();
    const reportex::Extractor extractor(reportex::RuleSet::builtin());
    std::vector<std::vector<std::string>> expected;
    for (const auto& document : documents) expected.push_back(json_lines(extractor, document));

    // Each thread walks all documents from its own starting point, so at any
    // moment the threads work on different documents.
    std::vector<std::vector<std::vector<std::string>>> results(kThreads,
                                                               std::vector<std::vector<std::string>>(documents.size()));
    on_threads([&](int i) {
      for (std::size_t k = 0; k < documents.size(); ++k) {
        const std::size_t d = (static_cast<std::size_t>(i) + k) % documents.size();
        results[i][d] = json_lines(extractor, documents[d]);
      }
    });
    for (int i = 0; i < kThreads; ++i)
      for (std::size_t d = 0; d < documents.size(); ++d) {
        INFO("thread " << i << ", " << documents[d].name());
        CHECK(results[i][d] == expected[d]);
      }
  }

  TEST_CASE("eight threads extracting batches get the records of one document at a time") {
    const auto documents = sample_documents();
    const reportex::Extractor extractor(reportex::RuleSet::builtin());
    std::vector<std::vector<std::string>> expected;
    for (const auto& document : documents) expected.push_back(json_lines(extractor, document));

    // Thread i extracts the documents from i on as one batch: the batches
    // differ, and calls at the same moment start at different rules.
    std::vector<std::vector<std::vector<std::string>>> results(kThreads);
    on_threads([&](int i) {
      const std::size_t first = static_cast<std::size_t>(i) % documents.size();
      const auto batch = std::span(documents).subspan(first);
      const auto records = extractor.extract(batch);
      for (std::size_t k = 0; k < batch.size(); ++k) results[i].push_back(json_lines(batch[k], records[k]));
    });
    for (int i = 0; i < kThreads; ++i) {
      const std::size_t first = static_cast<std::size_t>(i) % documents.size();
      REQUIRE(results[i].size() == documents.size() - first);
      for (std::size_t k = 0; k < results[i].size(); ++k) {
        INFO("thread " << i << ", " << documents[first + k].name());
        CHECK(results[i][k] == expected[first + k]);
      }
    }
  }

  TEST_CASE("threads that each build an Extractor over the shared built-in pack agree") {
    const auto documents = sample_documents();
    const auto expected = json_lines(reportex::Extractor(reportex::RuleSet::builtin()), documents.back());
    REQUIRE_FALSE(expected.empty());
    std::vector<std::vector<std::string>> results(kThreads);
    on_threads([&](int i) { results[i] = json_lines(reportex::Extractor(reportex::RuleSet::builtin()), documents.back()); });
    for (int i = 0; i < kThreads; ++i) CHECK(results[i] == expected);
  }
}
