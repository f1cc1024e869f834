// Date records: the rules of rules/zh-court/dates.toml (which spans are
// dates, which are not) and the dates stage (the document's reference date,
// and each record's value, granularity, kind, start/end and year_source).
#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

using reportex::CivilDate;

std::vector<reportex::Record> dates_in(const std::string& text, std::optional<CivilDate> reference = std::nullopt) {
  static const reportex::Extractor extractor(reportex::RuleSet::builtin());
  reportex::DocumentOptions options;
  options.reference_date = reference;
  std::vector<reportex::Record> out;
  for (auto& r : extractor.extract(reportex::Document::from_bytes("test.txt", text, options)))
    if (r.type == "date") out.push_back(std::move(r));
  return out;
}

const reportex::Record* at(const std::vector<reportex::Record>& dates, const std::string& text) {
  auto it = std::find_if(dates.begin(), dates.end(), [&](const auto& r) { return r.text == text; });
  return it == dates.end() ? nullptr : &*it;
}

std::string field(const reportex::Record& r, const char* name) { return r.fields.text(name).value_or(""); }

// A sentence, the date expression the rules must find in it, and its resolution.
struct Form {
  const char* sentence;
  const char* span;
  const char* value;
  const char* granularity;
  const char* kind;
};

// Resolved against a report of 2025-12-28, so that every yearless month and
// day of 2025 lies before the reference date.
const CivilDate kLateInYear{2025, 12, 28};

const Form kForms[] = {
    // Full dates, in every way reports write them
    {"2025年06月27日 05版", "2025年06月27日", "2025-06-27", "day", "point"},
    {"2025年6月7日，该院召开党组会议。", "2025年6月7日", "2025-06-07", "day", "point"},
    {"二〇二四年三月八日，全院女干警参加座谈。", "二〇二四年三月八日", "2024-03-08", "day", "point"},
    {"二零二三年十二月三十一日，工作报告定稿。", "二零二三年十二月三十一日", "2023-12-31", "day", "point"},
    {"该院于2025.6.27公布审判数据。", "2025.6.27", "2025-06-27", "day", "point"},
    {"发布时间：2025-06-16 来源：海勃湾区人民法院", "2025-06-16", "2025-06-16", "day", "point"},
    {"截稿日期为2025/6/20。", "2025/6/20", "2025-06-20", "day", "point"},
    {"2025 年 3 月 15 日，调解室挂牌。", "2025年3月15日", "2025-03-15", "day", "point"},
    {"2025年\n3月15日，调解室挂牌。", "2025年3月15日", "2025-03-15", "day", "point"},
    {"２０２５年８月６日　星期三", "2025年8月6日", "2025-08-06", "day", "point"},
    {"2025年3月15日上午，庭审在科技法庭进行。", "2025年3月15日上午", "2025-03-15", "day", "point"},
    {"2024年12月1号，新办公楼启用。", "2024年12月1号", "2024-12-01", "day", "point"},
    // Month and day without a year
    {"6月25日，赤峰市中级人民法院召开座谈会。", "6月25日", "2025-06-25", "day", "point"},
    {"**兴安讯** 7月3日，兴安盟中级人民法院召开党组会议。", "7月3日", "2025-07-03", "day", "point"},
    {"2 月 18 日，全市法院院长会议召开。", "2月18日", "2025-02-18", "day", "point"},
    {"11月18日上午，院党组召开专题会议。", "11月18日上午", "2025-11-18", "day", "point"},
    {"6月25日下午，调研组到基层法庭调研。", "6月25日下午", "2025-06-25", "day", "point"},
    {"6月25日晚，执行干警开展夜间执行。", "6月25日晚", "2025-06-25", "day", "point"},
    {"12月1号，新办公楼启用。", "12月1号", "2025-12-01", "day", "point"},
    {"三月八日，院工会组织女干警开展活动。", "三月八日", "2025-03-08", "day", "point"},
    {"十二月二十日，年度考核结束。", "十二月二十日", "2025-12-20", "day", "point"},
    {"７月３１日，乌兰浩特市人民法院召开分析会。", "7月31日", "2025-07-31", "day", "point"},
    // Months
    {"3月，全院开展作风纪律教育整顿。", "3月", "2025-03", "month", "point"},
    {"3月份，全院开展作风纪律教育整顿。", "3月份", "2025-03", "month", "point"},
    {"十月，该院启动执行攻坚。", "十月", "2025-10", "month", "point"},
    {"6月底，该院清理长期未结案件56件。", "6月底", "2025-06", "month", "point"},
    {"6月初，专项行动全面铺开。", "6月初", "2025-06", "month", "point"},
    {"6月中旬，督导组进驻基层法院。", "6月中旬", "2025-06", "month", "point"},
    {"6月上旬，督导组进驻基层法院。", "6月上旬", "2025-06", "month", "point"},
    {"6月下旬，督导组进驻基层法院。", "6月下旬", "2025-06", "month", "point"},
    {"6月末，各庭室完成自查。", "6月末", "2025-06", "month", "point"},
    {"——2025年1月在区人民代表大会上", "2025年1月", "2025-01", "month", "point"},
    {"2024年12月，该院被评为先进集体。", "2024年12月", "2024-12", "month", "point"},
    {"二〇二四年十月，新审判楼投入使用。", "二〇二四年十月", "2024-10", "month", "point"},
    {"本月，全院开展安全检查。", "本月", "2025-12", "month", "point"},
    {"上个月，全院开展安全检查。", "上个月", "2025-11", "month", "point"},
    // Years, written and relative
    {"2024年，全院审结案件4127件。", "2024年", "2024", "year", "point"},
    {"印发《2025年度教育培训计划》。", "2025年度", "2025", "year", "point"},
    {"二〇二四年，全院审结案件4127件。", "二〇二四年", "2024", "year", "point"},
    {"今年，市委政法工作会议明确了目标任务。", "今年", "2025", "year", "point"},
    {"去年，全院审结案件4127件。", "去年", "2024", "year", "point"},
    {"前年，全院审结案件3860件。", "前年", "2023", "year", "point"},
    {"明年，该院将启用新审判楼。", "明年", "2026", "year", "point"},
    {"抓好队伍建设是本年度的重要工作。", "本年度", "2025", "year", "point"},
    {"上年同期审结案件2105件。", "上年", "2024", "year", "point"},
    {"去年度考核中，该院位列全市第一。", "去年度", "2024", "year", "point"},
    {"大前年，该院完成了审判楼改造。", "大前年", "2022", "year", "point"},
    // Parts of years
    {"上半年，该院共受理审查逮捕案件153件。", "上半年", "2025-H1", "half", "point"},
    {"下半年，全院将持续开展执行攻坚。", "下半年", "2025-H2", "half", "point"},
    {"会议通报了今年上半年审判执行工作情况。", "今年上半年", "2025-H1", "half", "point"},
    {"该院召开2025年上半年检察业务数据会商会。", "2025年上半年", "2025-H1", "half", "point"},
    {"去年下半年，全院结案率明显提升。", "去年下半年", "2024-H2", "half", "point"},
    {"一季度，该院受理各类案件1012件。", "一季度", "2025-Q1", "quarter", "point"},
    {"第一季度，该院受理各类案件1012件。", "第一季度", "2025-Q1", "quarter", "point"},
    {"第三季度，该院受理各类案件1190件。", "第三季度", "2025-Q3", "quarter", "point"},
    {"2025年第二季度，全盟法院结案率达90.2%。", "2025年第二季度", "2025-Q2", "quarter", "point"},
    {"四季度，各庭室集中清理积案。", "四季度", "2025-Q4", "quarter", "point"},
    {"前三季度，该院共受理各类案件3500件。", "前三季度", "2025-Q3", "quarter", "range"},
    {"阿拉善盟中级人民法院发布2025年前三季度审判执行数据。", "2025年前三季度", "2025-Q3", "quarter", "range"},
    {"今年前两季度，全市法院新收案件增长。", "今年前两季度", "2025-Q2", "quarter", "range"},
    {"2024年底，全市共有人民法庭42个。", "2024年底", "2024", "year", "point"},
    {"2024年末，全院共有干警320人。", "2024年末", "2024", "year", "point"},
    {"力争到2026年底，全市乡镇都建成调解室。", "到2026年底", "2026", "year", "until"},
    {"2024年初，该院制定三年规划。", "2024年初", "2024", "year", "point"},
    // Ranges
    {"1至5月，全市法院新收执行案件8216件。", "1至5月", "2025-05", "month", "range"},
    {"1—5月，全市法院新收执行案件8216件。", "1—5月", "2025-05", "month", "range"},
    {"1-5月，全市法院新收执行案件8216件。", "1-5月", "2025-05", "month", "range"},
    {"1~5月，全市法院新收执行案件8216件。", "1~5月", "2025-05", "month", "range"},
    {"今年1至5月，该院诉前调解成功纠纷1327件。", "今年1至5月", "2025-05", "month", "range"},
    {"2025年1—6月，该院审结案件2310件。", "2025年1—6月", "2025-06", "month", "range"},
    {"十至十二月，全院开展积案清理。", "十至十二月", "2025-12", "month", "range"},
    {"一至三季度，全院结案率稳步提升。", "一至三季度", "2025-Q3", "quarter", "range"},
    {"二至三季度，全院结案率稳步提升。", "二至三季度", "2025-Q3", "quarter", "range"},
    {"3月21日至22日，全区法院执行工作培训班举办。", "3月21日至22日", "2025-03-22", "day", "range"},
    {"2024年1月至10月，该院审结涉企案件1450件。", "2024年1月至10月", "2024-10", "month", "range"},
    {"6月30日至7月2日，督导组到各基层法院督导。", "6月30日至7月2日", "2025-07-02", "day", "range"},
    {"2024年11月至2025年2月，该院开展冬季攻坚。", "2024年11月至2025年2月", "2025-02", "month", "range"},
    {"《全市法院审判质效提升规划（2023—2027年）》", "2023—2027年", "2027", "year", "range"},
    {"公示期为2025-06-20-2025-06-27。", "2025-06-20-2025-06-27", "2025-06-27", "day", "range"},
    {"6月25日-26日，培训班在包头举办。", "6月25日-26日", "2025-06-26", "day", "range"},
    // Since
    {"2025年以来，该院共开展政治轮训3期。", "2025年以来", "2025", "year", "since"},
    {"今年以来，全院新收案件较去年同期上升。", "今年以来", "2025", "year", "since"},
    {"今年3月以来，两地法院交叉执行案件3715件。", "今年3月以来", "2025-03", "month", "since"},
    {"自今年3月以来，两地法院交叉执行案件3715件。", "自今年3月以来", "2025-03", "month", "since"},
    {"4月以来，该院成交房产、车辆等财产76件。", "4月以来", "2025-04", "month", "since"},
    {"自2023年起，该院连续三年获评先进集体。", "自2023年起", "2023", "year", "since"},
    {"从2023年起，该院连续三年获评先进集体。", "从2023年起", "2023", "year", "since"},
    {"7月1日起，新的立案登记规范正式施行。", "7月1日起", "2025-07-01", "day", "since"},
    {"从今年3月开始，全院开展专项行动。", "从今年3月开始", "2025-03", "month", "since"},
    {"2018年至今，该院已连续举办七期培训班。", "2018年至今", "2018", "year", "since"},
    {"去年以来，全院执结案件数量持续上升。", "去年以来", "2024", "year", "since"},
    {"年初以来，全院执结案件数量持续上升。", "年初以来", "2025", "year", "since"},
    {"该规定自2024年7月1日起施行。", "自2024年7月1日起", "2024-07-01", "day", "since"},
    // Until
    {"截至6月底，该院立案办理公益诉讼案件216件。", "截至6月底", "2025-06", "month", "until"},
    {"截至2024年12月31日，全市法院共有员额法官860名。", "截至2024年12月31日", "2024-12-31", "day", "until"},
    {"截止到6月30日，全院结案率达到92.1%。", "截止到6月30日", "2025-06-30", "day", "until"},
    {"截至今年5月，已化解信访积案12件。", "截至今年5月", "2025-05", "month", "until"},
    // A deadline is still to come: written at the end of 2025, 3月底前 is next March's end.
    {"各党支部要在3月底前召开专题组织生活会。", "3月底前", "2026-03", "month", "until"},
    {"6月30日前报送自查报告。", "6月30日前", "2025-06-30", "day", "until"},
    {"6月30日之前报送自查报告。", "6月30日之前", "2025-06-30", "day", "until"},
    {"截至6月底为止，累计执结案件615件。", "截至6月底为止", "2025-06", "month", "until"},
    {"二零二三年十二月三十一日前完成清理。", "二零二三年十二月三十一日前", "2023-12-31", "day", "until"},
};

// Texts with no date at all: the "not a date" cases of the issue, and the
// numbers and words that look like dates on real pages.
const char* const kNotDates[] = {
    "2024年是中华人民共和国成立75周年。",  // (the year is a date; checked apart below)
    "深入学习贯彻党的二十届三中全会精神。",
    "积极筹备第二届知识产权司法保护论坛。",
    "实现“十四五”规划目标任务。",
    "对超过6个月以上未结案件开展专项清理。",
    "深入开展“双创双一流”三年行动。",
    "扎实开展为期两年的专项活动。",
    "五年来，全市法院共审结各类案件12万件。",
    "近年来，该院坚持司法为民。",
    "近期，中央、自治区政法工作会议相继召开。",
    "院党组决定即日起开展作风整治。",
    "该院坚持每月召开一次审委会。",
    "群众可拨打12309检察服务热线反映问题。",
    "电话: (0471) 4687539、6986512",
    "联系电话：0471-6986512，手机13904711234。",
    "邮箱: fyzk2025@163.com 05版",
    "对照“蒙马奔腾5.1指标体系”查找差距。",
    "制定年度教育培训计划，加强年度考核。",
    "迎接新的一年，一直以来，连日来，会后。",
    "群众诉求7日内答复，3个月内办结。",
    "该院建院已有10年，三十年来从未间断。",
    "每年年底进行考核，每年3月开展自查。",
    "力争提前年底完成清理任务。",
    "过去年份积存的案件全部清零。",
    "探索推出“5·8支部工作法”，开展“1+6专项行动”。",
    "审结案件3551件，同比上升12.3%，办理第3期培训。",
    "出台十条措施，落实七项重点工作。",
    "一审、二审案件均按期审结。",
    "以上月份的数据均为初步统计。",
    "社会主义精神文明年度评比结果揭晓。",
    // The edge of a year named without its number is too vague to be a date.
    "年初，该院制定了全年学习计划。",
    "年底前完成全部整改任务。",
    "今年年底，新审判楼将投入使用。",
    "去年年底，该院未结案件降至历史最低。",
};

}  // namespace

TEST_SUITE("dates") {
  TEST_CASE("every calendar form is found whole and resolved") {
    std::set<std::string> distinct;
    for (const Form& form : kForms) {
      CAPTURE(form.sentence);
      auto dates = dates_in(form.sentence, kLateInYear);
      const auto* r = at(dates, form.span);
      REQUIRE_MESSAGE(r != nullptr, "no date record '" << form.span << "'");
      CHECK(field(*r, "value") == form.value);
      CHECK(field(*r, "granularity") == form.granularity);
      CHECK(field(*r, "kind") == form.kind);
      // The longest expression is one record: nothing else overlaps it.
      for (const auto& other : dates)
        if (&other != r) CHECK_MESSAGE(other.span.begin >= r->span.end, "also '" << other.text << "'");
      distinct.insert(form.span);
    }
    CHECK(distinct.size() >= 100);
  }

  TEST_CASE("texts that hold no date give no date record") {
    for (const char* text : kNotDates) {
      CAPTURE(text);
      auto dates = dates_in(text, kLateInYear);
      if (std::string(text).rfind("2024年", 0) == 0) {
        REQUIRE(dates.size() == 1);  // 2024年 is a date; 75周年 is not
        CHECK(dates[0].text == "2024年");
      } else {
        CHECK_MESSAGE(dates.empty(), "got '" << (dates.empty() ? "" : dates[0].text) << "'");
      }
    }
  }

  TEST_CASE("起诉 is a verb: the day before it is a point, not a start") {
    auto dates = dates_in("原告于3月5日起诉至法院，请求判令被告支付货款。", kLateInYear);
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].text == "3月5日");
    CHECK(field(dates[0], "kind") == "point");
  }

  TEST_CASE("ranges, since and until carry start and end") {
    auto dates = dates_in("2024年1月至10月，该院审结涉企案件1450件；2025年以来，执结案件700件；截至6月底，未结案件降至90件。");
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[0], "start") == "2024-01");
    CHECK(field(dates[0], "end") == "2024-10");
    CHECK(field(dates[1], "start") == "2025");
    CHECK(dates[1].fields.find("end") == nullptr);
    CHECK(field(dates[2], "end") == "2025-06");
    CHECK(dates[2].fields.find("start") == nullptr);
  }

  TEST_CASE("the caller's reference date wins, and year_source says so") {
    auto dates = dates_in("2024年，全院审结案件4127件。6月25日，该院召开座谈会。去年，结案率达95%。",
                          CivilDate{2023, 7, 1});
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[0], "value") == "2024");
    CHECK(field(dates[0], "year_source") == "explicit");
    CHECK(field(dates[1], "value") == "2023-06-25");
    CHECK(field(dates[1], "year_source") == "reference");
    CHECK(field(dates[2], "value") == "2022");
    CHECK(field(dates[2], "year_source") == "reference");
  }

  TEST_CASE("a page date before a lettered page number is the reference date, not a later year the page names") {
    auto dates = dates_in(
        "# 法院专刊\n\n2025年12月4日　星期四　第Ｂ４版\n\n## 标题\n\n"
        "**平山讯** 12月2日上午，某区人民法院召开推进会，要求在2026年1月31日前完成清理。");
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[0], "value") == "2025-12-04");
    CHECK(field(dates[1], "value") == "2025-12-02");
  }

  TEST_CASE("on a page of items, each item's dates are read against its own publication stamp") {
    auto dates = dates_in(
        "检察动态\n\n市检察院召开新年座谈会\n\n发布时间：2026-01-09 16:42　来源：办公室\n\n"
        "1月8日，市检察院召开座谈会，今年将开展专项监督。\n\n"
        "市检察院开展集体学习\n\n发布时间：2025-12-24 17:20　来源：政治部\n\n"
        "12月23日，中心组开展集体学习。今年以来，中心组已学习12次，明年第一季度将组织宣讲。\n");
    auto new_year = at(dates, "今年");
    REQUIRE(new_year != nullptr);
    CHECK(field(*new_year, "value") == "2026");
    auto since = at(dates, "今年以来");
    REQUIRE(since != nullptr);
    CHECK(field(*since, "value") == "2025");
    auto quarter = at(dates, "明年第一季度");
    REQUIRE(quarter != nullptr);
    CHECK(field(*quarter, "value") == "2026-Q1");
    auto day = at(dates, "12月23日");
    REQUIRE(day != nullptr);
    CHECK(field(*day, "value") == "2025-12-23");
  }

  TEST_CASE("a work report's days after a range of years are of the range's last year") {
    auto dates = dates_in(
        "江北市人民检察院工作报告\n\n——2026年1月9日在江北市第十五届人民代表大会第五次会议上\n\n"
        "一、2025年及五年来工作回顾\n\n2021年至2025年，全市办理公益诉讼案件1 195件。\n\n"
        "3月21日，市人民检察院召开推进会。\n");
    auto day = at(dates, "3月21日");
    REQUIRE(day != nullptr);
    CHECK(field(*day, "value") == "2025-03-21");
  }

  TEST_CASE("a work report's deadlines in a paragraph of the page's own year are still to come") {
    auto dates = dates_in(
        "江北市人民检察院工作报告\n\n——2026年1月21日在江北市第八届人民代表大会第六次会议上\n\n"
        "一、2025年工作回顾\n\n6月底前，全市完成专项评查。\n\n三、2026年工作安排\n\n"
        "今年，全市检察机关将重点抓好以下工作：一是6月底前完成涉海案件评查；二是3月31日前出台措施。\n");
    std::vector<std::string> values;
    for (const auto& d : dates)
      if (d.text == "6月底前" || d.text == "3月31日前") values.push_back(field(d, "value"));
    // The deadline the past year had, then the two the plan sets.
    CHECK(values == std::vector<std::string>{"2025-06", "2026-06", "2026-03-31"});
  }

  TEST_CASE("a work report's subtitle right under its title gives the day it was delivered") {
    auto dates = dates_in(
        "江北市中级人民法院工作报告\n——2025年1月8日在江北市第十届人民代表大会第五次会议上\n"
        "一、2024年工作回顾\n2024年，共受理案件21 367件。5月22日，省法院在江北召开推进会。\n"
        "二、2025年工作安排\n2025年9月30日前完成整改。\n");
    auto day = at(dates, "5月22日");
    REQUIRE(day != nullptr);
    CHECK(field(*day, "value") == "2024-05-22");  // not of the year of the plan's deadline
  }

  TEST_CASE("a year a figure is compared with is no year a work report goes on in") {
    auto dates = dates_in(
        "江北市人民检察院工作报告\n\n——2026年1月9日在江北市第十五届人民代表大会第五次会议上\n\n"
        "一、2025年主要工作\n\n2025年，共办理各类案件4 872件，较2019年增长41.6%。\n\n"
        "6月20日，我院召开座谈会。\n");
    auto base = at(dates, "2019年");
    REQUIRE(base != nullptr);
    CHECK(field(*base, "value") == "2019");
    auto day = at(dates, "6月20日");
    REQUIRE(day != nullptr);
    CHECK(field(*day, "value") == "2025-06-20");
  }

  TEST_CASE("a yearless deadline in the news is still to come, a date up to which figures run is past") {
    auto dates = dates_in(
        "2025年12月30日　星期二　第３版\n\n## 标题\n\n"
        "**资溪讯**　12月26日，该院召开推进会，要求于1月15日前完成清理，截至11月底为止已办结42件。");
    auto deadline = at(dates, "1月15日前");
    REQUIRE(deadline != nullptr);
    CHECK(field(*deadline, "value") == "2026-01-15");
    CHECK(field(*deadline, "kind") == "until");
    auto to_date = at(dates, "截至11月底为止");
    REQUIRE(to_date != nullptr);
    CHECK(field(*to_date, "value") == "2025-11");
    auto spring = dates_in("发布时间：2026-03-27\n\n3月25日，某市中级人民法院召开联席会议，明确6月底前在三县全覆盖。");
    auto june = at(spring, "6月底前");
    REQUIRE(june != nullptr);
    CHECK(field(*june, "value") == "2026-06");
  }

  TEST_CASE("a page date is the reference date") {
    auto dates = dates_in(
        "# 法院专刊\n\n电话: (0471) 5206318\n\n2025年06月27日 05版\n\n## 标题\n\n"
        "**赤峰讯** 6月25日，赤峰市中级人民法院召开征求意见座谈会。会议通报了今年上半年工作。");
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[0], "value") == "2025-06-27");
    CHECK(field(dates[1], "value") == "2025-06-25");
    CHECK(field(dates[1], "year_source") == "reference");
    CHECK(field(dates[2], "value") == "2025-H1");
  }

  TEST_CASE("a bulletin's issue line gives its day, not the end of the campaign it reports") {
    auto dates = dates_in(
        "执行快报\n\n第12期\n\n江北县人民法院执行局　联合编印　　2025年12月15日\n\n"
        "专项行动自12月9日起至2026年1月31日止。今年以来，该院执结案件900件。");
    REQUIRE(dates.size() == 4);
    CHECK(field(dates[0], "value") == "2025-12-15");
    CHECK(field(dates[3], "value") == "2025");  // 今年以来: the year
  }

  TEST_CASE("a chronicle of a year, issued early in the next, tells its days in the year its title writes") {
    auto dates = dates_in(
        "江北中院2025年大事记\n\n（江北县人民法院办公室编　2026年1月12日印发）\n\n"
        "1月\n\n1月9日　院党组召开会议，研究全年工作。\n\n3月\n\n3月中旬　该院开展集中执行。");
    auto issued = at(dates, "2026年1月12日");
    REQUIRE(issued != nullptr);
    CHECK(field(*issued, "value") == "2026-01-12");  // the page's date, from the issue line
    for (const char* text : {"1月", "1月9日", "3月中旬"}) {
      auto d = at(dates, text);
      REQUIRE(d != nullptr);
      CHECK(field(*d, "value").starts_with("2025"));
    }
  }

  TEST_CASE("a bulletin's issuing body and its day closing a line give the page date, not a plan's year") {
    auto dates = dates_in(
        "江北县人民法院\n执行工作通报\n第4期\n\n江北县人民法院执行局　　　　2025年12月8日\n签发：某某\n\n"
        "10月31日，我院召开动员部署会。力争2026年第一季度实际执结率不低于65%，2026年全年执结率再提高。");
    auto day = at(dates, "10月31日");
    REQUIRE(day != nullptr);
    CHECK(field(*day, "value") == "2025-10-31");
    CHECK(field(dates[0], "value") == "2025-12-08");
  }

  TEST_CASE("a year that qualifies a thing is no year the sentence goes on in") {
    auto dates = dates_in(
        "2026年2月12日　星期四　第03版\n\n会议要求，今年全州检察机关要3月底前完成2025年度积存案件清理，"
        "一季度实现涉企挂案清零，上半年组织全员业务竞赛。");
    auto quarter = at(dates, "一季度");
    REQUIRE(quarter != nullptr);
    CHECK(field(*quarter, "value") == "2026-Q1");
    auto half = at(dates, "上半年");
    REQUIRE(half != nullptr);
    CHECK(field(*half, "value") == "2026-H1");
  }

  TEST_CASE("a year something runs since gives a 截至 after it no year: it is the page's") {
    auto dates = dates_in("原创　东乡法院　2025年11月21日 19:06　甘肃\n\n该院自2023年起选任双语人民陪审员，截至10月底共有32名。");
    auto until = at(dates, "截至10月底");
    REQUIRE(until != nullptr);
    CHECK(field(*until, "value") == "2025-10");
  }

  TEST_CASE("a web page's publication date and a newspaper header are page dates") {
    auto web = dates_in("标题\n发布时间：2025-03-05　来源：鄂托克旗人民法院\n\n3月3日，该院召开党组会议。");
    REQUIRE(web.size() == 2);
    CHECK(field(web[1], "value") == "2025-03-03");
    CHECK(field(web[1], "year_source") == "reference");

    auto paper = dates_in("内蒙古法治报　　２０２５年８月６日　星期三　　０３版\n\n７月３１日，该院召开分析会议。");
    REQUIRE(paper.size() == 2);
    CHECK(field(paper[1], "value") == "2025-07-31");
    CHECK(field(paper[1], "year_source") == "reference");
  }

  TEST_CASE("a WeChat article's stamp, a date with its clock time, is the page date") {
    // Without it the plan year the text names (2026) would be taken for the text's year.
    auto dates = dates_in(
        "江北县人民法院\n点击蓝字　关注我们\n\n原创 江北法院 江北县人民法院 2025年12月12日 18:06 湖南\n\n"
        "12月10日，该院召开推进会，部署2026年工作。今年以来，该院受理案件3200件。");
    REQUIRE(dates.size() == 4);
    CHECK(field(dates[0], "value") == "2025-12-12");
    CHECK(field(dates[1], "value") == "2025-12-10");
    CHECK(field(dates[1], "year_source") == "reference");
    CHECK(field(dates[3], "value") == "2025");
  }

  TEST_CASE("a report's subtitle, the day it was delivered at a session, is the page date") {
    // The plan year (2026) would otherwise be the text's year, and 今年 a year late.
    auto dates = dates_in(
        "江北县人民法院\n关于行政审判工作情况的报告\n\n——2025年10月28日在江北县第十八届人民代表大会\n"
        "常务委员会第九次会议上\n\n今年1至9月，全县法院受理行政案件126件。2026年，我们将继续努力。2026年，深化改革。");
    REQUIRE(dates.size() == 4);
    CHECK(field(dates[0], "value") == "2025-10-28");
    CHECK(field(dates[1], "value") == "2025-09");
    CHECK(field(dates[1], "year_source") == "reference");
  }

  TEST_CASE("a yearless day far after the page date belongs to the year before") {
    auto dates = dates_in("2025年01月06日 03版\n\n12月30日，该院召开年终总结会议。1月3日，该院召开党组会议。");
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[1], "value") == "2024-12-30");
    CHECK(field(dates[2], "value") == "2025-01-03");
  }

  TEST_CASE("a dateline with its year is the reference date") {
    auto dates = dates_in("**兴安讯** 2024年7月3日，兴安盟中级人民法院召开党组会议。今年上半年，该院结案2300件。");
    REQUIRE(dates.size() == 2);
    CHECK(field(dates[1], "value") == "2024-H1");
    CHECK(field(dates[1], "year_source") == "reference");
  }

  TEST_CASE("a yearless dateline takes the text's year, and later months go to the year before") {
    auto dates = dates_in(
        "**兴安讯** 7月3日，兴安盟中级人民法院召开2024年上半年工作分析会。"
        "会议回顾了12月28日以来的专项行动。");
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[0], "value") == "2024-07-03");
    CHECK(field(dates[0], "year_source") == "inferred");
    CHECK(dates[2].text == "12月28日以来");
    CHECK(field(dates[2], "value") == "2023-12-28");
  }

  TEST_CASE("explicit full dates give the reference when no page date is printed") {
    auto dates = dates_in("2024年9月10日，该院召开执行工作推进会。9月12日，督导组到基层法庭督导。今年以来，执结案件900件。");
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[1], "value") == "2024-09-12");
    CHECK(field(dates[1], "year_source") == "inferred");
    CHECK(field(dates[2], "value") == "2024");
  }

  TEST_CASE("a deadline the text sets is no sign of its year, a date a figure runs to is") {
    auto dates = dates_in(
        "截至2025年9月底，出庭应诉率达92%。今年以来，审结案件473件。"
        "审议意见于11月10日前交法院研究处理，法院应在2026年1月31日前书面报告。");
    REQUIRE(dates.size() == 4);
    CHECK(field(dates[1], "value") == "2025");  // 今年以来: the year of 截至2025年9月底, not 2026
    CHECK(field(dates[2], "value") == "2025-11-10");
    CHECK(field(dates[3], "value") == "2026-01-31");
  }

  TEST_CASE("a deadline that writes out its year gives it to the deadlines after it in its sentence") {
    auto dates = dates_in("二是深化诉源治理，2026年3月底前实现全覆盖，6月30日前完成清理。", CivilDate{2025, 12, 30});
    REQUIRE(dates.size() == 2);
    CHECK(field(dates[1], "value") == "2026-06-30");
    // The end of a run of days does not: news tells deadlines of the page's own year.
    dates = dates_in("活动持续至2026年1月31日，12月20日前完成摸排。", CivilDate{2025, 12, 1});
    REQUIRE(dates.size() == 2);
    CHECK(field(dates[1], "value") == "2025-12-20");
  }

  TEST_CASE("a meeting that sums up one year and plans the next is reported in the next") {
    auto dates = dates_in("2月22日，包头市中级人民法院召开全市法院院长会议，总结2023年全市法院工作，部署2024年工作。");
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[0], "value") == "2024-02-22");
    CHECK(field(dates[0], "year_source") == "inferred");
    CHECK(field(dates[1], "year_source") == "explicit");
  }

  TEST_CASE("去年 in a work report delivered in March 2024 is 2023") {
    auto dates = dates_in(
        "——2024年3月5日在区第十七届人民代表大会第三次会议上\n\n"
        "一、2023年工作回顾\n\n去年，全院共受理案件4.2万件。2023年，审结案件3.96万件。");
    const auto* last_year = at(dates, "去年");
    REQUIRE(last_year != nullptr);
    CHECK(field(*last_year, "value") == "2023");
    CHECK(field(*last_year, "year_source") == "reference");  // the subtitle's day is the page date
  }

  TEST_CASE("the text's year is its most frequent one, not a far plan year") {
    auto dates = dates_in("2025年，全院审结案件4127件。2025年是规划收官之年，到2035年基本实现现代化。今年，该院将持续发力。");
    const auto* this_year = at(dates, "今年");
    REQUIRE(this_year != nullptr);
    CHECK(field(*this_year, "value") == "2025");
  }

  TEST_CASE("同年 and 次年 take the year of the date told before them in the article") {
    auto dates = dates_in("2019年3月，该院设立家事审判庭；同年10月，成立少年法庭；次年3月，设立速裁团队。",
                          CivilDate{2025, 6, 27});
    REQUIRE(dates.size() == 3);
    CHECK(dates[1].text == "同年10月");
    CHECK(field(dates[1], "value") == "2019-10");
    CHECK(field(dates[1], "year_source") == "inferred");
    CHECK(dates[2].text == "次年3月");
    CHECK(field(dates[2], "value") == "2020-03");
  }

  TEST_CASE("a date without a year takes the other year its sentence states") {
    auto dates = dates_in("自去年一季度起，全省推行繁简分流改革，上半年即在12个中级法院铺开。下半年，改革覆盖全省。",
                          CivilDate{2025, 1, 18});
    REQUIRE(dates.size() == 3);
    CHECK(dates[0].text == "自去年一季度起");
    CHECK(field(dates[0], "start") == "2024-Q1");
    CHECK(dates[1].text == "上半年");
    CHECK(field(dates[1], "value") == "2024-H1");
    CHECK(dates[2].text == "下半年");  // the next sentence states no year: the reference year
    CHECK(field(dates[2], "value") == "2025-H2");
  }

  TEST_CASE("a deadline in a later clause is not of a year said relative to the page's") {
    auto dates = dates_in("中心将于明年上半年增设巡回调解点，12月20日前开通线上平台；明年3月底前完成验收。",
                          CivilDate{2025, 11, 20});
    REQUIRE(dates.size() == 3);
    CHECK(field(dates[0], "value") == "2026-H1");
    CHECK(dates[1].text == "12月20日前");
    CHECK(field(dates[1], "value") == "2025-12-20");
    CHECK(field(dates[2], "value") == "2026-03");
    // in the clause of the relative year, the deadline is of that year
    // nor of the end of a run of days written out
    auto run = dates_in("此次行动持续至2026年1月31日，各院须在12月20日前完成清理。", CivilDate{2025, 11, 20});
    REQUIRE(run.size() == 2);
    CHECK(field(run[1], "value") == "2025-12-20");
    auto same = dates_in("明年上半年完成验收、6月20日前投入使用。", CivilDate{2025, 11, 20});
    REQUIRE(same.size() == 2);
    CHECK(field(same[1], "value") == "2026-06-20");
  }

  TEST_CASE("a quarter in a sentence that states the page's own year is of that year") {
    auto dates = dates_in("2025年，全市法院共受理案件12 468件。今年是开局之年，第一季度开展攻坚活动，力争上半年结收比不低于100%。",
                          CivilDate{2026, 1, 9});
    REQUIRE(dates.size() == 4);
    CHECK(dates[2].text == "第一季度");
    CHECK(field(dates[2], "value") == "2026-Q1");
    CHECK(field(dates[3], "value") == "2026-H1");
  }

  TEST_CASE("a quarter or half year takes the year its article last wrote out, a day does not") {
    auto dates = dates_in("一、2024年主要工作\n2024年，全市检察机关受理案件12468件。第一季度，开展专项打击。"
                          "下半年，聚焦行政争议化解。1月8日，召开座谈会。",
                          CivilDate{2025, 1, 15});
    REQUIRE(dates.size() == 5);
    CHECK(dates[2].text == "第一季度");
    CHECK(field(dates[2], "value") == "2024-Q1");
    CHECK(dates[3].text == "下半年");
    CHECK(field(dates[3], "value") == "2024-H2");
    CHECK(dates[4].text == "1月8日");
    CHECK(field(dates[4], "value") == "2025-01-08");
  }

  TEST_CASE("今年 gives the rest of its paragraph back to the page's year, not the paragraphs after it") {
    auto dates = dates_in("2025年，全市法院审结案件12468件。今年，市中院将开展专项行动。第二季度完成排查。\n"
                          "下半年，聚焦行政争议化解。",
                          CivilDate{2026, 1, 15});
    REQUIRE(dates.size() == 4);
    CHECK(dates[2].text == "第二季度");
    CHECK(field(dates[2], "value") == "2026-Q2");
    CHECK(dates[3].text == "下半年");
    CHECK(field(dates[3], "value") == "2025-H2");
  }

  TEST_CASE("in a report of January a month alone takes the year written before it, a deadline does not") {
    auto dates = dates_in("一、2025年工作回顾\n3月，市中院召开全市法院推进会。各单位要在3月底前完成整改。",
                          CivilDate{2026, 1, 13});
    REQUIRE(dates.size() == 3);
    CHECK(dates[1].text == "3月");
    CHECK(field(dates[1], "value") == "2025-03");
    CHECK(dates[2].text == "3月底前");
    CHECK(field(dates[2], "value") == "2026-03");
  }

  TEST_CASE("a work report tells the days of the year it reports on, news does not") {
    const std::string body = "一、2025年工作回顾\n\n3月2日，我院召开涉企服务座谈会。";
    auto report = dates_in("江北县人民法院工作报告\n\n" + body, CivilDate{2026, 3, 10});
    REQUIRE(report.size() == 2);
    CHECK(field(report[1], "value") == "2025-03-02");
    auto news = dates_in("江北法院召开座谈会\n\n" + body, CivilDate{2026, 3, 10});
    REQUIRE(news.size() == 2);
    CHECK(field(news[1], "value") == "2026-03-02");
  }

  TEST_CASE("in a work report a month since which something runs is of the year it reports on") {
    auto report = dates_in("江北县人民检察院工作报告\n\n一、2025年工作回顾\n\n自3月起，全院开展专项行动。",
                           CivilDate{2026, 1, 15});
    REQUIRE(report.size() == 2);
    CHECK(report[1].text == "自3月起");
    CHECK(field(report[1], "value") == "2025-03");
    CHECK(field(report[1], "kind") == "since");
  }

  TEST_CASE("later in the year a yearless quarter is of the page's own year, whatever year was written") {
    auto dates = dates_in("2024年，该院审结劳动争议案件803件。各成员单位要在第三季度完成工作室建设。",
                          CivilDate{2025, 7, 16});
    REQUIRE(dates.size() == 2);
    CHECK(dates[1].text == "第三季度");
    CHECK(field(dates[1], "value") == "2025-Q3");
  }

  TEST_CASE("a year the text writes that is the reference year changes nothing") {
    auto dates = dates_in("2025年，该院审结案件3551件。上半年，结案率达95%。", CivilDate{2025, 8, 1});
    REQUIRE(dates.size() == 2);
    CHECK(field(dates[1], "value") == "2025-H1");
  }

  TEST_CASE("a date that states its own year keeps it, whatever its sentence said before") {
    auto dates = dates_in("去年全省法院审结案件120万件，今年上半年审结65万件。", CivilDate{2025, 7, 18});
    REQUIRE(dates.size() == 2);
    CHECK(field(dates[0], "value") == "2024");
    CHECK(dates[1].text == "今年上半年");
    CHECK(field(dates[1], "value") == "2025-H1");
  }

  TEST_CASE("with no year anywhere the record stays, its value null") {
    auto dates = dates_in("6月25日，该院召开座谈会。");
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].fields.find("value") == nullptr);
    CHECK(field(dates[0], "granularity") == "day");
    CHECK(field(dates[0], "kind") == "point");
    CHECK(dates[0].fields.find("year_source") == nullptr);
  }

  TEST_CASE("explain tells how the reference date was found") {
    reportex::Extractor extractor(reportex::RuleSet::builtin());
    auto ex = extractor.explain(reportex::Document::from_bytes("t.txt", "2025年06月27日 05版\n\n6月25日，该院召开座谈会。"));
    bool noted = std::any_of(ex.stages.begin(), ex.stages.end(),
                             [](const std::string& s) { return s.find("page date '2025年06月27日'") != std::string::npos; });
    CHECK(noted);
  }
}
