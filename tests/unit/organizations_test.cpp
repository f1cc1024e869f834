// Organization records and the organizations stage: canonical names from the
// pack's word lists, short forms resolved through the document, 该院 resolved
// to its antecedent, one record per body, and the court_before helper.
#include <reportex/reportex.hpp>

#include "extract/matcher.hpp"
#include "stages/stage.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace {

using Names = std::vector<std::string>;

std::vector<reportex::Record> orgs_in(const std::string& text) { return reportex_test::records_of("organization", text); }

Names names_of(const std::vector<reportex::Record>& orgs) {
  Names out;
  for (const auto& r : orgs) out.push_back(r.fields.text("name").value_or(""));
  return out;
}

// Runs matching and the stages up to organizations, to look at org_mentions.
struct Linked {
  std::shared_ptr<const reportex::RuleSet> rules = reportex::RuleSet::builtin();
  reportex::Document doc;
  std::vector<reportex::internal::WorkRecord> work;
  reportex::internal::StageContext ctx;

  explicit Linked(const std::string& text)
      : doc(reportex::Document::from_bytes("test.txt", text)), ctx{doc, rules->impl(), work} {
    using namespace reportex::internal;
    Matcher matcher(rules->impl());
    auto candidates = matcher.match(doc);
    settle(doc, candidates, false);
    work = work_records(doc, candidates, false);
    split_articles(ctx);
    resolve_organizations(ctx);
  }

  const reportex::internal::OrgMention* mention(const std::string& surface, std::size_t nth = 0) const {
    for (const auto& m : ctx.org_mentions)
      if (m.surface == surface && nth-- == 0) return &m;
    return nullptr;
  }
};

}  // namespace

TEST_SUITE("organizations") {
  TEST_CASE("full names, short forms and national aliases are canonical") {
    auto orgs = orgs_in("最高法、最高检联合发布典型案例。赤峰市中院召开会议。锡林郭勒中院推进改革。巴彦淖尔市检察院开展监督。");
    CHECK(names_of(orgs) == Names{"最高人民法院", "最高人民检察院", "赤峰市中级人民法院", "锡林郭勒盟中级人民法院",
                                  "巴彦淖尔市人民检察院"});
    CHECK(orgs[0].fields.text("kind") == "court");
    CHECK(orgs[1].fields.text("kind") == "procuratorate");
    CHECK(orgs[2].fields.list("aliases") == Names{"赤峰市中院"});
  }

  TEST_CASE("a district court's short form takes the full form the document gives") {
    auto orgs = orgs_in("包头市九原区人民法院召开大会。九原区法院全体干警参加，九原区法院院长作了讲话。");
    REQUIRE(orgs.size() == 1);
    CHECK(orgs[0].fields.text("name") == "包头市九原区人民法院");
    CHECK(orgs[0].fields.list("aliases") == Names{"九原区法院"});
    CHECK(orgs[0].mentions.size() == 3);

    // Without the full form the short one is spelled out as far as it goes, in the
    // city the word list places the district in (lexicons/district_cities.tsv).
    CHECK(names_of(orgs_in("九原区法院召开大会。")) == Names{"包头市九原区人民法院"});
  }

  TEST_CASE("in a work report 市检察院 is the reporting body and not a neighbour city named near it") {
    auto meetings = reportex_test::records_of(
        "meeting",
        "嘉峪关市人民检察院工作报告\n\n各位代表：\n\n6月12日，我院与酒泉市人民检察院召开协作座谈会。11月6日，市检察院召开拟不起诉听证会。\n");
    REQUIRE(meetings.size() == 2);
    CHECK(meetings[1].fields.text("organizer") == "嘉峪关市人民检察院");
  }

  TEST_CASE("in a transcript, 我院 is the court of the speaker whose turn it is") {
    Linked linked(
        "12月9日上午，江北市中级人民法院举行新闻发布会。市中院党组成员、副院长詹国栋，青石县人民法院副院长辜晓岚出席并答记者问。\n\n"
        "【辜晓岚】\n今年5月20日，我院召开座谈会。\n\n【詹国栋】\n今年4月，我院与邻市中院召开联席会议。\n");
    std::vector<std::string> courts;
    for (const auto& m : linked.ctx.org_mentions)
      if (m.surface == "我院") courts.push_back(m.canonical);
    CHECK(courts == Names{"青石县人民法院", "江北市中级人民法院"});
  }

  TEST_CASE("a congress's report places the courts it names by level at its own place, where they act") {
    const std::string report =
        "右玉县人民代表大会常务委员会文件\n\n关于县人民法院诉源治理工作情况的调研报告\n\n"
        "10月23日下午，调研组在县人民法院召开座谈会。2025年，县法院受理各类案件2146件。\n";
    auto counts = reportex_test::records_of("case_count", report);
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].fields.text("org") == "右玉县人民法院");
  }

  TEST_CASE("a longer name takes a court's name in only where it adds a place, not a verb before it") {
    const Names names = names_of(orgs_in("检察开放日：深入饶平县人民检察院。\n11月3日，饶平县人民检察院召开座谈会。"));
    CHECK(std::find(names.begin(), names.end(), "饶平县人民检察院") != names.end());
    // A place before it does: the short form is the full one's.
    CHECK(names_of(orgs_in("潮州市饶平县人民检察院召开大会。饶平县人民检察院全体干警参加。")) ==
          Names{"潮州市饶平县人民检察院"});
  }

  TEST_CASE("a city the word lists do not know, named by its stem, takes the court the document names in full") {
    auto orgs = orgs_in("石河子市中级人民法院召开推进会。其中，石河子中院受理金融纠纷案件1138件。"
                        "云岭藏族自治州中级人民法院通报情况，云岭州中院受理执行案件892件。");
    CHECK(names_of(orgs) == Names{"石河子市中级人民法院", "云岭藏族自治州中级人民法院"});
    REQUIRE(orgs.size() == 2);
    CHECK(orgs[0].fields.list("aliases") == Names{"石河子中院"});
    CHECK(orgs[1].fields.list("aliases") == Names{"云岭州中院"});

    // 州 may be part of the city's name itself.
    CHECK(names_of(orgs_in("湖州市中级人民法院党组书记出席。去年，湖州中院上线诉源治理平台。")) ==
          Names{"湖州市中级人民法院"});

    // Without that full form the stem names no body: it is no record.
    CHECK(orgs_in("其中，石河子中院受理金融纠纷案件1138件。").empty());
    // A listed city's stem needs none.
    CHECK(names_of(orgs_in("其中，牡丹江中院受理金融纠纷案件1138件。")) == Names{"牡丹江市中级人民法院"});
  }

  TEST_CASE("a verb phrase before 市中院 names no court of its own: the figures after it keep the article's") {
    const auto records = reportex_test::records_of(
        "money", "10月21日，齐齐哈尔市中级人民法院召开推进会。这是市中院连续第三年召开推进会。"
                 "会议通报，全市法院共受理涉农案件6842件；其中审结土地流转纠纷1206件，为农户挽回经济损失2863.5万元。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields.text("org") == "齐齐哈尔市中级人民法院");
  }

  TEST_CASE("a court named by a listed city's stem is as good as its full name for the short forms after it") {
    auto orgs = orgs_in("9月15日，牡丹江中院举办培训班。开班式由市中院副院长伏海涛主持。");
    REQUIRE(orgs.size() == 1);
    CHECK(orgs[0].fields.text("name") == "牡丹江市中级人民法院");
    CHECK(orgs[0].mentions.size() == 2);
  }

  TEST_CASE("another body named by its level alone is of the place of the article's court") {
    auto people = reportex_test::records_of(
        "person", "10月28日，重庆市綦江区人民法院召开推进会，区人大常委会副主任刘嘉骏、市人社局副局长王敏、"
                  "区妇联主席甘秀兰出席会议。");
    REQUIRE(people.size() == 3);
    CHECK(people[0].fields.text("org") == "重庆市綦江区人民代表大会常务委员会");
    CHECK(people[1].fields.text("org") == "重庆市人力资源和社会保障局");
    CHECK(people[2].fields.text("org") == "重庆市綦江区妇女联合会");
    // Without a court of that level in the article the body stays unknown.
    auto unknown = reportex_test::records_of("person", "重庆市高级人民法院召开推进会，区人大常委会副主任刘嘉骏出席会议。");
    REQUIRE(unknown.size() == 1);
    CHECK_FALSE(unknown[0].fields.text("org").has_value());
  }

  TEST_CASE("a district's court named without its city takes the one city the page names") {
    CHECK(names_of(orgs_in("大连市人民检察院开展专项监督。金州区人民检察院办理案件31件，甘井子区人民检察院接待来访412人次。")) ==
          Names{"大连市人民检察院", "大连市金州区人民检察院", "大连市甘井子区人民检察院"});
    // Two cities on the page: which one is not known, for a district the word list does not place.
    CHECK(names_of(orgs_in("大连市人民检察院、沈阳市人民检察院联合发文。金港区人民检察院办理案件31件。")) ==
          Names{"大连市人民检察院", "沈阳市人民检察院", "金港区人民检察院"});
    // One it places is of its city whatever the page names.
    CHECK(names_of(orgs_in("大连市人民检察院、沈阳市人民检察院联合发文。金州区人民检察院办理案件31件。")) ==
          Names{"大连市人民检察院", "沈阳市人民检察院", "大连市金州区人民检察院"});
    // A county that became a district keeps 县 in its name.
    CHECK(names_of(orgs_in("三明市中级人民法院召开座谈会。沙县区人民法院审结涉林案件19件。")) ==
          Names{"三明市中级人民法院", "三明市沙县区人民法院"});
  }

  TEST_CASE("on a page of several cities, a district's body takes the one city its article names") {
    const auto names = names_of(orgs_in(
        "**沈阳讯**　沈阳市人民检察院召开推进会。\n\n**大连讯**　大连市人民检察院开展专项监督，金州区人民检察院办理案件31件。"));
    CHECK(std::find(names.begin(), names.end(), "大连市金州区人民检察院") != names.end());
    // An article naming two cities' bodies leaves it unknown.
    CHECK(names_of(orgs_in("**大连讯**　大连市人民检察院、沈阳市人民检察院联合发文。金港区人民检察院办理案件31件。")) ==
          Names{"大连市人民检察院", "沈阳市人民检察院", "金港区人民检察院"});
  }

  TEST_CASE("a district the page places in one city is of that city in every article, its party committee too") {
    const auto names = names_of(orgs_in(
        "**大连讯**　大连市人民检察院召开推进会，金州区人民检察院派员参加。\n\n**沈阳讯**　沈阳市人民检察院开展专项监督。"
        "\n\n**金州讯**　金州区人民检察院办理案件31件。会上，金州区委政法委书记张三讲话。"));
    CHECK(std::count(names.begin(), names.end(), "大连市金州区人民检察院") == 1);
    CHECK(std::find(names.begin(), names.end(), "中共大连市金州区委政法委员会") != names.end());
    CHECK(std::find(names.begin(), names.end(), "金州区人民检察院") == names.end());
    // A district the page puts in two cities stays as written.
    CHECK(names_of(orgs_in("大连市金港区人民法院、锦州市金港区人民法院召开会议。\n\n金港区人民检察院办理案件31件。")).back() ==
          "金港区人民检察院");
  }

  TEST_CASE("a body named by its level in an article datelined with its place is of that place") {
    auto org_of_person = [](const std::string& text) {
      const auto people = reportex_test::records_of("person", text);
      REQUIRE(people.size() == 1);
      return people[0].fields.text("org").value_or("");
    };
    CHECK(org_of_person("**青溪讯**　青溪县人民检察院召开推进会。\n\n**石门讯**　12月2日，石门县旅游市场整治联席会议"
                        "在县人民检察院召开，县人民检察院检察长钱立主持。") == "石门县人民检察院");
    // Without the place written out, the dateline's level is not known: the full form stands.
    CHECK(org_of_person("**青溪讯**　青溪县人民检察院召开推进会。\n\n**石门讯**　12月2日，联席会议在县人民检察院召开，"
                        "县人民检察院检察长钱立主持。") == "青溪县人民检察院");
  }

  TEST_CASE("a county-level city's basic court names no city for the districts on its page") {
    const auto names = names_of(orgs_in("江北市中院召开推进会，青溪市人民法院、石门区人民法院作交流发言。"));
    CHECK(std::find(names.begin(), names.end(), "石门区人民法院") != names.end());
    CHECK(std::find(names.begin(), names.end(), "青溪市石门区人民法院") == names.end());
  }

  TEST_CASE("the courts of a city together are no organization") {
    CHECK(orgs_in("近年来，鄂尔多斯法院聚焦公平与效率主题，全市法院共审结案件1200件，两级法院协同推进。").empty());
    Linked linked("鄂尔多斯法院加强交叉执行，鄂尔多斯市中院共决定交叉执行案件3715件。截至目前，该院执行完毕615件。");
    REQUIRE(linked.mention("鄂尔多斯法院") != nullptr);
    CHECK(linked.mention("鄂尔多斯法院")->canonical.empty());
    // The article's court is its first court mention, unresolvable here...
    REQUIRE(linked.ctx.article_org.size() == 1);
    CHECK(linked.ctx.article_org[0].empty());
    // ...but 该院 refers back to the last court that has a name.
    CHECK(linked.mention("该院")->canonical == "鄂尔多斯市中级人民法院");
  }

  TEST_CASE("该院, 本院 and 院党组 resolve to the last court named before them in the article") {
    Linked linked(
        "**通辽讯** 通辽市中级人民法院指导开鲁县人民法院开展工作。该院党组高度重视。\n\n"
        "会议要求抓好落实。\n\n"
        "**乌海讯** 乌海市人民检察院召开会议，本院干警参加。加强队伍建设是院党组的责任。");
    CHECK(linked.mention("该院")->canonical == "开鲁县人民法院");
    CHECK(linked.mention("本院")->canonical == "乌海市人民检察院");
    CHECK(linked.mention("本院")->kind == "procuratorate");
    CHECK(linked.mention("院党组")->canonical == "乌海市人民检察院");
    REQUIRE(linked.ctx.article_org.size() == 2);
    CHECK(linked.ctx.article_org[0] == "通辽市中级人民法院");
    CHECK(linked.ctx.article_org[1] == "乌海市人民检察院");
  }

  TEST_CASE("a court quoted as the source of guidance is no antecedent of 该院") {
    Linked linked(
        "3月3日，鄂托克旗人民法院召开党组会议。会议要求，全院干警要深入学习贯彻最高人民法院院长在座谈会上的讲话精神。"
        "会后，该院各部门迅速行动，落实自治区高级人民法院工作部署。");
    const auto* national = linked.mention("最高人民法院");
    REQUIRE(national != nullptr);
    CHECK(national->cited);
    CHECK_FALSE(linked.mention("鄂托克旗人民法院")->cited);
    CHECK(linked.mention("自治区高级人民法院")->cited);
    CHECK(linked.mention("该院")->canonical == "鄂托克旗人民法院");
    REQUIRE(linked.ctx.article_org.size() == 1);
    CHECK(linked.ctx.article_org[0] == "鄂托克旗人民法院");
  }

  TEST_CASE("a court that acts in the clause of a citing verb is not cited") {
    Linked linked("鄂托克旗人民法院传达学习最高人民法院工作报告精神。该院党组高度重视。");
    CHECK_FALSE(linked.mention("鄂托克旗人民法院")->cited);
    CHECK(linked.mention("最高人民法院")->cited);
    CHECK(linked.mention("该院")->canonical == "鄂托克旗人民法院");
  }

  TEST_CASE("a procuratorate that passes on the one acting's work is no antecedent either") {
    Linked linked(
        "额敏县人民检察院办理司法救助案件21件。今年，该院经验被自治区人民检察院转发推广。11月28日，该院牵头召开联席会议。");
    CHECK(linked.mention("自治区人民检察院")->cited);
    int references = 0;
    for (const auto& m : linked.ctx.org_mentions)
      if (m.surface == "该院") {
        ++references;
        CHECK(m.canonical == "额敏县人民检察院");
      }
    CHECK(references == 2);
  }

  TEST_CASE("a court that honours the one acting is no antecedent either, one that judges is") {
    Linked honoured("路北区人民法院审结案件215件。6月，我院诉讼服务中心被最高人民法院评为先进单位。该院执结案件97件。");
    CHECK(honoured.mention("最高人民法院")->cited);
    CHECK(honoured.mention("该院")->canonical == "唐山市路北区人民法院");
    Linked judging("被告人王某被赤峰市中级人民法院判处有期徒刑三年。");
    CHECK_FALSE(judging.mention("赤峰市中级人民法院")->cited);  // 被 before it, but no honour after
  }

  TEST_CASE("court_before gives the last named court of the article before a position") {
    Linked linked("**兴安讯** 兴安盟中级人民法院召开会议。该院审结案件500件。\n\n会议要求抓好落实。\n\n**乌海讯** 近日召开会议。");
    REQUIRE(linked.ctx.articles.size() == 2);
    const std::string_view text = linked.doc.text();
    const std::size_t counted = text.find("审结");
    const auto* court = reportex::internal::court_before(linked.ctx, counted, linked.mention("该院")->article);
    REQUIRE(court != nullptr);
    CHECK(court->canonical == "兴安盟中级人民法院");
    CHECK(reportex::internal::court_before(linked.ctx, text.find("兴安盟"), 0) == nullptr);
    CHECK(reportex::internal::court_before(linked.ctx, text.find("近日"), 1) == nullptr);  // another article
  }

  TEST_CASE("an unresolvable reference yields no record") {
    CHECK(orgs_in("该院坚持把学习研讨作为主线。").empty());
  }

  TEST_CASE("省法院 is the province's high court, 州检察院 the prefecture's procuratorate") {
    auto orgs = orgs_in("吉林省高级人民法院召开会议。省法院受理案件1.2万件。");
    REQUIRE(orgs.size() == 1);
    CHECK(orgs[0].fields.text("name") == "吉林省高级人民法院");
    CHECK(orgs[0].mentions.size() == 2);

    auto prefecture = orgs_in("延边朝鲜族自治州人民检察院召开会议。州检察院各部门负责人参加。");
    REQUIRE(prefecture.size() == 1);
    CHECK(prefecture[0].fields.text("name") == "延边朝鲜族自治州人民检察院");
    CHECK(prefecture[0].fields.text("kind") == "procuratorate");
    CHECK(prefecture[0].fields.list("aliases") == Names{"州检察院"});

    // With no high court named, 省法院 names no body.
    CHECK(orgs_in("省法院受理案件1.2万件。").empty());
  }

  TEST_CASE("an unlisted district after a listed city is a court, and 该院 resolves to it") {
    auto orgs = orgs_in("绿园区法院开展集中执行\n\n1月5日，长春市绿园区人民法院召开会议。该院党组书记、院长出席。");
    REQUIRE(orgs.size() == 1);
    CHECK(orgs[0].fields.text("name") == "长春市绿园区人民法院");
    CHECK(orgs[0].mentions.size() == 2);  // the full name and 该院
    auto people = reportex::Extractor(reportex::RuleSet::builtin())
                      .extract(reportex::Document::from_bytes(
                          "t.txt", "1月5日，长春市绿园区人民法院召开会议。该院党组书记、院长关晓宇出席。"));
    bool found = false;
    for (const auto& r : people)
      if (r.type == "person") {
        found = true;
        CHECK(reportex::Person::from(r)->org == "长春市绿园区人民法院");
      }
    CHECK(found);
  }

  TEST_CASE("a district named with one character before 区 (矿区, 城区) takes the page city") {
    auto orgs = orgs_in("江北市人民检察院召开推进会。矿区人民检察院、城区人民检察院作交流发言。");
    std::vector<std::string> names;
    for (const auto& o : orgs) names.push_back(o.fields.text("name").value_or(""));
    CHECK(std::find(names.begin(), names.end(), "江北市矿区人民检察院") != names.end());
    CHECK(std::find(names.begin(), names.end(), "江北市城区人民检察院") != names.end());
  }

  TEST_CASE("我院 in a court's work report is that court, even after another court convened something") {
    auto counts = reportex_test::records_of(
        "case_count",
        "江北县人民法院工作报告\n\n各位代表：\n\n6月12日，青石市中级人民法院在我县召开全市法院工作现场会。"
        "我院网上立案2871件。全年审结行政案件126件。");
    REQUIRE(counts.size() == 2);
    CHECK(counts[0].fields.text("org") == "江北县人民法院");
    CHECK(counts[1].fields.text("org") == "江北县人民法院");  // the prefecture's court came to the county: a visitor
  }
}
