// Person records: the rules of rules/zh-court/people.toml and the people
// stage (org, role, name checks, merging). Texts written in the style of
// court newspaper pages, with their extraction artifacts.
#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using Titles = std::vector<std::string>;

std::vector<reportex::Person> people_in(const std::string& text, std::vector<reportex::Record>* records = nullptr) {
  reportex::Extractor extractor(reportex::RuleSet::builtin());
  std::vector<reportex::Person> out;
  for (auto& r : extractor.extract(reportex::Document::from_bytes("test.txt", text))) {
    if (r.type != "person") continue;
    out.push_back(*reportex::Person::from(r));
    if (records != nullptr) records->push_back(r);
  }
  return out;
}

const reportex::Person* named(const std::vector<reportex::Person>& people, const std::string& name) {
  for (const auto& p : people)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace

TEST_SUITE("people") {
  TEST_CASE("press bylines: several people in one line, with and without bullets") {
    auto people = people_in("五原县法院推进诉源治理\n\n本报记者●邬晓东 通讯员●冀文华\n\n6月3日，五原县人民法院召开会议。");
    REQUIRE(people.size() == 2);
    CHECK(people[0].name == "邬晓东");
    CHECK(people[0].titles == Titles{"记者"});
    CHECK(people[0].role == "reporter");
    CHECK_FALSE(people[0].org.has_value());
    CHECK(people[1].name == "冀文华");
    CHECK(people[1].titles == Titles{"通讯员"});
    CHECK(people[1].role == "correspondent");

    auto spaced = people_in("全媒体记者 韩雪峰　记者 宋佳怡\n\n记者徐文斌、实习生邓丽娜、通讯员佘志强");
    REQUIRE(spaced.size() == 5);
    CHECK(spaced[0].titles == Titles{"全媒体记者"});
    CHECK(spaced[1].name == "宋佳怡");
    CHECK(named(spaced, "邓丽娜")->titles == Titles{"实习生"});
    CHECK(named(spaced, "邓丽娜")->role == "reporter");
    CHECK(named(spaced, "佘志强")->role == "correspondent");
  }

  TEST_CASE("a work report's bare court offices are the reporting court's, a news page's the court named last") {
    const std::string body =
        "一、2025年主要工作\n\n2025年，青松县人民法院诉前调解成功率52.4%。11月14日，院长韦振邦主持召开全市法院执行工作推进会，"
        "副院长隋立民通报执行工作情况。\n";
    auto report = people_in("白山市中级人民法院工作报告\n\n——2026年1月20日在白山市第十届人民代表大会第五次会议上\n\n" + body);
    REQUIRE(named(report, "韦振邦") != nullptr);
    CHECK(named(report, "韦振邦")->org == "白山市中级人民法院");
    REQUIRE(named(report, "隋立民") != nullptr);
    CHECK(named(report, "隋立民")->org == "白山市中级人民法院");
    auto news = people_in("白山市中级人民法院召开会议\n\n" + body);
    REQUIRE(named(news, "隋立民") != nullptr);
    CHECK(named(news, "隋立民")->org == "青松县人民法院");
  }

  TEST_CASE("a bare office of a procuratorate is of the procuratorate named last, a court's of the court") {
    auto people = people_in(
        "11月13日，由江北县人民检察院召集的联席会议在该院召开，江北县人民法院、江北县公安局有关负责人参加。"
        "检察长公孙亚楠主持会议，副院长慕容静发言，第一检察部检察官海丽娟通报情况。");
    REQUIRE(named(people, "公孙亚楠") != nullptr);
    CHECK(named(people, "公孙亚楠")->org == "江北县人民检察院");
    REQUIRE(named(people, "慕容静") != nullptr);
    CHECK(named(people, "慕容静")->org == "江北县人民法院");
    REQUIRE(named(people, "海丽娟") != nullptr);
    CHECK(named(people, "海丽娟")->org == "江北县人民检察院");
  }

  TEST_CASE("a byline joined to its headline line is still found") {
    auto people = people_in("凉城县法院：以“三项机制”推进执行工作\n本报记者●乔慧敏\n\n近日，凉城县人民法院召开执行工作推进会。");
    REQUIRE(people.size() == 1);
    CHECK(people[0].name == "乔慧敏");
    CHECK(people[0].titles == Titles{"记者"});
  }

  TEST_CASE("signed articles: the author's court, offices and repaired name") {
    auto people = people_in(
        "守护草原法治底色\n"
        "锡林郭勒盟中级人民法院党组书记、院长●郄文斌\n\n"
        "2月20日，盟委政法工作会议召开。\n\n"
        "以检察履职护航发展\n"
        "锡林郭勒盟人民检察院党组书记、检察长●●阿拉坦阿拉坦\n\n"
        "盟委政法工作会议对全年工作作出部署。");
    auto* judge = named(people, "郄文斌");
    REQUIRE(judge != nullptr);
    CHECK(judge->titles == Titles{"党组书记", "院长"});
    CHECK(judge->org == "锡林郭勒盟中级人民法院");
    CHECK(judge->role == "author");
    auto* prosecutor = named(people, "阿拉坦");
    REQUIRE(prosecutor != nullptr);
    CHECK(prosecutor->titles == Titles{"党组书记", "检察长"});
    CHECK(prosecutor->org == "锡林郭勒盟人民检察院");
    CHECK(prosecutor->role == "author");
  }

  TEST_CASE("end credits and 作者 lines are authors without titles or org") {
    auto people = people_in("会议要求各部门抓好落实。（佘雅婷）\n\n审结案件(含旧存)1300件。(毕春雨)\n\n作者:冀红霞");
    REQUIRE(people.size() == 3);
    for (const auto& p : people) {
      CHECK(p.role == "author");
      CHECK(p.titles.empty());
      CHECK_FALSE(p.org.has_value());
    }
    CHECK(people[0].name == "佘雅婷");
    CHECK(people[1].name == "毕春雨");
    CHECK(people[2].name == "冀红霞");
    CHECK(people_in("(乌海市中级人民法院供稿)\n\n详见第三版(含旧存)。").empty());
  }

  TEST_CASE("officials in running text: title chains, the org before them, the name before the verb") {
    auto people = people_in(
        "**乌海讯** 7月2日，乌海市海勃湾区人民法院召开推进会。该院党组成员、政治部主任郄晓君告诉记者，"
        "队伍建设成效明显。审判管理办公室主任巴特尔介绍，阅核制度已全面推行。\n\n"
        "赤峰市中院党组书记、院长梁文武出席座谈会并讲话。");
    auto* director = named(people, "郄晓君");
    REQUIRE(director != nullptr);
    CHECK(director->titles == Titles{"党组成员", "政治部主任"});
    CHECK(director->org == "乌海市海勃湾区人民法院");
    CHECK(director->role == "official");
    auto* mongolian = named(people, "巴特尔");
    REQUIRE(mongolian != nullptr);
    CHECK(mongolian->titles == Titles{"审判管理办公室主任"});
    CHECK(mongolian->org == "乌海市海勃湾区人民法院");
    auto* president = named(people, "梁文武");
    REQUIRE(president != nullptr);
    CHECK(president->org == "赤峰市中级人民法院");
    CHECK(president->titles == Titles{"党组书记", "院长"});
  }

  TEST_CASE("a two-character name stops before the verb") {
    auto people = people_in("锡林郭勒盟中院党组书记、院长张伟介绍，全盟法院结案率持续提升。");
    REQUIRE(people.size() == 1);
    CHECK(people[0].name == "张伟");
  }

  TEST_CASE("titles after the name and lists of leaders") {
    auto people = people_in(
        "科尔沁区人民法院冀洪印庭长、佘传炜副庭长分别作交流发言。孙长青、万文湘、冯晓军等3位院领导出席活动。");
    CHECK(named(people, "冀洪印")->titles == Titles{"庭长"});
    CHECK(named(people, "佘传炜")->titles == Titles{"副庭长"});
    CHECK(named(people, "佘传炜")->org == "通辽市科尔沁区人民法院");
    for (const char* name : {"孙长青", "万文湘", "冯晓军"}) {
      REQUIRE(named(people, name) != nullptr);
      CHECK(named(people, name)->role == "official");
    }
  }

  TEST_CASE("习近平 is one person per document, doctrines and book titles are not mentions") {
    std::vector<reportex::Record> records;
    auto people = people_in(
        "深入践行习近平法治思想，认真研读《习近平关于加强党的作风建设论述摘编》。"
        "坚持以习近平同志为核心的党中央的领导，贯彻落实习近平总书记重要讲话精神。",
        &records);
    REQUIRE(people.size() == 1);
    CHECK(people[0].name == "习近平");
    CHECK(people[0].titles == Titles{"总书记"});
    CHECK(people[0].role == "official");
    CHECK_FALSE(people[0].org.has_value());
    CHECK(records[0].mentions.size() == 2);  // 同志 and 总书记, not the book title or the doctrine
  }

  TEST_CASE("not people: titles without names, org words, defendants") {
    CHECK(people_in("院长主持会议，副院长及各部门负责人参加会议，院长高度重视。").empty());
    CHECK(people_in("九原区法院院长办公会研究了有关事项，各旗县市法院分管副院长参加。").empty());
    CHECK(people_in("被告人王某某驾驶车辆将被害人李某撞伤，法院判处其有期徒刑一年。").empty());
    CHECK(people_in("打造“青年法官培育工程”院长项目，策划专题活动。").empty());
    CHECK(people_in("该院负责人告诉记者，今年以来执结案件900余件。").empty());
  }

  TEST_CASE("a name read short where the page names the person in full is that person") {
    auto people = people_in("兴安盟人民检察院检察长孟和巴特尔依法列席。会上，孟和巴特尔检察长从法律监督角度提出了意见。");
    REQUIRE(people.size() == 1);
    CHECK(people[0].name == "孟和巴特尔");
    CHECK(people[0].titles == Titles{"检察长"});
    // A name that only ends the same way is another person's.
    auto two = people_in("副院长孟和巴特尔出席会议。庭长巴特尔主持会议。");
    REQUIRE(two.size() == 2);
    CHECK(named(two, "巴特尔") != nullptr);
  }

  TEST_CASE("mentions of one person merge, the same name in two courts stays apart") {
    std::vector<reportex::Record> records;
    auto people = people_in(
        "7月8日，巴彦淖尔市临河区人民检察院召开会议，该院党组书记、检察长郝建国主持会议，"
        "党组成员、副检察长其木格通报情况。\n\n郝建国强调，要紧盯业务指标。检察长郝建国要求抓好落实。",
        &records);
    REQUIRE(people.size() == 2);
    CHECK(people[0].name == "郝建国");
    CHECK(people[0].titles == Titles{"党组书记", "检察长"});
    CHECK(people[0].org == "巴彦淖尔市临河区人民检察院");
    CHECK(records[0].mentions.size() == 3);  // two titled mentions and the bare one
    CHECK(people[1].name == "其木格");
    CHECK(people[1].org == "巴彦淖尔市临河区人民检察院");

    auto namesakes = people_in(
        "通辽市中级人民法院院长王海出席会议。\n\n**赤峰讯** 赤峰市中级人民法院召开会议，该院副院长王海主持会议。");
    REQUIRE(namesakes.size() == 2);
    CHECK(namesakes[0].org == "通辽市中级人民法院");
    CHECK(namesakes[1].org == "赤峰市中级人民法院");
  }

  TEST_CASE("a byline run of several names is split at the page's spaces, else before surnames") {
    auto people = people_in("长春法院推进执源治理\n\n记者 乌云娜 许文静 通讯员 司马博远\n\n5月6日，长春市中级人民法院召开会议。");
    REQUIRE(people.size() == 3);
    CHECK(people[0].name == "乌云娜");
    CHECK(people[1].name == "许文静");
    CHECK(people[1].titles == Titles{"记者"});
    CHECK(people[1].role == "reporter");
    CHECK(people[2].name == "司马博远");
    CHECK(people[2].role == "correspondent");

    // A credit in brackets closing an item; the spaces lost between two names.
    auto credit = people_in("会上，长春市中级人民法院通报了执行工作情况。\n（通讯员 郝明杨雪梅）");
    REQUIRE(credit.size() == 2);
    CHECK(credit[0].name == "郝明");
    CHECK(credit[1].name == "杨雪梅");
    CHECK(credit[1].titles == Titles{"通讯员"});
    CHECK_FALSE(credit[1].org.has_value());

    // A line that opens with 记者 and reports what the reporter learned.
    CHECK(people_in("记者从长春市中级人民法院获悉，今年以来执结案件900余件。").empty());
  }

  TEST_CASE("a signed byline of a court the place list does not know, with a compound surname") {
    auto people = people_in("守护一方安宁\n\n嘉兴市中级人民法院党组书记、院长●●欧阳延年欧阳延年\n\n今年以来，全市法院坚持能动司法。");
    REQUIRE(people.size() == 1);
    CHECK(people[0].name == "欧阳延年");
    CHECK(people[0].titles == Titles{"党组书记", "院长"});
    CHECK(people[0].org == "嘉兴市中级人民法院");
    CHECK(people[0].role == "author");

    auto report = people_in("吉林省高级人民法院工作报告\n\n吉林省高级人民法院院长  慕容松年\n\n各位代表：");
    REQUIRE(report.size() == 1);
    CHECK(report[0].name == "慕容松年");
    CHECK(report[0].org == "吉林省高级人民法院");
  }

  TEST_CASE("Tibetan, Yi and Uyghur names framed by titles") {
    auto people = people_in(
        "4月2日，海北藏族自治州人民检察院召开会议，该院党组书记、检察长次仁旦增出席并讲话。\n\n"
        "普格县人民法院党组书记、院长吉伍木呷介绍，今年新收案件下降。\n\n"
        "伊宁市人民法院召开推进会，党组成员、副院长热依拉·买买提主持会议。");
    const auto* tibetan = named(people, "次仁旦增");
    REQUIRE(tibetan != nullptr);
    CHECK(tibetan->titles == Titles{"党组书记", "检察长"});
    CHECK(tibetan->org == "海北藏族自治州人民检察院");
    const auto* yi = named(people, "吉伍木呷");
    REQUIRE(yi != nullptr);
    CHECK(yi->org == "普格县人民法院");
    const auto* uyghur = named(people, "热依拉·买买提");
    REQUIRE(uyghur != nullptr);
    CHECK(uyghur->titles == Titles{"党组成员", "副院长"});
    CHECK(uyghur->org == "伊宁市人民法院");
    CHECK(people.size() == 3);
  }

  TEST_CASE("a dotted name may hold 都, a name of three characters may open with the surname 党") {
    auto people = people_in(
        "伊宁市人民检察院召开推进会，党组成员、副检察长阿不都热依木·卡德尔出席，"
        "副院长党晓峰主持会议，党组成员参加。");
    REQUIRE(named(people, "阿不都热依木·卡德尔") != nullptr);
    REQUIRE(named(people, "党晓峰") != nullptr);
    CHECK(named(people, "党晓峰")->titles == Titles{"副院长"});
    CHECK(people.size() == 2);
  }

  TEST_CASE("the page's staff are of the paper it names, or of the court whose account it is") {
    auto page = people_in(
        "西江法治报\n法院专刊\n2025年3月6日　星期四　第05版\n\n3月4日，某县人民法院召开执行工作推进会。\n\n"
        "本版责任编辑：吕晓岚　　美编：秦卫东");
    REQUIRE(named(page, "吕晓岚") != nullptr);
    CHECK(named(page, "吕晓岚")->org == std::optional<std::string>("西江法治报"));
    REQUIRE(named(page, "秦卫东") != nullptr);
    CHECK(named(page, "秦卫东")->org == std::optional<std::string>("西江法治报"));
    auto account = people_in(
        "江北县人民法院\n\n3月4日，江北县人民法院召开执行工作推进会。\n\n文字：惠雅琪　　图片：同　鑫");
    REQUIRE(named(account, "惠雅琪") != nullptr);
    CHECK(named(account, "惠雅琪")->role == "author");
    REQUIRE(named(account, "同鑫") != nullptr);
    CHECK(named(account, "同鑫")->org == std::optional<std::string>("江北县人民法院"));
  }

  TEST_CASE("a reporter of this paper takes the paper's name when the page prints it, correspondents do not") {
    auto people = people_in(
        "西江法治报\n法院专刊\n2025年3月6日　星期四　第05版\n\n## 某县法院推进执行\n\n本报记者●吕晓岚　通讯员●秦卫东\n\n"
        "3月4日，某县人民法院召开执行工作推进会。");
    REQUIRE(named(people, "吕晓岚") != nullptr);
    CHECK(named(people, "吕晓岚")->org == std::optional<std::string>("西江法治报"));
    REQUIRE(named(people, "秦卫东") != nullptr);
    CHECK_FALSE(named(people, "秦卫东")->org.has_value());
    auto without = people_in("## 某县法院推进执行\n\n本报记者●吕晓岚\n\n3月4日，某县人民法院召开执行工作推进会。");
    REQUIRE(without.size() == 1);
    CHECK_FALSE(without[0].org.has_value());
  }

  TEST_CASE("deputies and officials of other bodies take the body the text names, at the article's place") {
    auto people = people_in(
        "1月13日，四平市中级人民法院召开全市法院工作会议。市人民检察院副检察长酆立伟、"
        "市人大代表符春林、市工商业联合会副主席揭晓梅应邀出席会议，县公安局党委委员、副局长戚卫东列席。");
    REQUIRE(named(people, "酆立伟") != nullptr);
    CHECK(named(people, "酆立伟")->org == std::optional<std::string>("四平市人民检察院"));
    REQUIRE(named(people, "符春林") != nullptr);
    CHECK(named(people, "符春林")->org == std::optional<std::string>("四平市人民代表大会"));
    CHECK(named(people, "符春林")->role == "other");
    REQUIRE(named(people, "揭晓梅") != nullptr);
    CHECK(named(people, "揭晓梅")->org == std::optional<std::string>("四平市工商业联合会"));
    REQUIRE(named(people, "戚卫东") != nullptr);
    CHECK(named(people, "戚卫东")->titles == Titles{"党委委员", "副局长"});
    // A county the article does not name: the body stays without a place.
    CHECK_FALSE(named(people, "戚卫东")->org.has_value());
  }

  TEST_CASE("a deputy district head is of the district's government, a county committee's deputy secretary of the committee") {
    auto people = people_in(
        "近日，江北市青石区人民法院召开府院联动协调会，副区长钱立主持会议。"
        "清河县委副书记、政法委书记孙丽出席。");
    REQUIRE(named(people, "钱立") != nullptr);
    CHECK(named(people, "钱立")->org == std::optional<std::string>("江北市青石区人民政府"));
    REQUIRE(named(people, "孙丽") != nullptr);
    CHECK(named(people, "孙丽")->org == std::optional<std::string>("中共清河县委员会"));
  }

  TEST_CASE("a head of government after the place he governs is of that place's government") {
    auto people = people_in(
        "12月3日，江北市中级人民法院召开府院联动座谈会，副市长钱立、青溪市副市长乔远航出席会议。");
    REQUIRE(named(people, "钱立") != nullptr);
    CHECK(named(people, "钱立")->org == std::optional<std::string>("江北市人民政府"));
    REQUIRE(named(people, "乔远航") != nullptr);
    CHECK(named(people, "乔远航")->org == std::optional<std::string>("青溪市人民政府"));
  }

  TEST_CASE("a body named by its level alone is of the place of the court that convenes in its sentence") {
    auto people = people_in(
        "江北市中级人民法院召开全市法院工作会议。12月30日，青溪市人民法院召开府院联动协调会，"
        "市工商联副主席卢明参加会议。");
    REQUIRE(named(people, "卢明") != nullptr);
    CHECK(named(people, "卢明")->org == std::optional<std::string>("青溪市工商业联合会"));
  }
  TEST_CASE("a town's officials are of the town's body in the county of the basic court named before them") {
    auto people = people_in(
        "3月6日，江北市中级人民法院召开调研座谈会。次日，江北市青石区人民法院在石门镇召开诉源治理推进会，"
        "石门镇党委副书记、镇长钱立，柳塘乡党委书记孙丽，白沙镇司法所所长乔远航，旧县镇副镇长卢明，"
        "青石区南岭街道办事处主任葛新参加。");
    REQUIRE(named(people, "钱立") != nullptr);
    CHECK(named(people, "钱立")->org == std::optional<std::string>("江北市青石区石门镇人民政府"));
    REQUIRE(named(people, "孙丽") != nullptr);
    CHECK(named(people, "孙丽")->org == std::optional<std::string>("中共江北市青石区柳塘乡委员会"));
    REQUIRE(named(people, "乔远航") != nullptr);
    CHECK(named(people, "乔远航")->org == std::optional<std::string>("江北市青石区白沙镇司法所"));
    // The 县 of 旧县镇 is the town's own name, and a town after its county is that county's.
    REQUIRE(named(people, "卢明") != nullptr);
    CHECK(named(people, "卢明")->org == std::optional<std::string>("江北市青石区旧县镇人民政府"));
    REQUIRE(named(people, "葛新") != nullptr);
    CHECK(named(people, "葛新")->org == std::optional<std::string>("江北市青石区南岭街道办事处"));
  }

  TEST_CASE("a town's official in an intermediate court's or a city procuratorate's article has no county to be of") {
    auto people = people_in("江北市中级人民法院召开座谈会，石门镇副镇长钱立参加。");
    REQUIRE(named(people, "钱立") != nullptr);
    CHECK_FALSE(named(people, "钱立")->org.has_value());
    auto city = people_in("大连市人民检察院召开座谈会，石门镇副镇长孙丽参加。");
    REQUIRE(named(city, "孙丽") != nullptr);
    CHECK_FALSE(named(city, "孙丽")->org.has_value());
  }
  TEST_CASE("an official after a police branch's full name is of the branch, not of the bureau named inside it") {
    auto people = people_in("大同市云冈区人民检察院召开座谈会，大同市公安局云冈分局副局长钱立参加。");
    REQUIRE(named(people, "钱立") != nullptr);
    CHECK(named(people, "钱立")->org == std::optional<std::string>("大同市公安局云冈分局"));
  }
  TEST_CASE("an account's staff are of the body its stamp names, not of the court its last item is about") {
    auto people = people_in(
        "孝感中院一周动态\n\n原创　孝感中院　2025年12月12日 19:36　湖北\n\n"
        "**云梦讯**　12月9日，云梦县人民法院召开家事审判工作推进会，审结婚姻家庭案件52件。\n\n"
        "文字｜钱立\n编辑｜孙丽\n审核｜乔远航\n");
    for (const char* name : {"孙丽", "乔远航"}) {
      INFO(name);
      REQUIRE(named(people, name) != nullptr);
      CHECK(named(people, name)->org == std::optional<std::string>("孝感市中级人民法院"));
    }
  }
  TEST_CASE("an author is of the source the page's line of labels names, before or after the name") {
    auto people = people_in(
        "巴中检察护航民营经济\n发布时间：2025-10-23 09:41　　作者：亢 宁　　来源：巴中市人民检察院　　浏览量：3 068\n"
        "10月22日，巴中市人民检察院召开座谈会。\n");
    REQUIRE(named(people, "亢宁") != nullptr);
    CHECK(named(people, "亢宁")->org == std::optional<std::string>("巴中市人民检察院"));
  }
  TEST_CASE("a school's dean and a company's manager hold no public office") {
    auto people = people_in("座谈会上，西南政法大学法学院院长钱立、江北恒远机械制造有限公司总经理孙丽先后发言。");
    for (const char* name : {"钱立", "孙丽"}) {
      INFO(name);
      REQUIRE(named(people, name) != nullptr);
      CHECK(named(people, name)->role == "other");
    }
  }
  TEST_CASE("a government head in a congress's report is of the place of the court it reports on") {
    // The report's own body (the inspection group) names no place at the county's level.
    auto people = people_in(
        "江北县人大常委会执法检查组\n关于检查县人民法院执行工作情况的报告\n\n"
        "——2025年10月29日在江北县第十八届人民代表大会常务委员会第三十二次会议上\n\n"
        "主任、各位副主任、秘书长、各位委员：\n\n"
        "8月中旬至9月下旬，县人大常委会组织执法检查组，对县人民法院执行工作进行了检查。\n\n"
        "9月3日上午，检查组召开汇报会，听取了县法院院长覃志坚所作的执行工作情况汇报。"
        "副县长邬海鸥，县人民检察院副检察长莫晓春参加会议。\n");
    REQUIRE(named(people, "邬海鸥") != nullptr);
    CHECK(named(people, "邬海鸥")->org == std::optional<std::string>("江北县人民政府"));
  }
  TEST_CASE("a member's title written before the org that opens a person's offices is the person's too") {
    auto people = people_in(
        "座谈会上，市人大代表、江北恒远机械制造有限公司总经理钱立，西南政法大学法学院副教授孙丽先后发言。");
    REQUIRE(named(people, "钱立") != nullptr);
    CHECK(named(people, "钱立")->titles == std::vector<std::string>{"市人大代表", "总经理"});
    REQUIRE(named(people, "孙丽") != nullptr);
    CHECK(named(people, "孙丽")->titles.size() == 1);  // the comma closes 钱立's item
  }
}
