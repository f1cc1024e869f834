// Lexicon lookups: the longest entry a text starts or ends with, and the
// canonical form of an entry, as a scan of every entry would give them.
#include "rules/pack.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using reportex::internal::first_entry_in;
using reportex::internal::Lexicon;
using reportex::internal::longest_head;
using reportex::internal::longest_tail;
using reportex::internal::lookup;

namespace {

Lexicon lexicon_of(const std::vector<std::string>& words) {
  Lexicon lexicon;
  for (const auto& w : words) lexicon.add(w, "canonical:" + w);
  return lexicon;
}

// The references: a comparison with every entry.
std::string_view head_by_scan(const Lexicon& lexicon, std::string_view text) {
  std::size_t best = 0;
  for (const auto& e : lexicon.entries)
    if (e.size() > best && text.substr(0, e.size()) == e) best = e.size();
  return text.substr(0, best);
}

std::string_view tail_by_scan(const Lexicon& lexicon, std::string_view text) {
  std::size_t best = 0;
  for (const auto& e : lexicon.entries)
    if (e.size() > best && e.size() <= text.size() && text.substr(text.size() - e.size()) == e) best = e.size();
  return text.substr(text.size() - best);
}

}  // namespace

TEST_SUITE("lexicon") {
  TEST_CASE("the longest entry a text starts or ends with, whatever the order of the word list") {
    const Lexicon units = lexicon_of({"人", "人次", "件", "件次", "万元", "元", "个百分点"});
    CHECK(longest_head(&units, "人次以上") == "人次");
    CHECK(longest_head(&units, "人员") == "人");
    CHECK(longest_head(&units, "员工") == "");
    CHECK(longest_tail(&units, "参训干警260人次") == "人次");
    CHECK(longest_tail(&units, "执行到位3033.28万元") == "万元");
    CHECK(longest_tail(&units, "上升2.1个百分点") == "个百分点");
    CHECK(longest_tail(&units, "百分") == "");
    CHECK(longest_tail(nullptr, "人次") == "");
  }

  TEST_CASE("texts that start or end with no entry's first or last bytes have no entry there") {
    const Lexicon titles = lexicon_of({"院长", "副院长", "庭长"});
    CHECK(longest_head(&titles, "院长王军") == "院长");
    CHECK(longest_head(&titles, "王军院长") == "");
    CHECK(longest_tail(&titles, "王军院长") == "院长");
    CHECK(longest_tail(&titles, "院长王军") == "");
    CHECK(longest_head(&titles, "") == "");
    CHECK(longest_tail(&titles, "长") == "");
  }

  TEST_CASE("the first entry inside a text is the one that starts first, whatever the order of the word list") {
    const Lexicon verbs = lexicon_of({"出席", "列席", "到会"});
    const std::string text = "副主任某某到会指导，某某列席会议";
    CHECK(first_entry_in(&verbs, text) == text.find("到会"));
    CHECK(first_entry_in(&verbs, "会议指出") == std::string::npos);
    CHECK(first_entry_in(nullptr, text) == std::string::npos);
  }

  TEST_CASE("a repeated entry keeps its first canonical form and is listed once") {
    Lexicon courts;
    courts.add("中院", "中级人民法院");
    courts.add("中院", "另一个");
    CHECK(courts.entries.size() == 1);
    CHECK(lookup(&courts, "中院") == "中级人民法院");
    CHECK(lookup(&courts, "高院") == "");
  }

  TEST_CASE("lookups agree with a scan of every entry on random words and texts") {
    const std::vector<std::string> alphabet = {"王", "军", "法", "院", "a", "·"};
    std::mt19937 rng(7);
    auto random_word = [&](std::size_t max_chars) {
      std::string w;
      for (std::size_t n = 1 + rng() % max_chars; n > 0; --n) w += alphabet[rng() % alphabet.size()];
      return w;
    };
    for (int round = 0; round < 100; ++round) {
      // Half the rounds without one-byte words, where the first and last bytes filter.
      std::vector<std::string> words;
      for (int k = 0; k < 12; ++k) {
        std::string w = random_word(4);
        if (round % 2 == 0 && w.size() == 1) w += "院";
        words.push_back(w);
      }
      const Lexicon lexicon = lexicon_of(words);
      for (int t = 0; t < 40; ++t) {
        const std::string text = random_word(7);
        CHECK(longest_head(&lexicon, text) == head_by_scan(lexicon, text));
        CHECK(longest_tail(&lexicon, text) == tail_by_scan(lexicon, text));
      }
    }
  }
}
