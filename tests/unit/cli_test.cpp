// The reportex command line, end to end on examples/reports/.
#include <reportex/reportex.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out, err;
};

// Runs the CLI with `args` (already shell-quoted), capturing stdout and stderr.
Run cli(const std::string& args) {
  std::string err_file = (fs::temp_directory_path() / ("reportex_cli_err_" + std::to_string(::getpid()))).string();
  std::string command = std::string(REPORTEX_CLI) + " " + args + " 2>" + err_file;
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 65536> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream s;
  s << err.rdbuf();
  run.err = s.str();
  fs::remove(err_file);
  return run;
}

std::vector<fs::path> sample_reports() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(REPORTEX_SOURCE_DIR) / "examples" / "reports"))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// NFKC without white space: how SCHEMA.md compares texts.
std::string folded(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = nfkc->normalize(icu::UnicodeString::fromUTF8(s), status);
  std::string out, utf8;
  u.toUTF8String(utf8);
  for (char c : utf8)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  return out;
}

std::vector<nlohmann::json> lines(const std::string& out) {
  std::vector<nlohmann::json> records;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  return records;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("extract prints JSON Lines whose spans point at their source text") {
    auto reports = sample_reports();
    REQUIRE(reports.size() >= 6);
    std::string args = "extract --format jsonl";
    for (const auto& r : reports) args += " '" + r.string() + "'";
    Run run = cli(args);
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    auto records = lines(run.out);
    REQUIRE(records.size() > 50);
    std::map<std::string, std::string> raw;
    for (const auto& r : reports) raw[r.filename().string()] = read_file(r);
    std::set<std::string> docs;
    for (const auto& j : records) {
      const std::string doc = j["doc"];
      docs.insert(doc);
      REQUIRE(raw.count(doc) == 1);
      std::size_t start = j["start"], end = j["end"];
      REQUIRE(start < end);
      REQUIRE(end <= raw[doc].size());
      INFO(doc << " " << j.dump());
      CHECK(folded(raw[doc].substr(start, end - start)) == folded(j["text"]));
      CHECK(j["fields"].is_object());
      CHECK_FALSE(std::string(j["rule"]).empty());
    }
    CHECK(docs.size() == reports.size());  // every report yields records, in input order
  }

  TEST_CASE("output keeps input order whatever the number of jobs") {
    auto reports = sample_reports();
    std::string files;
    for (const auto& r : reports) files += " '" + r.string() + "'";
    Run one = cli("extract -j 1" + files);
    Run two = cli("extract -j 3" + files);
    CHECK(one.status == 0);
    CHECK(one.out == two.out);
    CHECK_FALSE(one.out.empty());
  }

  TEST_CASE("more files than may wait to be printed still come out whole and in order") {
    // -j 2 keeps at most 512 files' results waiting; 1200 make the workers wait for the window.
    fs::path dir = fs::temp_directory_path() / ("reportex_cli_many_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string files;
    constexpr int kFiles = 1200, kEmpty = 700;
    for (int i = 0; i < kFiles; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "r%04d.txt", i);
      std::ofstream out(dir / name);
      if (i != kEmpty) out << "2024年，该院受理各类案件" << 100 + i << "件。\n";
      files += " '" + (dir / name).string() + "'";
    }
    Run one = cli("extract -j 1" + files);
    Run two = cli("extract -j 2" + files);
    CHECK(one.status == 1);  // the empty file
    CHECK(two.status == 1);
    CHECK(two.err.find("r0700.txt: empty file") != std::string::npos);
    CHECK(one.out == two.out);
    std::vector<std::string> counted;  // the documents with their count, in output order
    std::istringstream lines(two.out);
    for (std::string line; std::getline(lines, line);) {
      auto j = nlohmann::json::parse(line);
      if (j["type"] == "case_count") counted.push_back(j["doc"]);
    }
    REQUIRE(counted.size() == kFiles - 1);
    CHECK(std::is_sorted(counted.begin(), counted.end()));
    CHECK(counted.front() == "r0000.txt");
    CHECK(counted.back() == "r1199.txt");
    fs::remove_all(dir);
  }

  TEST_CASE("files extracted in one batch get the records each gets alone") {
    auto reports = sample_reports();
    REQUIRE(reports.size() >= 4);
    std::string files, alone;
    for (const auto& r : reports) {
      files += " '" + r.string() + "'";
      Run one = cli("extract -j 1 '" + r.string() + "'");
      REQUIRE(one.status == 0);
      CHECK_FALSE(one.out.empty());
      alone += one.out;
    }
    Run together = cli("extract -j 1" + files);  // small files: one batch
    CHECK(together.status == 0);
    CHECK(together.out == alone);
  }

  TEST_CASE("table and csv formats print one header and a row per record") {
    auto reports = sample_reports();
    Run jsonl = cli("extract '" + reports[0].string() + "' '" + reports[1].string() + "'");
    Run csv = cli("extract --format csv '" + reports[0].string() + "' '" + reports[1].string() + "'");
    Run table = cli("extract --format table '" + reports[0].string() + "'");
    auto count = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    CHECK(csv.out.rfind("doc,type,start,end,text,rule,article,fields\n", 0) == 0);
    CHECK(count(csv.out) == count(jsonl.out) + 1);
    CHECK(table.out.find("source text") != std::string::npos);
  }

  TEST_CASE("bad inputs are reported by name, and the good ones still come out") {
    fs::path dir = fs::temp_directory_path() / ("reportex_cli_bad_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "empty.txt").close();
    std::ofstream(dir / "binary.bin", std::ios::binary) << std::string("\x7f" "ELF\0\0\x01\x02", 8);
    std::ofstream(dir / "broken.txt", std::ios::binary) << "2024年，该院受理案件\xff\xfe 120 件。";
    auto good = sample_reports()[0];
    Run alone = cli("extract '" + good.string() + "'");
    Run run = cli("extract '" + (dir / "missing.txt").string() + "' '" + (dir / "empty.txt").string() + "' '" +
                  good.string() + "' '" + (dir / "binary.bin").string() + "' '" + (dir / "broken.txt").string() + "'");
    CHECK(run.status == 1);
    CHECK(run.err.find("missing.txt: cannot open") != std::string::npos);
    CHECK(run.err.find("empty.txt: empty file") != std::string::npos);
    CHECK(run.err.find("binary.bin: binary file") != std::string::npos);
    CHECK(run.err.find("broken.txt: 2 bytes are not valid") != std::string::npos);
    CHECK(run.out.rfind(alone.out, 0) == 0);  // the good file's records, complete, first
    CHECK(run.out.size() >= alone.out.size());
    fs::remove_all(dir);
  }

  TEST_CASE("a bad rule pack gets one line per error and exit status 2") {
    fs::path dir = fs::temp_directory_path() / ("reportex_cli_pack_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "rules.toml") << "[types.t]\nfields = { a = \"text\" }\n[[rule]]\nid = \"x\"\ntype = \"t\"\n"
                                         "pattern = '(a'\n[[rule]]\nid = \"y\"\ntype = \"u\"\npattern = 'b'\n";
    Run run = cli("extract --rules '" + dir.string() + "' '" + sample_reports()[0].string() + "'");
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("rules.toml:6:11: error:") != std::string::npos);
    CHECK(run.err.find("rules.toml:9:8: error:") != std::string::npos);
    fs::remove_all(dir);
  }

  TEST_CASE("explain lists candidates, linking steps and records") {
    Run run = cli("explain '" + sample_reports()[0].string() + "'");
    CHECK(run.status == 0);
    CHECK(run.out.find("## candidates") != std::string::npos);
    CHECK(run.out.find("## linking") != std::string::npos);
    CHECK(run.out.find("\"type\":") != std::string::npos);
  }

  TEST_CASE("usage errors exit with status 2 and say what is wrong") {
    Run run = cli("extract --format xml x.txt");
    CHECK(run.status == 2);
    CHECK(run.err.find("unknown format 'xml'") != std::string::npos);
    CHECK(cli("frobnicate").status == 2);
    CHECK(cli("extract --reference-date 2025-02-30 x.txt").status == 2);
  }
}
