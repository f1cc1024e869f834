// Rule packs written to hurt the loader: each gets a clear diagnostic at its
// place, or loads and works; never a crash, a hang or a partial pack.
#include <reportex/reportex.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

using reportex::RuleSet;
using reportex::SourceFile;

namespace {

using LoadResult = reportex::Result<std::shared_ptr<const RuleSet>>;

const SourceFile kTypes{"pack/types.toml", "[types.thing]\nfields = { name = \"text\", n = \"number\" }\n"};

LoadResult load(std::vector<SourceFile> files) {
  files.insert(files.begin(), kTypes);
  return RuleSet::from_sources(std::move(files));
}

std::string all_diagnostics(const LoadResult& result) {
  std::string all;
  for (const auto& d : result.diagnostics()) all += d.to_string() + "\n";
  return all;
}

// The load failed, and its only errors are `count` of `code`, the first at file:line:column.
const reportex::Diagnostic& only_error(const LoadResult& result, const std::string& code, const std::string& file,
                                       int line, int column, int count = 1) {
  INFO(all_diagnostics(result));
  REQUIRE_FALSE(result.ok());
  std::vector<const reportex::Diagnostic*> errors;
  for (const auto& d : result.diagnostics())
    if (d.severity == reportex::Severity::error) errors.push_back(&d);
  REQUIRE(errors.size() == static_cast<std::size_t>(count));
  for (const auto* e : errors) CHECK(e->code == code);
  CHECK(errors[0]->file == file);
  CHECK(errors[0]->line == line);
  CHECK(errors[0]->column == column);
  return *errors[0];
}

std::string rule(const std::string& id, const std::string& pattern) {
  return "[[rule]]\nid = \"" + id + "\"\ntype = \"thing\"\npattern = '" + pattern + "'\n";
}

// Joins pieces of a file. (GCC 12 falsely warns, -Wrestrict, on "literal" + std::string temporaries.)
std::string join(std::initializer_list<std::string> pieces) {
  std::string out;
  for (const auto& piece : pieces) out += piece;
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_SUITE("hostile") {
  TEST_CASE("pack: patterns that can match the empty string are rejected, however they are written") {
    // Through an optional def, and through an empty alternative.
    auto result = load({{"pack/rules.toml", join({"[defs]\nmaybe = '(?:万)?'\n", rule("a", "%{maybe}"),
                                                      rule("b", "(?:件|)")})}});
    only_error(result, "empty-match", "pack/rules.toml", 6, 11, 2);
  }

  TEST_CASE("pack: a zero-width assertion loads but never yields an empty record") {
    // \b matches no text on its own (so the load check passes) but is empty
    // wherever it matches; the matcher skips empty spans and moves on.
    auto result = load({{"pack/rules.toml", join({rule("c", "\\b"), "fields = { name = \"=x\" }\n"})}});
    INFO(all_diagnostics(result));
    REQUIRE(result.ok());
    CHECK(reportex::Extractor(*result).extract(reportex::Document::from_bytes("t.txt", "case 12 closed.")).empty());
  }

  TEST_CASE("pack: a program too large for RE2's memory budget is a bad-regex with RE2's message") {
    // 60 x 1000 copies of the Unicode letter class: legal syntax, far beyond the 32 MB budget.
    std::string pattern;
    for (int i = 0; i < 60; ++i) pattern += "\\pL{1000}";
    auto result = load({{"pack/rules.toml", rule("huge", pattern)}});
    const auto& error = only_error(result, "bad-regex", "pack/rules.toml", 4, 11);
    CHECK(error.message.find("pattern too large") != std::string::npos);
    CHECK(error.message.find("rule 'huge'") != std::string::npos);
  }

  TEST_CASE("pack: a lexicon of 200,000 entries loads and matches" * doctest::timeout(120)) {
    // Distinct three-character words over a 64-character alphabet.
    std::string words;
    const std::u32string alphabet = U"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川河海江湖风云雷电雨雪霜露春夏秋冬东南西北前后左右上下中外";
    int entries = 0;
    std::string last;
    for (char32_t a : alphabet)
      for (char32_t b : alphabet)
        for (char32_t c : alphabet) {
          if (entries == 200000) break;
          std::u32string word{a, b, c};
          std::string utf8;
          for (char32_t ch : word) {
            utf8 += static_cast<char>(0xE0 | (ch >> 12));
            utf8 += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
            utf8 += static_cast<char>(0x80 | (ch & 0x3F));
          }
          words += utf8 + "\n";
          last = utf8;
          ++entries;
        }
    REQUIRE(entries == 200000);
    const auto start = std::chrono::steady_clock::now();
    auto result = load({{"pack/rules.toml", join({"[lexicons]\nbig = \"big.txt\"\n", rule("big", "代号%{big:w}"),
                                                      "fields = { name = \"w\" }\n"})},
                        {"pack/big.txt", words}});
    const double load_seconds = seconds_since(start);
    MESSAGE("200,000-entry lexicon: loaded in " << load_seconds << " s");
    INFO(all_diagnostics(result));
    REQUIRE(result.ok());
    reportex::Extractor extractor(*result);
    auto records = extractor.extract(reportex::Document::from_bytes("t.txt", "该案代号" + last + "，已审结。"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields.text("name") == last);
  }

  TEST_CASE("pack: a cycle of sub-patterns is reported once, with its path") {
    auto result = load({{"pack/rules.toml", join({"[defs]\nx = '甲%{y}'\ny = '乙%{z}'\nz = '丙%{x}'\n", rule("r", "%{x}")})}});
    const auto& error = only_error(result, "reference-cycle", "pack/rules.toml", 4, 7);
    CHECK(error.message.find("x -> y -> z -> x") != std::string::npos);
  }

  TEST_CASE("pack: a 10 MB TOML file loads" * doctest::timeout(120)) {
    // 100,000 defs of about 100 bytes, one of them used.
    std::string toml = "[defs]\n";
    for (int i = 0; toml.size() < 10 * 1024 * 1024; ++i)
      toml += join({"d", std::to_string(i), " = '(?:第", std::to_string(i), "号|", std::string(80, 'x'), ")'\n"});
    toml += rule("big", "案号%{d7}") + "fields = { name = \"=案号\" }\n";
    const auto start = std::chrono::steady_clock::now();
    auto result = load({{"pack/rules.toml", toml}});
    MESSAGE("10 MB TOML file: loaded in " << seconds_since(start) << " s");
    INFO(all_diagnostics(result));
    REQUIRE(result.ok());
    auto records = reportex::Extractor(*result).extract(reportex::Document::from_bytes("t.txt", "案号第7号。"));
    REQUIRE(records.size() == 1);
    CHECK(records[0].text == "案号第7号");
  }

  TEST_CASE("pack: non-UTF-8 bytes in a rule file are bad-encoding at their line") {
    // A stray Latin-1 byte in a comment, and a UTF-8-encoded surrogate in a pattern.
    auto latin1 = load({{"pack/rules.toml", join({"# r\xE9gles\n", rule("r", "a")})}});
    only_error(latin1, "bad-encoding", "pack/rules.toml", 1, 0);
    auto surrogate = load({{"pack/rules.toml", rule("r", "a") + "# \xED\xA0\x80\n"}});
    only_error(surrogate, "bad-encoding", "pack/rules.toml", 5, 0);
  }

  TEST_CASE("pack: non-UTF-8 bytes in a word list are bad-encoding at their line") {
    const std::string rules = join({"[lexicons]\nw = \"w.txt\"\n", rule("r", "%{w}")});
    // The word list is refused, so the reference to it is undefined too.
    auto gbk = load({{"pack/rules.toml", rules}, {"pack/w.txt", "法院\n\xB7\xA8\xD4\xBA\n"}});
    REQUIRE_FALSE(gbk.ok());
    REQUIRE(gbk.diagnostics().size() == 2);
    CHECK(gbk.diagnostics().front().code == "undefined-reference");  // sorted by file: rules.toml first
    const auto& word_list = gbk.diagnostics().back();
    CHECK(word_list.code == "bad-encoding");
    CHECK(word_list.file == "pack/w.txt");
    CHECK(word_list.line == 2);
    auto overlong = load({{"pack/rules.toml", rules}, {"pack/w.txt", "法院\n检察院\n\xE0\x80\xAF\n"}});
    REQUIRE_FALSE(overlong.ok());
    CHECK(overlong.diagnostics().back().file == "pack/w.txt");
    CHECK(overlong.diagnostics().back().line == 3);
    CHECK(overlong.diagnostics().back().code == "bad-encoding");
  }

  TEST_CASE("pack: duplicate rule ids across files are all reported, and nothing loads") {
    auto result = load({{"pack/a.toml", rule("same", "甲") + rule("other", "乙")},
                        {"pack/b.toml", rule("same", "丙")},
                        {"pack/c.toml", join({"\n", rule("same", "丁")})}});
    const auto& first = only_error(result, "duplicate-rule-id", "pack/b.toml", 1, 1, 2);
    CHECK(first.message.find("pack/a.toml:1") != std::string::npos);
  }
}
