// text::occurrences: every occurrence of many literals, as find() gives them.
#include "text/occurrences.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using reportex::internal::text::occurrences;

namespace {

// The reference: one find() loop per literal, overlaps included.
std::vector<std::vector<std::size_t>> by_find(const std::string& text, const std::vector<std::string>& literals) {
  std::vector<std::vector<std::size_t>> out(literals.size());
  for (std::size_t i = 0; i < literals.size(); ++i)
    if (!literals[i].empty())
      for (auto at = text.find(literals[i]); at != std::string::npos; at = text.find(literals[i], at + 1))
        out[i].push_back(at);
  return out;
}

// Random text over a few characters, so that the literals recur and overlap.
std::string random_text(std::size_t chars, unsigned seed) {
  const std::vector<std::string> alphabet = {"王", "军", "强", "李", "雁", "会", "议", "，", "a"};
  std::mt19937 rng(seed);
  std::string text;
  for (std::size_t i = 0; i < chars; ++i) text += alphabet[rng() % alphabet.size()];
  return text;
}

}  // namespace

TEST_SUITE("occurrences") {
  TEST_CASE("names inside longer names and repeated names are all found") {
    const std::string text = "王军强说，王军和李雁李雁出席。";
    const auto found = occurrences(text, {"王军", "王军强", "李雁", "军强"});
    CHECK(found[0] == std::vector<std::size_t>{0, 15});
    CHECK(found[1] == std::vector<std::size_t>{0});
    CHECK(found[2] == std::vector<std::size_t>{24, 30});
    CHECK(found[3] == std::vector<std::size_t>{3});
  }

  TEST_CASE("duplicate literals each get the occurrences, an empty literal gets none") {
    const auto found = occurrences("会议会议", {"会议", "", "会议"});
    CHECK(found[0] == std::vector<std::size_t>{0, 6});
    CHECK(found[1].empty());
    CHECK(found[2] == found[0]);
  }

  TEST_CASE("overlapping occurrences of one literal are all reported") {
    const auto found = occurrences("aaaa", {"aa"});
    CHECK(found[0] == std::vector<std::size_t>{0, 1, 2});
  }

  TEST_CASE("a literal starting inside a character is found where find() finds it") {
    // Names start characters, so scans skip continuation bytes, unless a
    // literal (bytes cut from UTF-8 text) starts with one.
    const std::string text = random_text(3000, 7);
    const std::vector<std::string> literals = {"王军", std::string("王军").substr(1, 4), std::string("李雁").substr(2)};
    CHECK(occurrences(text, literals) == by_find(text, literals));
    CHECK_FALSE(occurrences(text, literals)[1].empty());
  }

  TEST_CASE("texts short and long agree with find(), for literals of one to nine bytes") {
    const std::vector<std::string> literals = {"王军", "王军强", "军强", "李雁", "雁李", "会议", "议，", "a", "aa", "强李雁"};
    for (std::size_t chars : {50u, 2000u, 200000u}) {
      const std::string text = random_text(chars, static_cast<unsigned>(chars));
      CAPTURE(chars);
      CHECK(occurrences(text, literals) == by_find(text, literals));
    }
  }

  TEST_CASE("a literal set tells whether a text holds any of its literals") {
    const std::vector<std::string> verbs = {"出席", "作交流发言", "ab"};
    const reportex::internal::text::LiteralSet set(verbs);
    CHECK(set.any_in("副院长王军出席会议"));
    CHECK(set.any_in("王军、李雁作交流发言"));
    CHECK(set.any_in("xxabxx"));  // shorter than a key
    CHECK_FALSE(set.any_in("会议指出，要坚持问题导向"));
    CHECK_FALSE(set.any_in(""));
  }

  TEST_CASE("a scan that starts inside a character finds what find() finds after it") {
    const std::string text = random_text(500, 11);
    const std::vector<std::string> literals = {"王军", "强李雁", "会议"};
    for (std::size_t cut : {1u, 2u, 4u})
      CHECK(occurrences(text.substr(cut), literals) == by_find(text.substr(cut), literals));
  }

  TEST_CASE("a literal set tells where the first of its literals starts") {
    const std::vector<std::string> words = {"出席", "作交流发言", "ab"};
    const reportex::internal::text::LiteralSet set(words);
    CHECK(set.first_in("王军作交流发言，李雁出席") == std::string("王军").size());
    CHECK(set.first_in("王军出席，李雁作交流发言") == std::string("王军").size());
    CHECK(set.first_in("xab出席") == 1);          // shorter than a key, and first
    CHECK(set.first_in("出席xab") == 0);          // a key's literal before the short one
    CHECK(set.first_in("会议指出") == std::string::npos);
  }
}
