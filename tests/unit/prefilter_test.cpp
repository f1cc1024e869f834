// The prefilter picks, for each sentence, the rules whose required literals
// it contains. It may pick too many (that only costs time) but never too
// few (that would lose records), so each case checks both sides.
#include "extract/prefilter.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using reportex::internal::Prefilter;

namespace {

// The rules (by index) that may match `sentence`.
std::set<std::size_t> picked(const Prefilter& filter, const std::string& sentence) {
  std::set<std::size_t> out(filter.always().begin(), filter.always().end());
  std::vector<int> atoms, potentials;
  filter.select(sentence, atoms, potentials, [&](std::size_t r) { out.insert(r); });
  return out;
}

}  // namespace

TEST_SUITE("prefilter") {
  TEST_CASE("an alternation of single characters still picks sentences") {
    // RE2 folds 人|名|个|… into a class, which FilteredRE2 reads as any
    // character; the prefilter keeps each character a literal of its own.
    const Prefilter filter({"\\p{Han}(?:人|名|个|家|位|次|场|篇|期|项|辆|处|份|条|亩|册|台)"});
    CHECK(filter.always().empty());
    CHECK(picked(filter, "受理十二人。") == std::set<std::size_t>{0});
    CHECK(picked(filter, "召开三次会议。") == std::set<std::size_t>{0});
    CHECK(picked(filter, "会议强调要提高认识。").empty());
    CHECK(picked(filter, "共有两辆车。") == std::set<std::size_t>{0});
  }

  TEST_CASE("a short class is read as its members, a range as its characters") {
    const Prefilter filter({"[零一二三四五六七八九十]+件", "[a-f]+号", "[、，]其他"});
    CHECK(picked(filter, "审结五件。") == std::set<std::size_t>{0});
    CHECK(picked(filter, "审结若干件。").empty());  // 件 without a numeral
    CHECK(picked(filter, "编号c号。") == std::set<std::size_t>{1});
    CHECK(picked(filter, "编号x号。").empty());
    CHECK(picked(filter, "甲，其他乙。") == std::set<std::size_t>{2});
    CHECK(picked(filter, "甲、其他乙。") == std::set<std::size_t>{2});
  }

  TEST_CASE("escaped members, negated classes and property classes keep their meaning") {
    const Prefilter filter({"[\\.\\-]号", "[^0-9]件", "[\\p{Han}]{2}庭", "[]x]端"});
    CHECK(picked(filter, "甲.号").count(0) == 1);
    CHECK(picked(filter, "甲-号").count(0) == 1);
    CHECK(picked(filter, "甲件").count(1) == 1);
    CHECK(picked(filter, "刑事庭").count(2) == 1);
    CHECK(picked(filter, "]端").count(3) == 1);
    CHECK(picked(filter, "x端").count(3) == 1);
  }

  TEST_CASE("a single character alone in a named group or beside a longer word is still required") {
    const Prefilter filter({"(?P<unit>元|万元)整", "(?:院|法院)长"});
    CHECK(picked(filter, "计5元整").count(0) == 1);
    CHECK(picked(filter, "计5万元整").count(0) == 1);
    CHECK(picked(filter, "计5角整").count(0) == 0);
    CHECK(picked(filter, "院长").count(1) == 1);
  }
}
