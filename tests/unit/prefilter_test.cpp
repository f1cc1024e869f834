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

  TEST_CASE("a long list of words picks a sentence by any one of its words, and no other") {
    // Forty words: the list is read as a tree of groups, which must require
    // the same words as the flat list.
    std::string words;
    std::vector<std::string> list;
    const char* firsts[] = {"刑", "民", "行", "执", "立"};
    const char* seconds[] = {"事庭", "事科", "政处", "行局", "案室", "审组", "监办", "调中"};
    for (const char* f : firsts)
      for (const char* g : seconds) list.push_back(std::string(f) + g);
    for (const auto& w : list) words += (words.empty() ? "" : "|") + w;
    const Prefilter filter({"(?:" + words + ")(?P<role>长|主任)"});
    CHECK(filter.always().empty());
    for (const auto& w : list) CHECK_MESSAGE(picked(filter, "该院" + w + "长出席。").count(0) == 1, w);
    CHECK(picked(filter, "该院办公室主任出席。").empty());
    CHECK(picked(filter, "刑事庭的同志出席。").empty());  // a word without 长 or 主任
  }

  TEST_CASE("groups, flags, escapes and classes holding | or ( survive the rewriting of long lists") {
    const Prefilter filter({"(?i)(?:a|b|c|d|e|f)[|(]\\(号\\)(?P<n>甲|乙|丙|丁|戊|己)", "(?:(?:甲乙|丙丁)|戊己|庚辛|壬癸|子丑)[(（]案"});
    CHECK(picked(filter, "E|(号)丙").count(0) == 1);
    CHECK(picked(filter, "e((号)己").count(0) == 1);
    CHECK(picked(filter, "x|(号)丙").count(0) == 0);
    CHECK(picked(filter, "庚辛（案").count(1) == 1);
    CHECK(picked(filter, "甲乙(案").count(1) == 1);
    CHECK(picked(filter, "甲丙(案").count(1) == 0);
  }

  TEST_CASE("a wide class or a script property stands for any character, and the words around it are still required") {
    const Prefilter filter({"[^，。]{2,8}人民法院", "\\p{Han}+庭长", "[\\x{4E00}-\\x{9FFF}]副院长", "[甲乙]号庭"});
    CHECK(picked(filter, "某某县人民法院").count(0) == 1);
    CHECK(picked(filter, "某某县检察院").count(0) == 0);
    CHECK(picked(filter, "刑事庭庭长").count(1) == 1);
    CHECK(picked(filter, "刑事庭法官").count(1) == 0);
    CHECK(picked(filter, "该院副院长").count(2) == 1);
    CHECK(picked(filter, "该院院长").count(2) == 0);
    CHECK(picked(filter, "乙号庭").count(3) == 1);  // a narrow class keeps its members
    CHECK(picked(filter, "丙号庭").count(3) == 0);
  }
}

