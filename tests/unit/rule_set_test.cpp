// The rule-pack loader: what a pack may say, and the diagnostic each mistake gets.
#include <reportex/reportex.hpp>

#include "rules/pack.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using reportex::Diagnostic;
using reportex::RuleSet;
using reportex::SourceFile;

namespace {

// A small valid base: one type and a def, to which each case adds a file.
const SourceFile kTypes{"pack/types.toml", R"toml([types.thing]
fields = { name = "text", n = "number", tags = "list" }
[defs]
digits = '[0-9]+'
)toml"};

reportex::Result<std::shared_ptr<const RuleSet>> load(std::string rules, std::vector<SourceFile> extra = {}) {
  std::vector<SourceFile> files{kTypes, {"pack/rules.toml", std::move(rules)}};
  for (auto& f : extra) files.push_back(std::move(f));
  return RuleSet::from_sources(std::move(files));
}

// The single error of a failed load, checked for code, file, line and column.
void check_error(const reportex::Result<std::shared_ptr<const RuleSet>>& result, const std::string& code,
                 const std::string& file, int line, int column) {
  REQUIRE_FALSE(result.ok());
  const Diagnostic* found = nullptr;
  for (const auto& d : result.diagnostics())
    if (d.severity == reportex::Severity::error && d.code == code) found = &d;
  INFO("diagnostics: " << [&] {
    std::string all;
    for (const auto& d : result.diagnostics()) all += d.to_string() + "\n";
    return all;
  }());
  REQUIRE(found != nullptr);
  CHECK(found->file == file);
  CHECK(found->line == line);
  if (column > 0) CHECK(found->column == column);
}

const char* kExample = R"toml(
[[rule.example]]
text = "编号123"
expect = [{ n = 123 }]
)toml";

}  // namespace

TEST_SUITE("loader") {
  TEST_CASE("a valid pack loads, expands references and runs") {
    auto result = load(std::string(R"toml([[rule]]
id = "t/number"
type = "thing"
pattern = '编号%{digits:d}'
fields = { n = "number(d)", name = "=编号" }
)toml") + kExample);
    REQUIRE(result.ok());
    const auto& rules = **result;
    REQUIRE(rules.rules().size() == 1);
    CHECK(rules.rules()[0].id == "t/number");
    CHECK(rules.rules()[0].line == 1);
    CHECK(rules.patterns()[0] == "编号(?P<d>[0-9]+)");
    reportex::Extractor extractor(*result);
    auto records = extractor.extract(reportex::Document::from_bytes("t", "记录编号 42 号。"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields.number("n") == 42);
    CHECK(records[0].fields.text("name") == "编号");
    CHECK(reportex::check_examples(rules).ok());
  }

  TEST_CASE("TOML syntax errors are placed at their line and column") {
    check_error(load("[[rule]]\nid = \"x\nfoo\n"), "toml-syntax", "pack/rules.toml", 2, 0);
  }

  TEST_CASE("an undefined reference is reported where it is written") {
    // The pattern's quote is at column 11; %{ starts 3 characters in.
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = 'ab%{nope}'\n"), "undefined-reference",
                "pack/rules.toml", 4, 14);
  }

  TEST_CASE("a definition cycle is an error naming the path") {
    auto r = load("[defs]\na = 'x%{b}'\nb = 'y%{a}'\n[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '%{a}'\n");
    REQUIRE_FALSE(r.ok());
    bool cycle = false;
    for (const auto& d : r.diagnostics())
      if (d.code == "reference-cycle") {
        cycle = true;
        CHECK(d.message.find("a -> b -> a") != std::string::npos);
        CHECK(d.file == "pack/rules.toml");
        CHECK(d.line >= 2);
      }
    CHECK(cycle);
  }

  TEST_CASE("a bad regex carries RE2's message") {
    auto r = load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = 'a(?<=b)'\n");
    check_error(r, "bad-regex", "pack/rules.toml", 4, 11);
    for (const auto& d : r.diagnostics())
      if (d.code == "bad-regex") CHECK(d.message.find("invalid perl operator") != std::string::npos);
  }

  TEST_CASE("a pattern that can match the empty string is rejected") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '[0-9]*'\n"), "empty-match",
                "pack/rules.toml", 4, 11);
  }

  TEST_CASE("a leading pattern may not reuse a capture name of the pattern") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\nleading = '(?P<d>[a-z]+)'\npattern = '(?P<d>[0-9]+)'\n"),
                "duplicate-capture", "pack/rules.toml", 4, 11);
  }

  TEST_CASE("a bad leading pattern is placed at its line") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '[0-9]+'\nleading = '(?P<s>[a-z]+'\n"),
                "bad-regex", "pack/rules.toml", 5, 11);
  }

  TEST_CASE("a stage reads the patterns of its [stages] table by name, defs expanded") {
    auto r = load("[stages.dates]\nmark = '^%{digits}讯$'\n");
    REQUIRE(r.ok());
    const auto& pack = r.value()->impl();
    CHECK(RE2::FullMatch("2025讯", pack.stage_pattern("dates.mark")));
    CHECK_FALSE(RE2::FullMatch("兴安讯", pack.stage_pattern("dates.mark")));
    // A name the pack does not give matches nothing, not even the empty text.
    CHECK_FALSE(RE2::PartialMatch("", pack.stage_pattern("dates.missing")));
    CHECK_FALSE(RE2::PartialMatch("2025讯", pack.stage_pattern("meetings.mark")));
  }

  TEST_CASE("a bad stage pattern is placed at its line") {
    check_error(load("[stages.dates]\n\nmark = '(讯'\n"), "bad-regex", "pack/rules.toml", 3, 8);
  }

  TEST_CASE("a stage's patterns are a table, and one name is defined once") {
    check_error(load("[stages]\ndates = '讯'\n"), "bad-stage-pattern", "pack/rules.toml", 2, 9);
    check_error(load("[stages.dates]\nmark = '讯'\n", {{"pack/more.toml", "\n[stages.dates]\nmark = '电'\n"}}),
                "duplicate-stage-pattern", "pack/more.toml", 3, 8);
  }

  TEST_CASE("patterns() writes a leading pattern in front of the rule's pattern") {
    auto r = load("[[rule]]\nid = \"x\"\ntype = \"thing\"\nleading = '(?P<s>[a-z]+)'\npattern = '%{digits:d}'\n"
                  "fields = { name = \"s\", n = \"number(d)\" }\n");
    REQUIRE(r.ok());
    CHECK((*r)->patterns()[0] == "(?:(?P<s>[a-z]+))(?:(?P<d>[0-9]+))");
  }

  TEST_CASE("a field the type does not declare is rejected") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '(?P<d>[0-9]+)'\nfields = { colour = \"d\" }\n"),
                "undeclared-field", "pack/rules.toml", 5, 21);
  }

  TEST_CASE("a mapping from a capture the pattern lacks is rejected") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '[0-9]+'\nfields = { n = \"number(d)\" }\n"),
                "unknown-capture", "pack/rules.toml", 5, 16);
  }

  TEST_CASE("a converter of the wrong type for the field is rejected") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '(?P<d>[0-9]+)'\nfields = { n = \"list(d)\" }\n"),
                "type-mismatch", "pack/rules.toml", 5, 16);
  }

  TEST_CASE("an unknown converter is rejected with the known ones listed") {
    auto r = load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '(?P<d>[0-9]+)'\nfields = { n = \"numbr(d)\" }\n");
    check_error(r, "unknown-converter", "pack/rules.toml", 5, 16);
    for (const auto& d : r.diagnostics())
      if (d.code == "unknown-converter") CHECK(d.message.find("number") != std::string::npos);
  }

  TEST_CASE("a converter given the wrong number of captures is rejected") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '(?P<d>[0-9]+)'\nfields = { n = \"money(d)\" }\n"),
                "bad-arity", "pack/rules.toml", 5, 16);
  }

  TEST_CASE("an undeclared record type is rejected") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"widget\"\npattern = 'a'\n"), "unknown-type", "pack/rules.toml", 3, 8);
  }

  TEST_CASE("an unknown key is an error, not silently ignored") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npatern = 'a'\npattern = 'a'\n"), "unknown-key",
                "pack/rules.toml", 4, 1);
  }

  TEST_CASE("duplicate rule ids across files name the first place") {
    auto r = load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = 'a'\n",
                  {{"pack/more.toml", "\n\n[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = 'b'\n"}});
    REQUIRE_FALSE(r.ok());
    int duplicates = 0;
    for (const auto& d : r.diagnostics())
      if (d.code == "duplicate-rule-id") {
        ++duplicates;
        CHECK(d.line == 3);
        CHECK(d.message.find(":1") != std::string::npos);
      }
    CHECK(duplicates == 1);
  }

  TEST_CASE("a rule without pattern or id is rejected") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\n"), "missing-pattern", "pack/rules.toml", 1, 1);
    check_error(load("[[rule]]\ntype = \"thing\"\npattern = 'a'\n"), "missing-id", "pack/rules.toml", 1, 1);
  }

  TEST_CASE("lexicons expand longest first and serve as lookup tables") {
    auto r = load(R"toml([lexicons]
unit = "lex/units.tsv"
[[rule]]
id = "t/unit"
type = "thing"
pattern = '[0-9]+%{unit:u}'
fields = { name = "lexicon.unit(u)" }
)toml",
                  {{"pack/lex/units.tsv", "# measure words\n万\t10000\n万元\tyuan-10000\n元\tyuan\n"}});
    REQUIRE(r.ok());
    reportex::Extractor extractor(*r);
    auto records = extractor.extract(reportex::Document::from_bytes("t", "共计3万元。"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].text == "3万元");
    CHECK(records[0].fields.text("name") == "yuan-10000");
  }

  TEST_CASE("a lexicon left out of the prefilter still matches wherever its words occur") {
    // Its words pick no sentences (prefilter = false), so the rule runs on
    // every sentence; the records must be those of the plain lexicon.
    auto records_with = [](const std::string& lexicon_line) {
      auto r = load("[lexicons]\n" + lexicon_line + R"toml(
[[rule]]
id = "t/seat"
type = "thing"
pattern = '%{letter:l}[0-9]+号'
fields = { name = "l" }
[[rule]]
id = "t/other"
type = "thing"
pattern = '会议室'
fields = { name = "=room" }
)toml",
                    {{"pack/lex/letters.txt", "甲\n乙\n丙\n"}});
      REQUIRE(r.ok());
      reportex::Extractor extractor(*r);
      std::vector<std::string> out;
      for (const auto& rec : extractor.extract(reportex::Document::from_bytes("t", "座位甲12号。会议室开放。乙3号与丙45号。")))
        out.push_back(rec.text + "=" + rec.fields.text("name").value_or(""));
      return out;
    };
    const auto plain = records_with("letter = \"lex/letters.txt\"");
    CHECK(plain == std::vector<std::string>{"甲12号=甲", "会议室=room", "乙3号=乙", "丙45号=丙"});
    CHECK(records_with("letter = { file = \"lex/letters.txt\", prefilter = false }") == plain);
  }

  TEST_CASE("a suppress rule's example fails when a record of a type it removes is left") {
    // Its examples look at the records of the types it suppresses, all of
    // them: a suppress rule makes none of its own to look at.
    auto outcomes = [](const std::string& text) {
      auto r = load(R"toml([[rule]]
id = "t/count"
type = "thing"
pattern = '(?P<c>[0-9]+条)'
fields = { name = "c" }
[[rule.example]]
text = '共3条。'
expect = [{ name = "3条" }]
[[rule]]
id = "t/not_ordinal"
suppress = ["thing"]
pattern = '第[0-9]+条'
[[rule.example]]
text = ')toml" + text + R"toml('
expect = []
)toml");
      REQUIRE(r.ok());
      std::vector<reportex::Outcome> out;
      for (const auto& result : reportex::check_examples(**r).results) out.push_back(result.outcome);
      return out;
    };
    using reportex::Outcome;
    CHECK(outcomes("依据第12条。") == std::vector<Outcome>{Outcome::validated, Outcome::validated});
    CHECK(outcomes("依据第12条，共3条。") == std::vector<Outcome>{Outcome::validated, Outcome::noisy});
  }

  TEST_CASE("a lexicon table takes only file and prefilter") {
    check_error(load("[lexicons]\nunit = { file = \"lex/units.txt\", select = false }\n",
                     {{"pack/lex/units.txt", "万\n"}}),
                "unknown-key", "pack/rules.toml", 2, 34);
  }

  TEST_CASE("a missing word-list file is reported at the lexicon's line") {
    check_error(load("[lexicons]\nunit = \"lex/none.txt\"\n"), "missing-lexicon-file", "pack/rules.toml", 2, 8);
  }

  TEST_CASE("non-UTF-8 bytes in a pack file are an error naming the line") {
    check_error(load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = '\xC3\x28'\n"), "bad-encoding",
                "pack/rules.toml", 4, 0);
  }

  TEST_CASE("every error of a file is reported at once, and nothing loads") {
    auto r = load("[[rule]]\nid = \"a\"\ntype = \"widget\"\npattern = 'a'\n"
                  "[[rule]]\nid = \"b\"\ntype = \"thing\"\npattern = '%{nope}'\n"
                  "[[rule]]\nid = \"c\"\ntype = \"thing\"\npattern = '('\n");
    REQUIRE_FALSE(r.ok());
    int errors = 0;
    for (const auto& d : r.diagnostics()) errors += d.severity == reportex::Severity::error;
    CHECK(errors == 3);
    CHECK_THROWS_AS(r.value(), reportex::LoadError);
  }

  TEST_CASE("a rule without examples loads with a warning") {
    auto r = load("[[rule]]\nid = \"x\"\ntype = \"thing\"\npattern = 'a'\n");
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].code == "no-examples");
    CHECK(r.diagnostics()[0].severity == reportex::Severity::warning);
    CHECK(reportex::check_examples(**r).rules_without_examples == std::vector<std::string>{"x"});
  }

  TEST_CASE("diagnostics print as file:line:column: error: message [code]") {
    Diagnostic d{reportex::Severity::error, "bad-regex", "a.toml", 3, 7, "missing )"};
    CHECK(d.to_string() == "a.toml:3:7: error: missing ) [bad-regex]");
  }
}
