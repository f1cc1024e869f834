// Meeting records: the trigger rules of rules/zh-court/meetings.toml and the
// meetings stage (frames across sentences, coordinated names, merging).
#include <reportex/reportex.hpp>

#include "extract/matcher.hpp"
#include "stages/stage.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace {

using Names = std::vector<std::string>;

std::vector<reportex::Record> meetings_in(const std::string& text) { return reportex_test::records_of("meeting", text); }

const reportex::Record* named(const std::vector<reportex::Record>& meetings, const std::string& name) {
  for (const auto& m : meetings)
    if (m.fields.text("name") == name) return &m;
  return nullptr;
}

// Runs matching and the meetings stage with date records whose values are
// given here, so the date linking is tested apart from the dates stage.
std::vector<reportex::internal::WorkRecord> link_with_dates(
    const std::string& text, const std::vector<std::pair<std::string, std::string>>& dates) {
  using namespace reportex::internal;
  auto rules = reportex::RuleSet::builtin();
  auto doc = reportex::Document::from_bytes("test.txt", text);
  Matcher matcher(rules->impl());
  auto candidates = matcher.match(doc);
  settle(doc, candidates, false);
  std::vector<WorkRecord> work = work_records(doc, candidates, false);
  std::erase_if(work, [](const WorkRecord& w) { return w.type == "date"; });
  for (const auto& [surface, value] : dates) {
    auto at = doc.text().find(surface);
    REQUIRE(at != std::string::npos);
    WorkRecord d;
    d.type = "date";
    d.span = {at, at + surface.size()};
    for (std::size_t s = 0; s < doc.sentences().size(); ++s)
      if (doc.sentences()[s].normalized.begin <= at && at < doc.sentences()[s].normalized.end) {
        d.sentence = static_cast<int>(s);
        d.paragraph = doc.sentences()[s].paragraph;
      }
    d.fields.set("value", value);
    d.fields.set("kind", std::string("point"));
    work.push_back(std::move(d));
  }
  std::stable_sort(work.begin(), work.end(), [](const auto& a, const auto& b) { return a.span.begin < b.span.begin; });
  StageContext ctx{doc, rules->impl(), work};
  split_articles(ctx);
  link_meetings(ctx);
  std::vector<WorkRecord> out;
  for (auto& w : work)
    if (w.type == "meeting" && !w.dropped) out.push_back(std::move(w));
  return out;
}

}  // namespace

TEST_SUITE("meetings") {
  TEST_CASE("X召开Y: convener, presider, attendees and speakers from the following clauses") {
    auto m = meetings_in(
        "7月9日，锡林浩特市人民法院召开2025年上半年审判质效分析会，该院党组书记、院长那日苏主持会议并讲话，"
        "党组成员、副院长白玉山通报审判运行情况，党组成员、副院长其其格及各部门负责人参加会议。\n\n"
        "会议强调，要坚持问题导向，院长那日苏要求各庭室对标对表。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "2025年上半年审判质效分析会");
    CHECK(m[0].fields.text("kind") == "分析会");
    CHECK(m[0].fields.text("organizer") == "锡林浩特市人民法院");
    CHECK(m[0].fields.list("presiders") == Names{"那日苏"});
    // Who reports at the meeting attends it; the presider is listed once, as presider.
    CHECK(m[0].fields.list("attendees") == Names{"其其格", "各部门负责人", "白玉山"});
    CHECK(m[0].fields.list("speakers") == Names{"那日苏", "白玉山"});
  }

  TEST_CASE("a spokesman who reports and a lecturer speak at the meeting") {
    auto m = meetings_in(
        "9月3日，黎平县人民法院举行涉农纠纷审判白皮书新闻发布会，发布会由政治部主任龙秀英主持，"
        "党组成员、副院长、新闻发言人吴江海通报了有关情况，凯里学院法学院副教授杨再林作专题辅导。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("presiders") == Names{"龙秀英"});
    // The 发言 of 新闻发言人 is his title, not his speaking: 通报 is.
    CHECK(m[0].fields.list("speakers") == Names{"吴江海", "杨再林"});
    CHECK(m[0].fields.list("attendees") == Names{"吴江海", "杨再林"});
  }

  TEST_CASE("how and where one takes part is no part of who it is") {
    auto m = meetings_in(
        "11月3日，江北市中级人民法院召开执行工作推进会，副院长王立主持会议，执行局局长汲雪松逐项通报执行质效，"
        "各基层法院院长、分管副院长等42人在7个分会场参加会议。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("presiders") == Names{"王立"});
    CHECK(m[0].fields.list("attendees") == Names{"各基层法院院长、分管副院长等42人", "汲雪松"});
  }

  TEST_CASE("a person named before 和 or 及其他 is an attendee of his own") {
    auto m = meetings_in(
        "9月4日下午，江北县人民法院召开法治院坝会，副院长王立主持，东赵村党支部书记鱼长安和村民代表30余人参加。"
        "审判委员会专职委员井立新及其他审判委员会委员列席会议。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") == Names{"鱼长安", "村民代表30余人", "井立新", "其他审判委员会委员"});
  }

  TEST_CASE("a counted group is one attendee, distinct groups are split") {
    auto m = meetings_in(
        "**通辽讯** 6月12日，开鲁县人民法院召开征求意见座谈会，开鲁县人民法院党组书记、院长包宏伟出席座谈会并讲话，"
        "8位人大代表、政协委员、人民陪审员代表受邀参加。该院领导班子成员、各庭室负责人及相关联络员参加座谈。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "征求意见座谈会");
    CHECK(m[0].fields.list("presiders").empty());
    CHECK(m[0].fields.list("attendees") ==
          Names{"包宏伟", "8位人大代表、政协委员、人民陪审员代表", "领导班子成员", "各庭室负责人", "相关联络员"});
    CHECK(m[0].fields.list("speakers") == Names{"包宏伟"});
  }

  TEST_CASE("units listed before 等…负责人 are one group") {
    auto m = meetings_in(
        "11月20日，牡丹江市中级人民法院召开金融纠纷化解推进会，副院长宋立新主持会议。"
        "中院民二庭、执行局、立案庭等部门负责人参加会议，各县（市）区法院分管院长及相关庭室负责人在分会场参加会议。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") ==
          Names{"中院民二庭、执行局、立案庭等部门负责人", "各县(市)区法院分管院长", "相关庭室负责人"});
  }

  TEST_CASE("a head count closing the phrase makes it one group, and a count after 共 is not part of its name") {
    auto m = meetings_in(
        "9月10日，阿克苏地区中级人民法院召开全地区法院人民法庭工作推进会，副院长李明主持会议。"
        "各县（市）法院分管副院长、人民法庭庭长共40余人参加会议。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") == Names{"各县(市)法院分管副院长、人民法庭庭长"});
    auto without = meetings_in(
        "10月17日，松山区人民检察院召开检察业务质效分析会，检察长朝鲁主持会议，各部门负责人及业务骨干40余人参加会议。");
    REQUIRE(without.size() == 1);
    CHECK(without[0].fields.list("attendees") == Names{"各部门负责人及业务骨干40余人"});
  }

  TEST_CASE("a group is not split inside parentheses, after a short list of levels, or at 及其") {
    auto m = meetings_in(
        "11月17日上午，盐都区人民法院召开劳动争议审判工作新闻发布会，副院长昝玉婷主持会议。"
        "各镇（街道、园区）调解组织负责人出席会议，省、市9家媒体的记者参加发布会。"
        "犯罪嫌疑人、被害人及其近亲属到场参加。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") ==
          Names{"各镇(街道、园区)调解组织负责人", "省、市9家媒体的记者", "犯罪嫌疑人", "被害人及其近亲属"});
  }

  TEST_CASE("named members before 等 and a count are people of their own, and the count is the group") {
    auto m = meetings_in(
        "12月15日下午，长治市人民检察院召开代表委员及企业家座谈会，副检察长常海波主持座谈会。"
        "市人大代表令狐建英，以及某公司董事长廉国栋、某公司总经理樊晓燕等6名民营企业负责人受邀参加座谈。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") == Names{"令狐建英", "廉国栋", "樊晓燕", "6名民营企业负责人"});
  }

  TEST_CASE("later in its article: who speaks at the meeting attends it, a summary of other sittings does not") {
    auto m = meetings_in(
        "1月13日，四平市中级人民法院召开全市法院工作会议，副院长端木红霞主持会议，院长郏振东作工作报告。\n\n"
        "市人大代表符春林、市政协委员揭晓梅，相关部门负责人列席。\n\n"
        "会上，梨树县人民法院院长巩慧敏、双辽市人民法院副院长衣红军先后作交流发言。\n\n"
        "据了解，今年以来，全市两级检察院检察长共列席同级法院审判委员会会议23次。\n\n"
        "端木红霞在主持时强调，要细化任务清单。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("presiders") == Names{"端木红霞"});
    CHECK(m[0].fields.list("attendees") ==
          Names{"符春林", "揭晓梅", "相关部门负责人", "郏振东", "巩慧敏", "衣红军"});
  }

  TEST_CASE("a person the article named before is known by the bare name") {
    auto m = meetings_in(
        "长治市人民检察院党组书记、检察长苗振东出席活动。\n\n"
        "12月16日上午，市检察院召开党组会议，苗振东主持会议并提出具体要求，院领导班子成员参加会议。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("presiders") == Names{"苗振东"});
    CHECK(m[0].fields.list("attendees") == Names{"院领导班子成员"});
  }

  TEST_CASE("a name holding 和 stays whole, and where attendees sat is not an attendee") {
    auto meetings = meetings_in(
        "11月20日，锡林郭勒盟中级人民法院以视频形式召开全盟法院审判管理工作会议，审判委员会专职委员布和主持会议，"
        "各基层法院院长在分会场参加会议。");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].fields.text("name") == "全盟法院审判管理工作会议");
    CHECK(meetings[0].fields.list("presiders") == std::vector<std::string>{"布和"});
    CHECK(meetings[0].fields.list("attendees") == std::vector<std::string>{"各基层法院院长"});
  }

  TEST_CASE("people listed before a comma attend with the clause that says so, how they joined is no attendee") {
    auto meetings = meetings_in(
        "7月15日，张掖市中级人民法院召开上半年审判执行工作分析会。该院党组书记、院长周立新主持会议并讲话，"
        "党组成员、副院长韩建军、刘雅琴，党组成员、政治部主任高振海出席会议，各县区法院院长在分会场通过视频方式参加会议。");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].fields.list("presiders") == Names{"周立新"});
    CHECK(meetings[0].fields.list("attendees") == Names{"韩建军", "刘雅琴", "高振海", "各县区法院院长"});
  }

  TEST_CASE("groups listed before a comma attend too, 以及 separates counted groups") {
    auto meetings = meetings_in(
        "10月9日，綦江区人民法院召开诉源治理推进会，副院长杜明主持会议。区司法局、区信访办等9家单位分管负责人，"
        "18个镇街政法委员以及“共享法庭”庭务主任代表参加会议。");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].fields.list("presiders") == Names{"杜明"});
    CHECK(meetings[0].fields.list("attendees") ==
          Names{"区司法局、区信访办等9家单位分管负责人", "18个镇街政法委员", "“共享法庭”庭务主任代表"});
  }

  TEST_CASE("主持 with what is presided over says who presided, 到场 and 到会 say who attended") {
    auto meetings = meetings_in(
        "11月10日，梧州市中级人民法院召开年轻干部座谈会，执行局局长曾明主持座谈，院长谭华到场与青年干警交流，"
        "审判委员会专职委员黄燕到会通报情况。");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].fields.list("presiders") == Names{"曾明"});
    CHECK(meetings[0].fields.list("attendees") == Names{"谭华", "黄燕"});
  }

  TEST_CASE("a clause that is not only people lets the people before it go") {
    auto meetings = meetings_in(
        "张掖市中级人民法院召开审判执行工作分析会，院长周立新，全面部署下半年工作，政治部主任高振海出席会议。");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].fields.list("attendees") == Names{"高振海"});
  }

  TEST_CASE("和 between two people still separates them") {
    auto meetings = meetings_in("锡林郭勒盟中级人民法院召开党组会议，院长孟和主持会议，副院长王军和副院长李明出席会议。");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].fields.list("presiders") == std::vector<std::string>{"孟和"});
    CHECK(meetings[0].fields.list("attendees") == std::vector<std::string>{"王军", "李明"});
  }

  TEST_CASE("X开展集体学习: the court is the convener, the name is 集体学习") {
    auto m = meetings_in(
        "8月5日，鄂伦春自治旗人民法院党组理论学习中心组开展集体学习，该院党组书记、院长达瓦主持会议，"
        "中心组全体成员参加学习。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "集体学习");
    CHECK(m[0].fields.text("kind") == "集体学习");
    CHECK(m[0].fields.text("organizer") == "鄂伦春自治旗人民法院");
    CHECK(m[0].fields.list("presiders") == Names{"达瓦"});
    CHECK(m[0].fields.list("attendees") == Names{"中心组全体成员"});
  }

  TEST_CASE("Y在Z召开: the place is the location, a 全盟 meeting has no single convener") {
    auto m = meetings_in(
        "7月2日，全盟法院诉源治理工作现场会在扎鲁特旗召开。通辽市中级人民法院党组书记、院长吉日嘎拉出席会议并讲话，"
        "党组成员、副院长包海军主持会议，各旗县法院分管副院长、诉讼服务中心主任参加会议。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "全盟法院诉源治理工作现场会");
    CHECK(m[0].fields.text("location") == "扎鲁特旗");
    CHECK_FALSE(m[0].fields.text("organizer"));
    CHECK(m[0].fields.list("presiders") == Names{"包海军"});
    CHECK(m[0].fields.list("attendees") == Names{"吉日嘎拉", "各旗县法院分管副院长", "诉讼服务中心主任"});
  }

  TEST_CASE("Y召开: a court's name before the meeting's name is its convener") {
    auto m = meetings_in("7月28日，扎兰屯市人民法院2025年上半年执行工作分析会议召开。该院院长赵德胜主持会议。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "2025年上半年执行工作分析会议");
    CHECK(m[0].fields.text("organizer") == "扎兰屯市人民法院");
    CHECK(m[0].fields.list("presiders") == Names{"赵德胜"});

    auto party = meetings_in("近日，呼和浩特市委政法工作会议召开，部署今年政法工作。");
    REQUIRE(party.size() == 1);
    CHECK(party[0].fields.text("name") == "呼和浩特市委政法工作会议");
    CHECK_FALSE(party[0].fields.text("organizer"));
  }

  TEST_CASE("开幕/闭幕 report a meeting as held") {
    auto m = meetings_in("8月1日，全区法院知识产权审判研讨会在呼和浩特开幕。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("kind") == "研讨会");
    auto closed = meetings_in("9月3日，锡林郭勒盟第五届人民代表大会第二次会议闭幕。");
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].fields.text("name") == "锡林郭勒盟第五届人民代表大会第二次会议");
  }

  TEST_CASE("X举办/举行Y") {
    auto m = meetings_in("近日，多伦县人民法院举办“法护民企”主题论坛。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "“法护民企”主题论坛");
    CHECK(m[0].fields.text("kind") == "论坛");
    auto held = meetings_in("7月3日，阿荣旗人民检察院举行检察开放日暨司法救助金集中发放活动。");
    REQUIRE(held.size() == 1);
    CHECK(held[0].fields.text("name") == "检察开放日暨司法救助金集中发放活动");
    CHECK(held[0].fields.text("kind") == "发放活动");
  }

  TEST_CASE("暨 joins two names of one session into one record") {
    auto m = meetings_in("3月12日，赤峰市召开全市法院执行工作推进会暨执行质效会商会，全面部署今年执行工作。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "全市法院执行工作推进会暨执行质效会商会");
    CHECK(m[0].fields.text("organizer") == "赤峰市");  // as written: the text names the city, not a body
  }

  TEST_CASE("the convener named earlier in the sentence") {
    auto m = meetings_in("会后，通辽市人民检察院第一时间组织传达，随即召开全市检察长会，研究落实措施。");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "全市检察长会");
    CHECK(m[0].fields.text("organizer") == "通辽市人民检察院");
  }

  TEST_CASE("相继召开: one meeting per level, the city level merges with its later report") {
    auto m = meetings_in(
        "近期，中央、自治区、呼和浩特市政法工作会议相继召开。\n\n"
        "3月4日，呼和浩特市委政法工作会议召开，会议部署了六项重点工作。全市法院要认真贯彻呼和浩特市委政法工作会议精神。");
    REQUIRE(m.size() == 3);
    CHECK(named(m, "中央政法工作会议") != nullptr);
    CHECK(named(m, "自治区政法工作会议") != nullptr);
    const auto* city = named(m, "呼和浩特市委政法工作会议");
    REQUIRE(city != nullptr);
    CHECK(city->mentions.size() == 3);  // the list, the report, the later mention
  }

  TEST_CASE("the headline and the lead are one meeting, the lead gives name and date") {
    auto linked = link_with_dates(
        "## 临河区检察院召开上半年检察业务数据会商会\n\n"
        "7月8日，巴彦淖尔市临河区人民检察院召开2025年上半年检察业务数据会商会，总结2024年以来的经验。",
        // A date inside the headline's name is not the day the meeting met.
        {{"上半年", "2025-H1"}, {"7月8日", "2025-07-08"}, {"2024年以来", "2024"}});
    REQUIRE(linked.size() == 1);
    CHECK(linked[0].fields.text("name") == "2025年上半年检察业务数据会商会");
    CHECK(linked[0].fields.text("date") == "2025-07-08");
    CHECK(linked[0].fields.text("organizer") == "巴彦淖尔市临河区人民检察院");
    CHECK(linked[0].mentions.size() == 1);
  }

  TEST_CASE("the date is the one of the meeting's own clause") {
    auto linked = link_with_dates("2月22日，鄂尔多斯市中级人民法院召开全市法院院长会议，总结2023年工作，部署2024年任务。",
                                  {{"2月22日", "2024-02-22"}, {"2023年", "2023"}, {"2024年", "2024"}});
    REQUIRE(linked.size() == 1);
    CHECK(linked[0].fields.text("date") == "2024-02-22");

    auto undated = link_with_dates("近期，乌海市委政法工作会议召开，2025年全市政法工作目标明确。", {{"2025年", "2025"}});
    REQUIRE(undated.size() == 1);
    CHECK_FALSE(undated[0].fields.text("date"));
  }

  TEST_CASE("meetings with different days are not merged") {
    auto linked = link_with_dates(
        "3月1日，包头市召开全市法院院长会议。\n\n4月2日，包头市召开全市法院院长会议。",
        {{"3月1日", "2025-03-01"}, {"4月2日", "2025-04-02"}});
    CHECK(linked.size() == 2);
  }

  TEST_CASE("会议指出/强调 adds nothing, and the next meeting ends the frame") {
    auto m = meetings_in(
        "**乌海讯** 7月11日，乌海市中级人民法院召开审判管理工作推进会。该院院长额尔敦主持会议。\n\n"
        "会议强调，全体干警要参加岗位练兵，副院长阎志刚主持相关工作。\n\n"
        "**兴安讯** 7月14日，兴安盟中级人民法院召开执行工作调度会，副院长冀红梅主持会议，各庭室负责人参加会议。");
    REQUIRE(m.size() == 2);
    CHECK(m[0].fields.list("presiders") == Names{"额尔敦"});
    CHECK(m[0].fields.list("attendees").empty());
    CHECK(m[1].fields.list("presiders") == Names{"冀红梅"});
    CHECK(m[1].fields.list("attendees") == Names{"各庭室负责人"});
  }

  TEST_CASE("plans, routines and standing mechanisms are not meetings") {
    CHECK(meetings_in("该院与旗政府建立沟通机制，定期召开府院联席会议，共商化解举措。").empty());
    CHECK(meetings_in("该院健全专业法官会议制度，完善审判质效分析例会制度。").empty());
    CHECK(meetings_in("各党支部要在4月底前召开专题组织生活会，逐条对照检查。").empty());
    CHECK(meetings_in("目前，该院正积极筹备第三届蒙晋冀长城金三角司法协作交流会。").empty());
    CHECK(meetings_in("该院常态化召开审判委员会会议，研究重大疑难案件。").empty());
    CHECK(meetings_in("上半年，该院召开新闻发布会4场，发布典型案例27件。").empty());
    CHECK(meetings_in("该院党组坚持每月开展2次集体学习。").empty());
  }

  TEST_CASE("meetings cited as guidance are not meetings") {
    CHECK(meetings_in("全院干警要深入学习贯彻党的二十大和二十届三中全会精神。").empty());
    CHECK(meetings_in("认真学习领会习近平总书记在民营企业座谈会上的重要讲话精神。").empty());
    CHECK(meetings_in("会上传达学习了中央、自治区、市政法工作会议精神。").empty());
    CHECK(meetings_in("会议召开前，各部门报送了上半年工作总结。").empty());
  }

  TEST_CASE("a course opens like a meeting: 培训班开班, its presider of the 开班式 and the trainees") {
    auto m = meetings_in(
        "2025-04-16\n\n4月14日，巴彦淖尔市中级人民法院2025年新录用司法警察入职培训班开班，28名新录用司法警察参加培训。"
        "该院政治部主任萨仁高娃主持开班式，党组成员、副院长郝建平出席并作动员讲话。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "2025年新录用司法警察入职培训班");
    CHECK(m[0].fields.text("kind") == "培训班");
    CHECK(m[0].fields.text("organizer") == "巴彦淖尔市中级人民法院");
    CHECK(m[0].fields.text("date") == "2025-04-14");
    CHECK(m[0].fields.list("presiders") == Names{"萨仁高娃"});
    CHECK(m[0].fields.list("attendees") == Names{"28名新录用司法警察", "郝建平"});
  }

  TEST_CASE("the trainees counted on the course's day have that day as period, not the year in its name") {
    reportex::Extractor extractor(reportex::RuleSet::builtin());
    auto records = extractor.extract(reportex::Document::from_bytes(
        "test.txt", "2025-04-16\n\n4月14日，巴彦淖尔市中级人民法院2025年新录用司法警察入职培训班开班，28名新录用司法警察参加培训。\n"));
    auto trainees = std::find_if(records.begin(), records.end(), [](const auto& r) { return r.type == "quantity"; });
    REQUIRE(trainees != records.end());
    CHECK(trainees->fields.text("period") == "2025-04-14");
  }

  TEST_CASE("会议由X主持 after the trigger, a transliterated name keeps its middle dot") {
    auto m = meetings_in(
        "2025-06-12\n\n6月10日，该院召开执行质效分析会，通报上半年执行指标运行情况。"
        "会议由党组成员、副院长古丽米拉·阿不都热依木主持。会议要求，要紧盯短板逐项整改。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("presiders") == Names{"古丽米拉·阿不都热依木"});
  }

  TEST_CASE("an undated headline with a shortened name merges with the dated lead under a byline") {
    auto m = meetings_in(
        "阿拉善左旗法院召开多元解纷推进会暨“枫桥式人民法庭”创建部署会\n\n"
        "发布时间：2025-06-05\n\n"
        "记者 王海 通讯员 乌云\n\n"
        "6月3日，阿拉善左旗人民法院召开2025年多元解纷工作推进会暨“枫桥式人民法庭”创建部署会。"
        "副院长巴图主持会议。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "2025年多元解纷工作推进会暨“枫桥式人民法庭”创建部署会");
    CHECK(m[0].fields.text("date") == "2025-06-03");
    CHECK(m[0].fields.list("presiders") == Names{"巴图"});
    CHECK(m[0].mentions.size() >= 2);
  }

  TEST_CASE("a shortened name of another kind is another meeting") {
    auto m = meetings_in(
        "2025-06-05\n\n6月3日，该院召开多元解纷工作推进会。6月4日，该院召开多元解纷工作座谈会。\n");
    CHECK(m.size() == 2);
  }

  TEST_CASE("the 和 inside a bureau's name splits no list, and townships are bodies of the list") {
    auto m = meetings_in(
        "9月10日上午，江北县人民检察院召开湿地保护协作会议，县自然资源和规划局、县林业和草原局、"
        "县水务局及青石乡、白杨镇政府分管负责同志参加，县文化和旅游局副局长钱立出席。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") ==
          Names{"县自然资源和规划局、县林业和草原局、县水务局及青石乡、白杨镇政府分管负责同志", "钱立"});
  }

  TEST_CASE("the day right before the convener is the meeting's, after a dateline with its byline in brackets") {
    auto m = meetings_in(
        "2025年7月17日　星期四　第03版\n\n本报讯（记者　钱立　通讯员　孙丽）7月11日，\n"
        "江北市中级人民法院召开全市法院上半年审判执行工作分析会，院长李强主持会议。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("date") == "2025-07-11");
  }

  TEST_CASE("a counted list is split between counted items, kept whole when the count covers the items after it") {
    auto m = meetings_in(
        "11月4日，江北县人民检察院召开公开听证会，3名人民监督员、2名市人大代表担任听证员。"
        "9月10日，江北县人民检察院召开茶产业座谈会，15名茶企、茶农代表参加。\n");
    REQUIRE(m.size() == 2);
    CHECK(named(m, "公开听证会")->fields.list("attendees") == Names{"3名人民监督员", "2名市人大代表"});
    CHECK(named(m, "茶产业座谈会")->fields.list("attendees") == Names{"15名茶企、茶农代表"});
  }

  TEST_CASE("the signer of a report given at a session attends the session") {
    auto m = meetings_in(
        "江北县人民法院工作报告\n\n——2025年1月9日在江北县第十九届人民代表大会第五次会议上\n\n"
        "江北县人民法院院长　海振宇\n\n各位代表：\n\n现在，我代表江北县人民法院向大会报告工作。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") == Names{"海振宇"});
  }

  TEST_CASE("a head who presides over the meeting he convenes holds it for his body") {
    auto m = meetings_in(
        "沧源佤族自治县人民检察院讯\n\n10月14日，岩保检察长主持召开2025年第7次检察委员会会议，审议案件4件。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("presiders") == Names{"岩保"});
    CHECK(m[0].fields.text("organizer") == "沧源佤族自治县人民检察院");
  }

  TEST_CASE("a place after the convener's clause is no convener, and the day after a dateline's mark dates the meeting") {
    auto m = meetings_in(
        "2025年11月20日　星期四　第03版\n\n"
        "本报讯　11月18日下午，江北市人民检察院以“听诉求、解难题”为题，在青石区召开全市检察机关服务保障民营经济发展座谈会。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("organizer") == "江北市人民检察院");
    CHECK(m[0].fields.text("date") == "2025-11-18");
  }

  TEST_CASE("a meeting of 当天 takes the day of the meeting told before it in its article") {
    auto m = meetings_in(
        "2026年1月8日，江北市中级人民法院召开全市法院院长工作会议，院长钱立主持会议。"
        "当天下午，市中院召开全市法院人民法庭工作座谈会。\n");
    REQUIRE(m.size() == 2);
    CHECK(m[0].fields.text("date") == "2026-01-08");
    CHECK(m[1].fields.text("date") == "2026-01-08");
  }

  TEST_CASE("a meeting of 当天 with no meeting before it takes the day told last before it") {
    auto m = meetings_in(
        "2025年11月19日，江北市人民检察院检察长钱立带领调研组到我院调研。\n\n调研组先后走进控告申诉接待大厅。\n\n"
        "当天下午，调研组在我院召开座谈会，会议由副检察长欧阳明远主持。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("date") == "2025-11-19");
  }

  TEST_CASE("who tells something after the report has come to the meeting's floor speaks at it") {
    auto m = meetings_in(
        "11月5日，江北市人民检察院召开全市检察机关公益诉讼工作推进会，副检察长钱立主持会议。\n\n"
        "会上，东湖区人民检察院、西岭县人民检察院作交流发言。西岭县人民检察院检察长欧阳明远介绍，该院今年立案公益诉讼案件46件。\n\n"
        "东湖区人民检察院检察长蔺国华介绍，该院将继续深化协作。\n");
    REQUIRE(m.size() == 1);
    const auto attendees = m[0].fields.list("attendees");
    // On the floor to the end of its paragraph; a later paragraph's 介绍 may tell an interview.
    CHECK(std::count(attendees.begin(), attendees.end(), "欧阳明远") == 1);
    CHECK(std::count(attendees.begin(), attendees.end(), "蔺国华") == 0);
  }

  TEST_CASE("units listed before the people the last of them names are one group of attendees") {
    auto m = meetings_in(
        "12月2日下午，江北市中级人民法院召开全市法院立案工作座谈会，沅陵、辰溪、溆浦5县法院立案庭负责人，"
        "第一、第二检察部全体员额检察官参加会议。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.list("attendees") ==
          Names{"沅陵、辰溪、溆浦5县法院立案庭负责人", "第一、第二检察部全体员额检察官"});
  }

  TEST_CASE("a meeting told right after an event takes the day told last before it") {
    auto m = meetings_in(
        "2025年12月9日凌晨，江北县人民法院开展集中执行行动，拘传被执行人12人。行动结束后，该院随即召开行动复盘会，"
        "副院长钱立主持。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("date") == "2025-12-09");
    // Also told with 当即, or with 结束后 alone.
    const std::pair<const char*, const char*> after_the_hearing[] = {
        {"2025年12月9日上午，江北县人民检察院举行公开听证会。听证会结束后，检察长孙立当即主持召开检察委员会会议。\n",
         "检察委员会会议"},
        {"2025年12月9日上午，江北县人民检察院举行公开听证会。听证会结束后，该院召开检察官联席会议。\n", "检察官联席会议"}};
    for (const auto& [text, name] : after_the_hearing) {
      const auto found = meetings_in(text);
      const auto* held = named(found, name);
      REQUIRE(held != nullptr);
      CHECK(held->fields.text("date") == "2025-12-09");
    }
  }

  TEST_CASE("a press conference's transcript is one meeting, told by its title and its fields") {
    auto m = meetings_in(
        "江北市中级人民法院新闻发布会实录\n\n"
        "——江北市中级人民法院“护企安商”涉企审判新闻发布会\n\n"
        "时间：2026年3月12日（星期四）上午10:00\n"
        "主持人：市中院新闻发言人　左一鸣\n"
        "发布人：市中院副院长　钱立\n"
        "　　　　青石县人民法院院长　冉一舟\n"
        "　　　　西岭县人民法院院长　蔺国华\n\n"
        "【主持人】左一鸣：各位记者朋友，上午好！今天，我们在这里召开新闻发布会，通报全市法院涉企审判工作情况。\n");
    // The page's header, the title and the host's words name one conference.
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("name") == "“护企安商”涉企审判新闻发布会");
    CHECK(m[0].fields.text("date") == "2026-03-12");
    CHECK(m[0].fields.list("presiders") == Names{"左一鸣"});
    const auto attendees = m[0].fields.list("attendees");
    // Presenters on indented lines under the first are too.
    CHECK(std::count(attendees.begin(), attendees.end(), "冉一舟") == 1);
    CHECK(std::count(attendees.begin(), attendees.end(), "蔺国华") == 1);
    CHECK(std::count(attendees.begin(), attendees.end(), "钱立") == 1);
  }

  TEST_CASE("a web page's stamp is not a press conference's day") {
    auto m = meetings_in(
        "江北市人民检察院召开“护苗”未成年人检察工作新闻发布会\n"
        "\n发布时间：2026-05-30 10:12　来源：江北市人民检察院\n\n"
        "5月28日上午，江北市人民检察院召开“护苗”未成年人检察工作新闻发布会，副检察长钱立通报有关情况。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("date") == "2026-05-28");
  }

  TEST_CASE("a transcript's time of publishing dates the conference where no other time is given") {
    auto m = meetings_in(
        "2026年度江北法院知识产权司法保护新闻发布会（实录）\n\n"
        "【发布时间】2026年4月22日上午10:00【发布人】江北市中级人民法院副院长　钱立【主持人】办公室主任　甘路\n\n"
        "主持人甘路：各位记者朋友，大家上午好！今天，我们在这里举行2026年度江北法院知识产权司法保护新闻发布会。\n");
    REQUIRE(m.size() == 1);
    CHECK(m[0].fields.text("date") == "2026-04-22");
    CHECK(m[0].fields.list("presiders") == Names{"甘路"});
  }
}
