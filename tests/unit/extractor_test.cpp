// Matching and overlap resolution, on small packs written for each case.
#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

namespace {

std::shared_ptr<const reportex::RuleSet> pack(const std::string& rules) {
  auto r = reportex::RuleSet::from_sources({{"p/types.toml", R"toml(
[types.num]
fields = { n = "number", tag = "text", items = "list" }
[types.word]
fields = { tag = "text" }
)toml"},
                                            {"p/rules.toml", rules}});
  if (!r) {
    for (const auto& d : r.diagnostics()) MESSAGE(d.to_string());
  }
  REQUIRE(r.ok());
  return *r;
}

std::vector<reportex::Record> run(const std::shared_ptr<const reportex::RuleSet>& rules, const std::string& text) {
  return reportex::Extractor(rules).extract(reportex::Document::from_bytes("t", text));
}

}  // namespace

TEST_SUITE("overlap") {
  TEST_CASE("higher priority wins over a longer span") {
    auto rules = pack(R"toml(
[[rule]]
id = "long"
type = "num"
pattern = '[0-9]+件'
fields = { tag = "=long" }
[[rule]]
id = "short"
type = "num"
priority = 5
pattern = '[0-9]+'
fields = { tag = "=short" }
)toml");
    auto records = run(rules, "共3551件。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].rule == "short");
    CHECK(records[0].text == "3551");
  }

  TEST_CASE("at equal priority the longer span wins, then the earlier one, then the smaller id") {
    auto rules = pack(R"toml(
[[rule]]
id = "b"
type = "num"
pattern = '[0-9]+件'
[[rule]]
id = "a"
type = "num"
pattern = '[0-9]+'
[[rule]]
id = "z-pair"
type = "word"
pattern = '甲乙'
[[rule]]
id = "y-pair"
type = "word"
pattern = '乙丙'
[[rule]]
id = "d"
type = "word"
pattern = '丁戊'
[[rule]]
id = "c"
type = "word"
pattern = '丁戊'
)toml");
    auto records = run(rules, "共3551件，甲乙丙，丁戊。");
    REQUIRE(records.size() == 3);
    CHECK(records[0].rule == "b");       // longer
    CHECK(records[1].rule == "z-pair");  // earlier start beats the smaller id
    CHECK(records[1].text == "甲乙");
    CHECK(records[2].rule == "c");       // same span: smaller id
  }

  TEST_CASE("different record types may overlap") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '[0-9]+'
[[rule]]
id = "w"
type = "word"
pattern = '[0-9]+件'
)toml");
    CHECK(run(rules, "共12件。").size() == 2);
  }

  TEST_CASE("a suppress rule removes the candidates it overlaps") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '[一二三四五六七八九十0-9]+项'
[[rule]]
id = "names"
suppress = ["num"]
pattern = '[一二三四五六七八九十]项工程'
)toml");
    auto records = run(rules, "推进四项工程，完成12项。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].text == "12项");
  }

  TEST_CASE("a suppress rule removes only where its guards hold") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '[0-9]+项'
[[rule]]
id = "after-plan"
suppress = ["num"]
pattern = '[0-9]+项'
before = '规划$'
)toml");
    auto records = run(rules, "规划3项，完成12项。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].text == "12项");
  }

  TEST_CASE("a winner whose fields do not convert gives way to the candidate it overlapped") {
    // The winner's fields are read only once it has won; reading them fails
    // here, so the overlap is decided again without it.
    auto rules = pack(R"toml(
[[rule]]
id = "counted"
type = "num"
priority = 5
pattern = '(?P<v>[一二三比]+)项'
fields = { n = "number(v)" }
[[rule]]
id = "any"
type = "num"
pattern = '[一二三比]+项'
fields = { tag = "=any" }
)toml");
    auto records = run(rules, "三比三项。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].rule == "any");
    CHECK(records[0].text == "三比三项");
  }

  TEST_CASE("explain shows the fields of candidates that lost") {
    auto rules = pack(R"toml(
[[rule]]
id = "long"
type = "num"
pattern = '[0-9]+件'
[[rule]]
id = "short"
type = "num"
pattern = '(?P<d>[0-9]+)次?'
fields = { n = "number(d)" }
)toml");
    auto ex = reportex::Extractor(rules).explain(reportex::Document::from_bytes("t", "共12件。"));
    auto lost = std::find_if(ex.candidates.begin(), ex.candidates.end(), [](auto& c) { return c.rule == "short"; });
    REQUIRE(lost != ex.candidates.end());
    CHECK_FALSE(lost->kept);
    CHECK(lost->fields.number("n") == 12);
  }

  TEST_CASE("explain shows which candidate lost and to whom") {
    auto rules = pack(R"toml(
[[rule]]
id = "long"
type = "num"
pattern = '[0-9]+件'
[[rule]]
id = "short"
type = "num"
pattern = '[0-9]+'
)toml");
    auto ex = reportex::Extractor(rules).explain(reportex::Document::from_bytes("t", "共12件。"));
    REQUIRE(ex.candidates.size() == 2);
    auto lost = std::find_if(ex.candidates.begin(), ex.candidates.end(), [](auto& c) { return !c.kept; });
    REQUIRE(lost != ex.candidates.end());
    CHECK(lost->rule == "short");
    CHECK(lost->lost_to == "long");
  }
}

TEST_SUITE("matching") {
  TEST_CASE("a span capture leaves the trailing context to the next match") {
    auto rules = pack(R"toml(
[[rule]]
id = "byline"
type = "word"
pattern = '(?P<rec>(?:记者|通讯员)●?\p{Han}{2,3}?)(?:记者|通讯员|$)'
span = "rec"
)toml");
    auto records = run(rules, "本报记者●肖云通讯员●张树林");
    REQUIRE(records.size() == 2);
    CHECK(records[0].text == "记者●肖云");
    CHECK(records[1].text == "通讯员●张树林");
  }

  TEST_CASE("split emits one record per enumerated item, each with its own span") {
    auto rules = pack(R"toml(
[[rule]]
id = "list"
type = "word"
pattern = '(?P<items>\p{Han}{2,6}?(?:、\p{Han}{2,8}?)*)参加会议'
split = "items"
fields = { tag = "items" }
)toml");
    auto records = run(rules, "院领导、各庭室负责人参加会议。");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields.text("tag") == "院领导");
    CHECK(records[1].fields.text("tag") == "各庭室负责人");
    CHECK(records[1].text == "各庭室负责人");
  }

  TEST_CASE("guards reject matches by their context") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '(?P<v>[0-9]+)'
not_before = '第$'
not_after = '^版'
fields = { n = "number(v)" }
)toml");
    auto records = run(rules, "第5批，05版，共7家。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields.number("n") == 7);
  }

  TEST_CASE("a leading pattern captures the text a match must follow") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
leading = '(?P<s>\p{Han}[\p{Han}、]*?)'
pattern = '(?P<v>[0-9]+)件'
fields = { n = "number(v)", tag = "s" }
)toml");
    // The record starts where the leading text does; the second match's
    // leading text begins after the first match, not at the sentence start.
    auto records = run(rules, "受理、审结案件12件执结9件，另5件。");
    REQUIRE(records.size() == 3);
    CHECK(records[0].text == "受理、审结案件12件");
    CHECK(records[0].fields.text("tag") == "受理、审结案件");
    CHECK(records[0].fields.number("n") == 12);
    CHECK(records[1].text == "执结9件");
    CHECK(records[1].fields.text("tag") == "执结");
    CHECK(records[2].fields.text("tag") == "另");
  }

  TEST_CASE("^ in a leading pattern is the sentence's start, also after an earlier match") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
leading = '(?:^|[，,])(?P<s>\p{Han}+?)'
pattern = '(?P<v>[0-9]+)件'
fields = { n = "number(v)", tag = "s" }
)toml");
    auto records = run(rules, "受理12件审结9件，执结7件。");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields.text("tag") == "受理");
    CHECK(records[1].fields.text("tag") == "执结");  // not 审结: it neither opens the sentence nor follows a comma
  }

  TEST_CASE("where the leading text does not fit, the search goes on inside the match") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
leading = '(?P<s>\p{Han}[\p{Han}、]*?)'
pattern = '(?P<v>[一二三四五六七八九十]+)件'
fields = { n = "number(v)", tag = "s" }
)toml");
    // "五十件" follows "：", no Han text; one character on, "十件" follows "五"
    // (what the leading pattern written in front of the pattern would find too).
    auto records = run(rules, "合计：五十件。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].text == "五十件");
    CHECK(records[0].fields.text("tag") == "五");
    CHECK(records[0].fields.number("n") == 10);
    CHECK(run(rules, "合计：50件。").empty());
  }

  TEST_CASE("a leading pattern gives the same records as writing it in front of the pattern") {
    const std::string text = "全市法院受理案件一千二百件，审结案件一千件、执行案件三百件，一审案件五十件。";
    auto joint = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '(?P<s>\p{Han}[\p{Han}、]*?)(?P<v>[一二三四五六七八九十百千]+)件'
fields = { n = "number(v)", tag = "s" }
)toml");
    auto split = pack(R"toml(
[[rule]]
id = "n"
type = "num"
leading = '(?P<s>\p{Han}[\p{Han}、]*?)'
pattern = '(?P<v>[一二三四五六七八九十百千]+)件'
fields = { n = "number(v)", tag = "s" }
)toml");
    auto a = run(joint, text);
    auto b = run(split, text);
    REQUIRE(a.size() == 4);
    REQUIRE(b.size() == a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(b[i].text == a[i].text);
      CHECK(b[i].span == a[i].span);
      CHECK(b[i].fields.text("tag") == a[i].fields.text("tag"));
      CHECK(b[i].fields.number("n") == a[i].fields.number("n"));
    }
  }

  TEST_CASE("a capture around the whole pattern holds the whole match, and only then") {
    // Such a capture is read as group 0 (no capture pass); a look-alike that
    // closes early, or an alternative of the pattern, is a capture like any.
    auto check = [](const std::string& pattern, const std::string& text, const std::string& tag) {
      CAPTURE(pattern);
      auto rules = pack("[[rule]]\nid = \"n\"\ntype = \"word\"\npattern = '" + pattern + "'\nfields = { tag = \"c\" }\n");
      auto records = run(rules, text);
      REQUIRE(records.size() == 1);
      CHECK(records[0].fields.text("tag").value_or("(none)") == tag);
    };
    check("(?P<c>[0-9]+件)", "共12件。", "12件");
    check("(?P<c>[0-9]+)件", "共12件。", "12");
    check("(?P<c>[0-9]+)(?P<d>件)", "共12件。", "12");
    check("(?P<c>[0-9]+)|(?P<d>件)", "共件。", "(none)");
    check("(?P<c>[)(]+[0-9])", "见(3。", "(3");
    check("(?P<c>\\(+[0-9])", "见((3。", "((3");
    check("(?P<c>[]()]+[0-9])", "见)3。", ")3");              // "]" first in a class is literal
    check("(?P<c>[[:digit:])]+件)", "共1)2件。", "1)2件");     // a POSIX class inside a class
    check("(?P<c>\\Q)(\\E[0-9])", "见)(3。", ")(3");        // \Q…\E quotes parentheses
    check("(?P<c>\\Q)\\E)([0-9])", "见)3。", ")");          // closes before the end
  }

  TEST_CASE("with a leading pattern, a capture around the pattern holds its match alone") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "word"
leading = '审结'
pattern = '(?P<c>[0-9]+件)'
fields = { tag = "c" }
)toml");
    auto records = run(rules, "审结12件。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].text == "审结12件");
    CHECK(records[0].fields.text("tag") == "12件");
  }

  TEST_CASE("one match can emit records of several types") {
    auto rules = pack(R"toml(
[[rule]]
id = "pair"
pattern = '(?P<s>\p{Han}{2,4})(?P<c>[0-9]+)件(?P<p>[0-9]+)人'
[[rule.emit]]
type = "num"
span = "c"
fields = { n = "number(c)", tag = "s" }
[[rule.emit]]
type = "word"
span = "p"
fields = { tag = "s" }
)toml");
    auto records = run(rules, "批准逮捕128件196人。");
    REQUIRE(records.size() == 2);
    CHECK(records[0].type == "num");
    CHECK(records[0].fields.number("n") == 128);
    CHECK(records[1].type == "word");
    CHECK(records[1].fields.text("tag") == records[0].fields.text("tag"));
  }

  TEST_CASE("a converter that cannot read its text drops the candidate") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '(?P<v>[一二三比]+)项'
fields = { n = "number(v)" }
)toml");
    auto records = run(rules, "三比三项，三项。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields.number("n") == 3);
  }

  TEST_CASE("spans point into the original bytes across removed white space") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '(?P<v>[0-9]+)件'
fields = { n = "number(v)" }
)toml");
    std::string raw = "该院阅核案件\n3551 件，同比上升。";
    auto records = run(rules, raw);
    REQUIRE(records.size() == 1);
    CHECK(raw.substr(records[0].span.begin, records[0].span.size()) == "3551 件");
    CHECK(records[0].text == "3551件");
  }

  TEST_CASE("one Extractor gives the same records on many threads") {
    auto rules = pack(R"toml(
[[rule]]
id = "n"
type = "num"
pattern = '(?P<v>[0-9]+)件'
fields = { n = "number(v)" }
)toml");
    const reportex::Extractor extractor(rules);
    std::string text;
    for (int i = 0; i < 200; ++i) text += "受理案件" + std::to_string(i) + "件。";
    auto doc = reportex::Document::from_bytes("t", text);
    const auto expected = extractor.extract(doc);
    REQUIRE(expected.size() == 200);
    std::vector<std::size_t> counts(8);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 8; ++t)
      threads.emplace_back([&, t] {
        auto records = extractor.extract(doc);
        counts[t] = records.size() == expected.size() &&
                            std::equal(records.begin(), records.end(), expected.begin(),
                                       [](auto& a, auto& b) { return a.span == b.span && a.text == b.text; })
                        ? records.size()
                        : 0;
      });
    for (auto& t : threads) t.join();
    for (auto c : counts) CHECK(c == expected.size());
  }
}

TEST_SUITE("prefilter") {
  // Each sentence runs only the rules whose required literals (atoms) it
  // contains. These cases would lose records if the filter were too strict.
  TEST_CASE("a rule without any literal runs on every sentence") {
    auto rules = pack(R"toml(
[[rule]]
id = "digits"
type = "num"
pattern = '\p{Han}(?P<n>[0-9]+)'
fields = { n = "number(n)" }
)toml");
    auto records = run(rules, "甲12。乙34。");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields.number("n") == 12);
    CHECK(records[1].fields.number("n") == 34);
  }

  TEST_CASE("upper-case ASCII literals are found although RE2 lower-cases atoms") {
    auto rules = pack(R"toml(
[[rule]]
id = "case"
type = "word"
pattern = 'CASE-(?P<n>[0-9]+)'
fields = { tag = "text(n)" }
)toml");
    auto records = run(rules, "编号CASE-77。case-88。");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields.text("tag") == "77");
  }

  TEST_CASE("a rule runs only where one of its alternative literals occurs, and finds each") {
    auto rules = pack(R"toml(
[[rule]]
id = "unit"
type = "num"
pattern = '(?P<n>[0-9]+)(?:件|宗)'
fields = { n = "number(n)" }
)toml");
    auto records = run(rules, "受理5件。无关的句子9。审结7宗。");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields.number("n") == 5);
    CHECK(records[1].fields.number("n") == 7);
  }

  TEST_CASE("records come out in text order whatever the order rules ran in") {
    auto rules = pack(R"toml(
[[rule]]
id = "b_word"
type = "word"
pattern = '乙'
[[rule]]
id = "a_num"
type = "num"
pattern = '[0-9]+件'
)toml");
    auto records = run(rules, "3件乙。乙4件。");
    REQUIRE(records.size() == 4);
    for (std::size_t i = 1; i < records.size(); ++i) CHECK(records[i - 1].span.begin < records[i].span.begin);
    CHECK(records[0].rule == "a_num");
    CHECK(records[1].rule == "b_word");
    CHECK(records[2].rule == "b_word");
    CHECK(records[3].rule == "a_num");
  }
}
