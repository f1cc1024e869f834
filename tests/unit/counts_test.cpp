// Counts: case counts, money, quantities and percents on reports written in the style of
// the seed pages, with their subjects, org and period.

#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

std::vector<reportex::Record> extract(const std::string& text, const char* reference_date = nullptr) {
  reportex::DocumentOptions options;
  if (reference_date != nullptr) options.reference_date = reportex::CivilDate::parse(reference_date);
  static const reportex::Extractor extractor(reportex::RuleSet::builtin());
  return extractor.extract(reportex::Document::from_bytes("test.txt", text, options));
}

std::vector<reportex::Record> of_type(const std::vector<reportex::Record>& records, const char* type) {
  std::vector<reportex::Record> out;
  for (const auto& r : records)
    if (r.type == type) out.push_back(r);
  return out;
}

std::string field(const reportex::Record& r, const char* name) { return r.fields.text(name).value_or("(null)"); }
double number(const reportex::Record& r, const char* name) { return r.fields.number(name).value_or(-1); }

}  // namespace

TEST_SUITE("counts") {

TEST_CASE("a court work report: 万件 figures, paired 同比 percents, the reviewed year") {
  const std::string report =
      "锡林浩特市人民法院工作报告\n\n"
      "一、2024年工作回顾\n\n"
      "去年，我院坚持“公正与效率”工作主题。全年共受理各类案件1.36万件，审结1.29万件，同比分别增长6.8%、5.1%；"
      "结案率94.8%，同比上升1.2个百分点。\n\n"
      "（一）服务发展大局。审结涉企纠纷案件2140件，执行到位金额3.2亿元，同比下降4.5%。\n";
  auto records = extract(report);
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 3);
  CHECK(field(cases[0], "subject") == "受理各类案件");
  CHECK(number(cases[0], "count") == 13600);
  CHECK(field(cases[1], "subject") == "审结");  // a verb alone: the subject as written
  CHECK(number(cases[1], "count") == 12900);
  CHECK(field(cases[2], "subject") == "审结涉企纠纷案件");
  for (const auto& c : cases) {
    CHECK(field(c, "org") == "锡林浩特市人民法院");
    CHECK(field(c, "period") == "2024");  // the sentence's 去年, or the section's heading
  }
  auto money = of_type(records, "money");
  REQUIRE(money.size() == 1);
  CHECK(number(money[0], "amount_yuan") == 320000000);
  CHECK(field(money[0], "period") == "2024");

  auto percents = of_type(records, "percent");
  REQUIRE(percents.size() == 5);
  CHECK(field(percents[0], "subject") == "受理各类案件");
  CHECK(number(percents[0], "value") == doctest::Approx(6.8));
  CHECK(field(percents[1], "subject") == "审结");
  CHECK(field(percents[1], "direction") == "up");
  CHECK(field(percents[2], "subject") == "结案率");
  CHECK(field(percents[2], "direction") == "(null)");  // a level, not a change
  CHECK(field(percents[3], "subject") == "结案率");
  CHECK(field(percents[3], "unit") == "个百分点");
  CHECK(field(percents[4], "subject") == "执行到位金额");
  CHECK(field(percents[4], "direction") == "down");
}

TEST_CASE("a procuratorate report: 件/人 pairs give a case count and a person count") {
  auto records = extract(
      "7月10日，二连浩特市人民检察院召开2025年上半年业务分析会。会议通报，上半年，该院共受理审查起诉案件96件128人，"
      "提起公诉81件107人；办理公益诉讼案件23件，发出检察建议17份。");
  auto cases = of_type(records, "case_count");
  auto people = of_type(records, "quantity");
  REQUIRE(cases.size() == 3);
  REQUIRE(people.size() == 3);
  CHECK(field(cases[0], "subject") == "受理审查起诉案件");
  CHECK(number(cases[0], "count") == 96);
  CHECK(field(people[0], "subject") == "受理审查起诉案件");
  CHECK(number(people[0], "value") == 128);
  CHECK(field(people[0], "unit") == "人");
  CHECK(field(cases[1], "subject") == "提起公诉");
  CHECK(number(people[1], "value") == 107);
  CHECK(field(people[2], "subject") == "检察建议");  // 发出 trimmed
  CHECK(field(people[2], "unit") == "份");
  for (const auto& r : cases) {
    CHECK(field(r, "org") == "二连浩特市人民检察院");
    CHECK(field(r, "period") == "2025-H1");  // 上半年 carries over the ；
  }
}

TEST_CASE("figures of a span of months, or of years, have the year the span ends in as period") {
  auto records = extract(
      "发布时间：2025-11-20\n\n4月至10月，该院集中开展专项执行行动6次，拘留被执行人63人。"
      "2023年1月至2025年5月，该院共审结涉旅游纠纷472件。\n");
  auto q = of_type(records, "quantity");
  REQUIRE(q.size() == 2);
  for (const auto& r : q) CHECK(field(r, "period") == "2025");
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 1);
  CHECK(field(cases[0], "period") == "2025");
}

TEST_CASE("the items of a list a colon opens are of the period the opening sentence states") {
  auto records = extract(
      "发布时间：2026-01-10\n\n2025年，青石法院这样答卷：\n\n▶新收各类案件１２４０７件，结案１２１８８件；\n\n"
      "▶网上立案1906件。\n\n据介绍，该院受理涉企案件300件。\n");
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 4);
  for (std::size_t i = 0; i < 3; ++i) CHECK(field(cases[i], "period") == "2025");
  CHECK(field(cases[3], "period") != "2025");  // the list has ended
}

TEST_CASE("the cards of a figure box are of the period its title states") {
  auto records = extract(
      "发布时间：2026-01-10\n\n【数读】2025年1至11月全市法院涉农审判\n\n3 128 件\n受理涉农案件\n\n"
      "1.27 亿元\n涉农案件诉讼标的额\n\n据介绍，该院还受理涉企案件300件，标的额2.1亿元。\n");
  auto cases = of_type(records, "case_count");
  auto money = of_type(records, "money");
  REQUIRE(cases.size() == 2);
  REQUIRE(money.size() == 2);
  CHECK(field(cases[0], "period") == "2025");
  CHECK(field(money[0], "period") == "2025");
  CHECK(field(cases[1], "period") != "2025");  // a paragraph with a full stop ends the box
}

TEST_CASE("figures listed one for each year of a range before them are each of their year") {
  auto cases = of_type(extract("2021年至2024年，全市办理公益诉讼案件分别为186件、203件、241件和267件。"
                               "2021年至2024年，全市审结案件分别为100件和120件。"), "case_count");
  REQUIRE(cases.size() == 6);
  for (std::size_t k = 0; k < 4; ++k) CHECK(field(cases[k], "period") == std::to_string(2021 + k));
  // Two figures for four years are no year each.
  CHECK(field(cases[4], "period") == "2024");
  CHECK(field(cases[5], "period") == "2024");
}

TEST_CASE("a figure after a quoted name is the court's, a figure inside a quotation nobody's") {
  auto q = of_type(extract("今年以来，宜章县人民法院在各乡镇设立“老乡调解室”9个。"
                           "院长说：“我们全年开展凌晨行动3次。”"), "quantity");
  REQUIRE(q.size() == 2);
  CHECK(field(q[0], "org") == "宜章县人民法院");
  CHECK(field(q[1], "org") == "(null)");
}

TEST_CASE("a part named by 其中 alone counts what the count before it in the same unit counts") {
  auto q = of_type(extract("该院对15家涉案企业开展合规整改，其中9家已通过验收，其中2人为外地人。"), "quantity");
  REQUIRE(q.size() == 3);
  CHECK(number(q[1], "value") == 9);
  CHECK(field(q[1], "subject") == "涉案企业");
  CHECK(field(q[2], "subject") != "涉案企业");  // another unit, another thing
}

TEST_CASE("此类案件 after a crime its sentence says the court punished counts that crime's cases") {
  auto records = extract("全年审结一审刑事案件1 286件。依法惩治非法采矿、危害矿山安全生产等犯罪，审结此类案件34件58人。");
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 2);  // not the kind of the case count before it
  CHECK(field(cases[1], "subject") == "审结非法采矿、危害矿山安全生产等犯罪案件");
  auto people = of_type(records, "quantity");
  REQUIRE(people.size() == 1);
  CHECK(field(people[0], "subject") == "审结非法采矿、危害矿山安全生产等犯罪案件");
  CHECK(number(people[0], "value") == 58);
}

TEST_CASE("a count changed from one figure to another is two records, each of the period of its own level") {
  auto records = extract(
      "发布时间：2025-11-20\n\n今年以来，全市巡回审判点由去年底的112个增至147个，"
      "受理案件由2023年的95件增至2024年的120件。\n");
  auto q = of_type(records, "quantity");
  REQUIRE(q.size() == 2);
  CHECK(field(q[0], "subject") == "全市巡回审判点");
  CHECK(number(q[0], "value") == 112);
  CHECK(field(q[1], "subject") == "全市巡回审判点");
  CHECK(number(q[1], "value") == 147);
  CHECK(field(q[1], "period") == "2025");
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 2);
  CHECK(number(cases[0], "count") == 95);
  CHECK(field(cases[0], "period") == "2023");  // the year before it, though a base of comparison
  CHECK(number(cases[1], "count") == 120);
  CHECK(field(cases[1], "period") == "2024");
}

TEST_CASE("an enforcement item: 万元 amounts, approximations, since-dates and quotes") {
  auto records = extract(
      "发布时间：2025-05-20　来源：扎兰屯市人民法院\n\n"
      "今年2月以来，扎兰屯市人民法院共执结案件1600余件，执行到位金额4821.6万元。"
      "截至目前，该院为186名农民工兑现工资近900万元。\n\n"
      "“拿到这2万多元工钱，心里踏实了。”一名农民工说。\n\n"
      "该院对标的额10万元以下的案件实行快执。\n");
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 1);
  CHECK(number(cases[0], "count") == 1600);
  CHECK(field(cases[0], "approx") == "over");
  CHECK(field(cases[0], "period") == "2025");  // since 2025-02: the year
  auto money = of_type(records, "money");
  REQUIRE(money.size() == 3);  // not the 10万元以下 threshold
  CHECK(field(money[0], "subject") == "执行到位金额");
  CHECK(number(money[0], "amount_yuan") == 48216000);
  CHECK(field(money[0], "org") == "扎兰屯市人民法院");
  CHECK(field(money[1], "subject") == "兑现工资");
  CHECK(number(money[1], "amount_yuan") == 9000000);
  CHECK(field(money[1], "approx") == "under");
  CHECK(field(money[1], "period") == "(null)");  // 截至目前 states no date
  CHECK(field(money[2], "subject") == "工钱");
  CHECK(field(money[2], "org") == "(null)");  // a worker's words
  auto people = of_type(records, "quantity");
  REQUIRE(people.size() == 1);
  CHECK(field(people[0], "subject") == "农民工");
  CHECK(number(people[0], "value") == 186);
}

TEST_CASE("quantities written before and after their noun") {
  auto records = extract(
      "乌拉特前旗人民法院在全旗8个苏木镇设立法官工作站，聘请特邀调解员26名，"
      "与司法局、妇联等6家单位建立诉调对接机制，每月开展2次业务培训。");
  auto q = of_type(records, "quantity");
  REQUIRE(q.size() == 4);
  CHECK(field(q[0], "subject") == "苏木镇");
  CHECK(field(q[1], "subject") == "特邀调解员");
  CHECK(number(q[1], "value") == 26);
  CHECK(field(q[2], "subject") == "单位");
  CHECK(field(q[2], "unit") == "家");
  CHECK(field(q[3], "subject") == "业务培训");
  CHECK(field(q[3], "unit") == "次");
}

TEST_CASE("names that look like counts are not counts") {
  auto records = extract(
      "全院紧紧围绕“四项工程”，落实七项重点工作，坚决做到“两个维护”，推行“5·8支部工作法”"
      "和“1+6专项行动”，认真落实十条措施，推进一审、二审案件质效提升，确保两级法院同向发力。"
      "畅通12309检察服务热线，联系电话：0471-6396052。（详见本报05版）"
      "要办好两件大事，贯彻一条主线，落实三项机制，对超过6个月的案件逐案督办。");
  for (const char* type : {"case_count", "quantity", "money", "percent"}) {
    INFO(type);
    CHECK(of_type(records, type).empty());
  }
}

TEST_CASE("a collective's figures and a figure with no date have no org and no period") {
  auto records = extract(
      "包头市中级人民法院召开会议。会议通报，2024年，全市法院审结环境资源案件318件。"
      "该院设立法官工作室5个。");
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 1);
  CHECK(field(cases[0], "org") == "(null)");
  CHECK(field(cases[0], "period") == "2024");
  auto q = of_type(records, "quantity");
  REQUIRE(q.size() == 1);
  CHECK(field(q[0], "org") == "包头市中级人民法院");
  CHECK(field(q[0], "period") == "(null)");
}

TEST_CASE("a body under whose leadership the court worked is no org of its figures") {
  auto records = extract(
      "西峡县人民检察院工作报告\n\n2024年，县人民检察院在县委和南阳市人民检察院的坚强领导下，"
      "全年共办理各类案件980件。");
  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 1);
  CHECK(field(cases[0], "org") == "西峡县人民检察院");
}

TEST_CASE("generalization: 和-joined percents, separators before 余, relative heads, case verb phrases") {
  const std::string report =
      "新疆维吾尔自治区伊犁哈萨克自治州中级人民法院\n\n"
      "2024年，该院新收各类案件6.2万件，审结、执结5.9万件，同比分别增长4.1%和3.6%；"
      "全年为当事人提供网上立案、跨域立案服务3,400余人次，对29名拒不报告财产的被执行人予以罚款、拘留，"
      "以涉嫌拒不执行判决、裁定罪移送公安机关立案侦查11件。\n";
  auto records = extract(report, "2025-02-10");
  auto percents = of_type(records, "percent");
  REQUIRE(percents.size() == 2);
  CHECK(field(percents[0], "subject") == "新收各类案件");
  CHECK(number(percents[0], "value") == doctest::Approx(4.1));
  CHECK(field(percents[1], "subject") == "审结、执结");
  CHECK(number(percents[1], "value") == doctest::Approx(3.6));
  CHECK(field(percents[1], "direction") == "up");

  auto quantities = of_type(records, "quantity");
  REQUIRE(quantities.size() == 2);
  CHECK(number(quantities[0], "value") == 3400);  // not 400: the comma is a separator
  CHECK(field(quantities[0], "approx") == "over");
  CHECK(field(quantities[0], "unit") == "人次");
  CHECK(field(quantities[1], "subject") == "被执行人");  // the head after the 的-clause
  CHECK(number(quantities[1], "value") == 29);

  auto cases = of_type(records, "case_count");
  REQUIRE(cases.size() == 3);
  CHECK(field(cases[2], "subject") == "移送公安机关立案侦查");
  CHECK(number(cases[2], "count") == 11);
  CHECK(field(cases[2], "period") == "2024");
}

TEST_CASE("a total broken down by body: each body's part is a case count of the total's kind, with the body as org") {
  const std::string report =
      "吉安市人民检察院工作报告\n\n"
      "2025年，全市检察机关共受理各类案件9 480件，其中市院1 215件，各基层院依次为：吉州区院1 802件、"
      "井冈山市院436件、永丰县院688件。\n";
  const auto counts = of_type(extract(report), "case_count");
  REQUIRE(counts.size() == 5);
  CHECK(field(counts[0], "subject") == "受理各类案件");
  CHECK(field(counts[0], "org") == "(null)");  // the city's procuratorates together
  const char* bodies[] = {"吉安市人民检察院", "吉安市吉州区人民检察院", "井冈山市人民检察院", "永丰县人民检察院"};
  const double parts[] = {1215, 1802, 436, 688};
  for (std::size_t i = 1; i < counts.size(); ++i) {
    INFO(counts[i].text);
    CHECK(field(counts[i], "subject") == "受理各类案件");
    CHECK(number(counts[i], "count") == parts[i - 1]);
    CHECK(field(counts[i], "org") == bodies[i - 1]);
    CHECK(field(counts[i], "period") == "2025");
  }
  CHECK(of_type(extract(report), "quantity").empty());
}

TEST_CASE("a benefactive number before a verb that is not a stop word: 为N名X集中发放") {
  auto records = extract("1月20日，该院为158名申请执行人集中发放执行案款926万元。", "2025-01-22");
  auto quantities = of_type(records, "quantity");
  REQUIRE(quantities.size() == 1);
  CHECK(field(quantities[0], "subject") == "申请执行人");
  CHECK(number(quantities[0], "value") == 158);
  auto money = of_type(records, "money");
  REQUIRE(money.size() == 1);
  CHECK(number(money[0], "amount_yuan") == 9260000);
}

TEST_CASE("a subject list with values joined by 和: one subject and one direction each") {
  auto percents = of_type(extract("受理审查起诉件数、人数同比分别上升3.2%和5.7%。"), "percent");
  REQUIRE(percents.size() == 2);
  CHECK(field(percents[0], "subject") == "受理审查起诉件数");
  CHECK(field(percents[1], "subject") == "受理审查起诉人数");
  CHECK(field(percents[1], "direction") == "up");
  CHECK(number(percents[1], "value") == doctest::Approx(5.7));
}

TEST_CASE("a count in brackets is part of the one before it, not a figure the changes are of") {
  auto percents = of_type(
      extract("我院共受理执行案件6 802件（含旧存547件），执结6 159件，执行到位金额4.26亿元，同比分别增长8.3%、6.1%和12.4%。"),
      "percent");
  REQUIRE(percents.size() == 3);
  CHECK(field(percents[0], "subject") == "受理执行案件");
  CHECK(field(percents[1], "subject") == "执结");
  CHECK(field(percents[2], "subject") == "执行到位金额");
}

TEST_CASE("前者 and 后者 are the first and the second of the two counts before") {
  auto percents = of_type(extract("民事、行政检察监督案件分别为583件和241件，前者同比增长12.5%，后者下降3.4%。"), "percent");
  REQUIRE(percents.size() == 2);
  CHECK(field(percents[0], "subject") == "民事检察监督案件");
  CHECK(field(percents[1], "subject") == "行政检察监督案件");
  CHECK(field(percents[1], "direction") == "down");
}

}  // TEST_SUITE
