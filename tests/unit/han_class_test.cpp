// \p{Han} and \P{Han} in a rule pattern are written as the ranges of the
// ideographs of normalized text: the same matches on such text, with
// smaller programs.
#include "rules/han_class.hpp"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <string>

using reportex::internal::with_ideograph_ranges;

namespace {

bool full_match(const std::string& pattern, const std::string& text) {
  const RE2 re(with_ideograph_ranges(pattern));
  REQUIRE(re.ok());
  return RE2::FullMatch(text, re);
}

}  // namespace

TEST_CASE("\\p{Han} outside and inside a class matches ideographs, 〇 among them, and nothing else") {
  CHECK(full_match(R"(\p{Han}+)", "二〇二五年赤峰"));
  CHECK(full_match(R"(\p{Han}+)", "𠮷野"));  // extension B
  CHECK_FALSE(full_match(R"(\p{Han}+)", "院，"));
  CHECK_FALSE(full_match(R"(\p{Han})", "a"));
  CHECK(full_match(R"([\p{Han}、]+)", "李雁、王军"));
  CHECK_FALSE(full_match(R"([\p{Han}、]+)", "李雁,王军"));
}

TEST_CASE("\\P{Han} in a negated class leaves ideographs other than the members listed") {
  CHECK(full_match(R"([^\P{Han}的和]{2})", "法院"));
  CHECK_FALSE(full_match(R"([^\P{Han}的和]{2})", "法的"));
  CHECK_FALSE(full_match(R"([^\P{Han}的和]{2})", "法1"));
  CHECK(full_match(R"(\P{Han}+)", "2025, ok"));
  CHECK_FALSE(full_match(R"(\P{Han}+)", "2025年"));
}

TEST_CASE("the rest of a pattern is copied as it is, escapes and classes included") {
  CHECK(with_ideograph_ranges(R"(\\p{Han}[\]p]\x{4E00}(?P<n>[0-9]+)[[:alpha:]])") ==
        R"(\\p{Han}[\]p]\x{4E00}(?P<n>[0-9]+)[[:alpha:]])");
  CHECK(with_ideograph_ranges("[]\\p{Han}]") == "[]" + with_ideograph_ranges(R"([\p{Han}])").substr(1));
  CHECK(with_ideograph_ranges(R"(\p{Latin})") == R"(\p{Latin})");
  CHECK(with_ideograph_ranges(R"(\Q\p{Han}\E\p{Han})") == R"(\Q\p{Han}\E)" + with_ideograph_ranges(R"(\p{Han})"));
}
