// Pages with several articles: each record knows its article.
#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

namespace {

// The article index of the first record of `type` whose text contains `needle`.
int article_of(const std::vector<reportex::Record>& records, const std::string& type, const std::string& needle) {
  for (const auto& r : records)
    if (r.type == type && r.text.find(needle) != std::string::npos) return r.article;
  return -1;
}

}  // namespace

TEST_SUITE("articles") {
  TEST_CASE("datelines start articles, even one-paragraph items in a row") {
    const std::string page =
        "**通辽讯** 7月3日，通辽市中级人民法院召开审判质效分析会，该院党组书记、院长阎立新主持会议。\n\n"
        "**乌海讯** 7月4日，乌海市中级人民法院召开执行工作推进会，该院党组书记、院长佘志刚主持会议。\n";
    reportex::Extractor extractor(reportex::RuleSet::builtin());
    auto records = extractor.extract(reportex::Document::from_bytes("page.txt", page));
    int first = article_of(records, "person", "阎立新");
    int second = article_of(records, "person", "佘志刚");
    REQUIRE(first >= 0);
    REQUIRE(second >= 0);
    CHECK(first != second);
  }

  TEST_CASE("an end credit closes a news item and a headline belongs to the next one") {
    const std::string page =
        "兴安盟中级人民法院开展集中执行行动\n\n"
        "7月8日，兴安盟中级人民法院开展集中执行行动，执结案件46件。(冀文华)\n\n"
        "阿拉善盟法院推进诉源治理\n\n"
        "7月9日，阿拉善盟中级人民法院召开诉源治理推进会，部署下半年工作。\n";
    reportex::Extractor extractor(reportex::RuleSet::builtin());
    auto explanation = extractor.explain(reportex::Document::from_bytes("page.txt", page));
    int first = article_of(explanation.records, "case_count", "46件");
    int second = article_of(explanation.records, "date", "7月9日");
    REQUIRE(first >= 0);
    CHECK(second == first + 1);
    CHECK(article_of(explanation.records, "organization", "阿拉善盟") == second);
  }

  TEST_CASE("the titles listed under a link heading are other articles: no records of them") {
    const std::string page =
        "11月5日，某县人民法院召开执行工作推进会，执结案件52件。\n\n"
        "往期推荐\n\n"
        "某县法院召开2025年第三季度审判执行工作分析会\n\n"
        "以案释法｜3000元“好处费”换来一年刑期\n\n"
        "10月9日，该院又审结涉企案件18件。\n";
    reportex::Extractor extractor(reportex::RuleSet::builtin());
    auto records = extractor.extract(reportex::Document::from_bytes("page.txt", page));
    CHECK(article_of(records, "case_count", "52件") >= 0);
    CHECK(article_of(records, "meeting", "执行工作推进会") >= 0);
    CHECK(article_of(records, "meeting", "分析会") < 0);
    CHECK(article_of(records, "date", "第三季度") < 0);
    CHECK(article_of(records, "money", "3000元") < 0);
    // The list ends at the first paragraph that is no title.
    CHECK(article_of(records, "case_count", "18件") >= 0);
  }
}
