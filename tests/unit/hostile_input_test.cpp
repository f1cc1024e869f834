// Inputs written to hurt extraction: empty, huge, repetitive, broken or
// foreign bytes, other encodings, markup, deep nesting. Each test asserts
// what happens exactly, and every record's span is checked against the text.
#include <reportex/reportex.hpp>

#include "text/utf8.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The one-line input of the "huge" test. 64 MB as the issue asks; it takes a
// few seconds in Release and well under a minute under ASan.
constexpr std::size_t kOneLineBytes = 64u << 20;

// A report sentence of the kind the pack reads: one case count and one
// percent; no full-width punctuation inside the records, so their normalized
// text equals their source bytes.
const std::string kSentence = "2024年该院共受理各类案件3551件，同比上升12.5%。";

const reportex::Extractor& extractor() {
  static const reportex::Extractor instance(reportex::RuleSet::builtin());
  return instance;
}

std::vector<reportex::Record> extract(const std::string& bytes, reportex::DocumentOptions options = {}) {
  return extractor().extract(reportex::Document::from_bytes("hostile.txt", bytes, std::move(options)));
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string sample_report() {
  return read_file(fs::path(REPORTEX_SOURCE_DIR) / "examples" / "reports" / "01_work_report.txt");
}

// Every span of every record lies inside original(), is not empty, starts and
// ends on character boundaries, and records come in order of their start.
void check_spans(const reportex::Document& document, const std::vector<reportex::Record>& records) {
  const std::string& original = document.original();
  std::vector<bool> starts(original.size() + 1, false);
  for (std::size_t pos = 0; pos < original.size(); pos += reportex::internal::text::decode_utf8(original, pos).length)
    starts[pos] = true;
  starts[original.size()] = true;
  std::size_t previous = 0;
  for (const auto& record : records) {
    INFO(record.type << " '" << record.text << "' " << record.span.begin << ".." << record.span.end);
    REQUIRE(record.span.begin < record.span.end);
    REQUIRE(record.span.end <= original.size());
    CHECK(starts[record.span.begin]);
    CHECK(starts[record.span.end]);
    CHECK(record.span.begin >= previous);
    previous = record.span.begin;
  }
}

// The records as JSON lines without their spans: what must not depend on
// how the text was encoded.
std::vector<std::string> without_spans(const std::vector<reportex::Record>& records) {
  std::vector<std::string> out;
  for (const auto& record : records) {
    auto json = nlohmann::json::parse(reportex::to_json_line("d", record));
    json.erase("start");
    json.erase("end");
    json.erase("mentions");
    out.push_back(json.dump());
  }
  return out;
}

std::size_t count_type(const std::vector<reportex::Record>& records, const std::string& type) {
  return static_cast<std::size_t>(
      std::count_if(records.begin(), records.end(), [&](const auto& r) { return r.type == type; }));
}

// Converts UTF-8 to `encoding` with ICU.
std::string encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t length = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

struct Run {
  int status = -1;
  std::string out, err;
};

// Runs the CLI with `args` (already shell-quoted).
Run cli(const std::string& args) {
  const fs::path err_file = fs::temp_directory_path() / ("reportex_hostile_err_" + std::to_string(::getpid()));
  const std::string command = std::string(REPORTEX_CLI) + " " + args + " 2>'" + err_file.string() + "'";
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 65536> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = read_file(err_file);
  fs::remove(err_file);
  return run;
}

// A scratch directory removed at the end of the test.
struct ScratchDir {
  fs::path path;
  explicit ScratchDir(const std::string& name)
      : path(fs::temp_directory_path() / ("reportex_hostile_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

}  // namespace

TEST_SUITE("hostile") {
  TEST_CASE("input: an empty document has no text, no segments and no records") {
    const auto document = reportex::Document::from_bytes("empty.txt", "");
    CHECK(document.original().empty());
    CHECK(document.text().empty());
    CHECK(document.encoding() == "utf-8");
    CHECK(document.replaced_bytes() == 0);
    CHECK(document.paragraphs().empty());
    CHECK(document.sentences().empty());
    CHECK(extractor().extract(document).empty());
  }

  TEST_CASE("input: a 64 MB document on one line is read in full, every sentence's records found" *
            doctest::timeout(300)) {
    const std::size_t repeats = kOneLineBytes / kSentence.size();
    std::string bytes;
    bytes.reserve(repeats * kSentence.size());
    for (std::size_t i = 0; i < repeats; ++i) bytes += kSentence;
    const auto document = reportex::Document::from_bytes("huge.txt", std::move(bytes));
    const auto records = extractor().extract(document);
    CHECK(document.sentences().size() == repeats);
    CHECK(count_type(records, "case_count") == repeats);
    CHECK(count_type(records, "percent") == repeats);
    check_spans(document, records);
    // The last sentence's count points at its own bytes, at the very end.
    const auto last = std::find_if(records.rbegin(), records.rend(), [](const auto& r) { return r.type == "case_count"; });
    REQUIRE(last != records.rend());
    CHECK(document.original().substr(last->span.begin, last->span.size()) == last->text);
    CHECK(last->span.begin > kOneLineBytes - kSentence.size() * 2);
  }

  TEST_CASE("input: 1 MB of one repeated character yields nothing, quickly" * doctest::timeout(60)) {
    for (const std::string unit : {"件", "1", "，", "（", "\n", " ", "a"}) {
      std::string bytes;
      while (bytes.size() < (1u << 20)) bytes += unit;
      const auto document = reportex::Document::from_bytes("same.txt", bytes);
      INFO("repeated '" << unit << "'");
      CHECK(document.replaced_bytes() == 0);
      CHECK(extractor().extract(document).empty());
    }
  }

  TEST_CASE("input: NUL bytes are kept as text and do not hide the records around them") {
    const std::string bytes = kSentence + std::string(3, '\0') + kSentence;
    const auto document = reportex::Document::from_bytes("nul.txt", bytes);
    CHECK(document.replaced_bytes() == 0);
    CHECK(document.original() == bytes);
    const auto records = extractor().extract(document);
    CHECK(count_type(records, "case_count") == 2);
    check_spans(document, records);
  }

  TEST_CASE("input: invalid and overlong UTF-8 becomes U+FFFD, one per maximal subpart") {
    // C0 AF: overlong '/', two subparts. E0 80 AF: overlong, three. FF: never valid.
    // E4 B8 then ASCII: a truncated character, one subpart of two bytes.
    const std::string bytes = kSentence + "\xC0\xAF" + "\xE0\x80\xAF" + "\xFF" + "\xE4\xB8" + "x" + kSentence;
    const auto document = reportex::Document::from_bytes("broken.txt", bytes);
    CHECK(document.encoding() == "utf-8");
    CHECK(document.original() == bytes);  // spans refer to the bytes as given
    CHECK(document.replaced_bytes() == 8);
    std::size_t replacements = 0;
    for (std::size_t pos = document.text().find("\uFFFD"); pos != std::string::npos;
         pos = document.text().find("\uFFFD", pos + 1))
      ++replacements;
    CHECK(replacements == 7);
    const auto records = extract(bytes);
    CHECK(count_type(records, "case_count") == 2);
    check_spans(document, records);
  }

  TEST_CASE("input: lone surrogates encoded in UTF-8 are replaced, not passed on") {
    // ED A0 80 is U+D800, ED BF BF U+DFFF; ED A0 BD ED B8 80 is a CESU-8 pair.
    const std::string bytes = kSentence + "\xED\xA0\x80" + "\xED\xBF\xBF" + "\xED\xA0\xBD\xED\xB8\x80" + kSentence;
    const auto document = reportex::Document::from_bytes("surrogates.txt", bytes);
    CHECK(document.replaced_bytes() == 12);
    CHECK(document.text().find("\xED") == std::string::npos);
    const auto records = extractor().extract(document);
    CHECK(count_type(records, "case_count") == 2);
    check_spans(document, records);
  }

  TEST_CASE("input: a UTF-8 byte order mark is skipped, and spans count it") {
    const std::string report = sample_report();
    const auto plain = reportex::Document::from_bytes("plain.txt", report);
    const auto marked = reportex::Document::from_bytes("bom.txt", "\xEF\xBB\xBF" + report);
    CHECK(marked.encoding() == "utf-8");
    CHECK(marked.text() == plain.text());
    const auto plain_records = extractor().extract(plain);
    const auto marked_records = extractor().extract(marked);
    REQUIRE(marked_records.size() == plain_records.size());
    REQUIRE_FALSE(plain_records.empty());
    for (std::size_t i = 0; i < plain_records.size(); ++i) {
      CHECK(marked_records[i].span.begin == plain_records[i].span.begin + 3);
      CHECK(marked_records[i].span.end == plain_records[i].span.end + 3);
    }
    CHECK(without_spans(marked_records) == without_spans(plain_records));
    check_spans(marked, marked_records);
  }

  TEST_CASE("input: UTF-16 with a byte order mark, little and big endian, is converted") {
    const std::string report = sample_report();
    const auto expected = without_spans(extract(report));
    REQUIRE_FALSE(expected.empty());
    for (const auto& [bom, icu_name, encoding] :
         {std::tuple{std::string("\xFF\xFE"), "UTF-16LE", "utf-16le"}, std::tuple{std::string("\xFE\xFF"), "UTF-16BE", "utf-16be"}}) {
      const std::string label = encoding;  // INFO captures it; clang 14 cannot capture a structured binding
      INFO(label);
      const auto document = reportex::Document::from_bytes("utf16.txt", bom + encode(report, icu_name));
      CHECK(document.encoding() == label);
      CHECK(document.replaced_bytes() == 0);
      const auto records = extractor().extract(document);
      CHECK(without_spans(records) == expected);
      check_spans(document, records);
    }
  }

  TEST_CASE("input: a GB18030 report is detected, converted, and gives the records of its UTF-8 text") {
    const std::string report = sample_report();
    const std::string gb = encode(report, "gb18030");
    REQUIRE(gb != report);
    const auto document = reportex::Document::from_bytes("gb.txt", gb);
    CHECK(document.encoding() == "gb18030");
    CHECK(document.replaced_bytes() == 0);
    CHECK(document.original() == report);  // spans refer to the converted text
    CHECK(without_spans(extractor().extract(document)) == without_spans(extract(report)));

    // The command line says so in every record.
    ScratchDir dir("gb");
    const Run run = cli("extract --format jsonl '" + dir.write("gb.txt", gb).string() + "'");
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    std::istringstream lines(run.out);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count)
      CHECK(nlohmann::json::parse(line).value("encoding", "") == "gb18030");
    CHECK(count == extract(report).size());
  }

  TEST_CASE("input: the command line rejects an HTML page with a message and goes on") {
    ScratchDir dir("html");
    const std::string page = "<!DOCTYPE html>\n<html><head><title>工作报告</title></head>\n<body><p>" + kSentence +
                             "</p></body></html>\n";
    const auto html = dir.write("page.html", page);
    const auto text = dir.write("report.txt", kSentence);
    const Run run = cli("extract --format jsonl '" + html.string() + "' '" + text.string() + "'");
    CHECK(run.status == 1);
    CHECK(run.err == "reportex: " + html.string() + ": an HTML page, not a text report (convert it to text first); skipped\n");
    CHECK(run.out == cli("extract --format jsonl '" + text.string() + "'").out);
    CHECK_FALSE(run.out.empty());
  }

  TEST_CASE("input: 100,000 nested parentheses around a report sentence" * doctest::timeout(60)) {
    for (const auto& [open, close] : {std::pair{"(", ")"}, std::pair{"（", "）"}}) {
      std::string bytes;
      for (int i = 0; i < 100000; ++i) bytes += open;
      bytes += kSentence;
      for (int i = 0; i < 100000; ++i) bytes += close;
      const auto document = reportex::Document::from_bytes("nested.txt", bytes);
      const auto records = extractor().extract(document);
      const std::string bracket = open;  // INFO captures it; clang 14 cannot capture a structured binding
      INFO(bracket);
      CHECK(count_type(records, "case_count") == 1);
      check_spans(document, records);
    }
  }

  TEST_CASE("input: a 1 MB sentence without a sentence break stays linear" * doctest::timeout(60)) {
    // Clauses joined by commas only: one sentence holding 20,000 records.
    const std::string clause = "受理案件3551件，";
    std::string bytes;
    while (bytes.size() < (1u << 20)) bytes += clause;
    const auto document = reportex::Document::from_bytes("long.txt", bytes);
    REQUIRE(document.sentences().size() == 1);
    const auto records = extractor().extract(document);
    CHECK(count_type(records, "case_count") == bytes.size() / clause.size());
    check_spans(document, records);
  }

  TEST_CASE("input: 1 MB of digit groups separated by spaces is joined without quadratic cost" *
            doctest::timeout(60)) {
    std::string bytes = "受理";
    while (bytes.size() < (1u << 20)) bytes += "123 ";
    bytes += "件。";
    const auto document = reportex::Document::from_bytes("digits.txt", bytes);
    // Groups join into numbers of at most 24 digits; the rest keep their spaces.
    CHECK(document.text().find("123123") != std::string_view::npos);
    CHECK(document.text().find(' ') != std::string_view::npos);
    check_spans(document, extractor().extract(document));
  }

  TEST_CASE("input: 1 MB of one clause citing courts over and over stays linear" * doctest::timeout(60)) {
    std::string bytes;
    while (bytes.size() < (1u << 20)) bytes += "学习贯彻最高人民法院和自治区高级人民法院的";
    bytes += "讲话精神。该院受理案件3551件。";
    const auto document = reportex::Document::from_bytes("citing.txt", bytes);
    const auto records = extractor().extract(document);
    CHECK(count_type(records, "case_count") == 1);
    check_spans(document, records);
  }

  TEST_CASE("input: forty files, a quarter of them bad: every good file's records, in order" *
            doctest::timeout(300)) {
    ScratchDir dir("many");
    std::vector<fs::path> reports;
    for (const auto& entry : fs::directory_iterator(fs::path(REPORTEX_SOURCE_DIR) / "examples" / "reports"))
      if (entry.path().extension() == ".txt") reports.push_back(entry.path());
    std::sort(reports.begin(), reports.end());
    REQUIRE(reports.size() >= 6);

    std::string args = "extract --format jsonl -j 2";
    std::string expected;
    std::vector<std::string> bad_names;
    for (int i = 0; i < 40; ++i) {
      std::string name = "f";  // not "f" + to_string(i): GCC 12 warns falsely (-Wrestrict)
      name += std::to_string(i);
      fs::path path;
      switch (i % 4 == 3 ? (i / 4) % 4 : -1) {
        case 0: path = dir.path / (name + ".missing.txt"); break;
        case 1: path = dir.write(name + ".empty.txt", ""); break;
        case 2: path = dir.write(name + ".bin", std::string("\x7f" "ELF\0\1", 6)); break;
        case 3: path = dir.write(name + ".html", "<html><body>x</body></html>"); break;
        default: {
          path = dir.write(name + ".txt", read_file(reports[static_cast<std::size_t>(i) % reports.size()]));
          const auto document = reportex::Document::from_bytes(path.filename().string(), read_file(path));
          for (const auto& record : extractor().extract(document))
            expected += reportex::to_json_line(document.name(), record) + "\n";
          args += " '" + path.string() + "'";
          continue;
        }
      }
      bad_names.push_back(path.string());
      args += " '" + path.string() + "'";
    }
    const Run run = cli(args);
    CHECK(run.status == 1);
    CHECK(run.out == expected);
    for (const auto& bad : bad_names) {
      INFO(bad);
      const std::size_t at = run.err.find(bad + ": ");
      CHECK(at != std::string::npos);
      CHECK(run.err.find(bad + ": ", at + 1) == std::string::npos);  // once
    }
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == static_cast<long>(bad_names.size()));
  }
}
