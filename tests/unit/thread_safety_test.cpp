// One Extractor shared by many threads gives exactly the records one thread
// gets. The TSan build (.ci/sanitizers.sh) runs this suite to find data races.
#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr int kThreads = 8;

std::vector<reportex::Document> sample_documents() {
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

// Every record as its full JSON line: any difference in any field shows.
std::vector<std::string> json_lines(const reportex::Extractor& extractor, const reportex::Document& document) {
  std::vector<std::string> lines;
  for (const auto& record : extractor.extract(document))
    lines.push_back(reportex::to_json_line(document.name(), record, document.encoding()));
  return lines;
}

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

  TEST_CASE("threads that each build an Extractor over the shared built-in pack agree") {
    const auto documents = sample_documents();
    const auto expected = json_lines(reportex::Extractor(reportex::RuleSet::builtin()), documents.back());
    REQUIRE_FALSE(expected.empty());
    std::vector<std::vector<std::string>> results(kThreads);
    on_threads([&](int i) { results[i] = json_lines(reportex::Extractor(reportex::RuleSet::builtin()), documents.back()); });
    for (int i = 0; i < kThreads; ++i) CHECK(results[i] == expected);
  }
}
