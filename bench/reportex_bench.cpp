// reportex_bench: throughput, floor, load time, memory and scaling of reportex.
//
//   reportex_bench [--json FILE] [--cli PATH] [--seeds DIR] [--reports DIR]
//                  [--corpus-mb N] [--max-mb N] [--budget SECONDS] [--commit TEXT]
//   reportex_bench --profile normalize|extract|small|small-batched|floor|rules [--corpus-mb N]
//
// The corpus is the seed pages (read at run time, never stored in the
// project) and examples/reports, repeated into one large document, and the
// same text cut into many 2-10 KB documents. Times are CPU time of the
// measuring thread (the machine may be shared), the best of several batches;
// multi-process figures (the CLI) are wall time. --profile runs one stage
// once, for valgrind --tool=callgrind ("rules" lists the cost of each
// pattern's Set pass alone, most expensive first).

#include <reportex/reportex.hpp>

#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <re2/set.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <span>
#include <string>
#include <thread>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct Options {
  std::string json_path;
  std::string cli;
  std::string seeds = REPORTEX_SOURCE_DIR "/../shared/corpus/seeds";
  std::string reports = REPORTEX_SOURCE_DIR "/examples/reports";
  std::size_t corpus_bytes = 16u << 20;
  std::size_t max_bytes = 64u << 20;
  double budget = 1.0;  // seconds of measuring per figure (at least one batch)
  std::string commit;
  std::string profile;
};

[[noreturn]] void usage(const std::string& message) {
  std::cerr << "reportex_bench: " << message
            << "\nusage: reportex_bench [--json FILE] [--cli PATH] [--seeds DIR] [--reports DIR]\n"
               "                      [--corpus-mb N] [--max-mb N] [--budget SECONDS] [--commit TEXT]\n"
               "       reportex_bench --profile normalize|extract|small|small-batched|floor|rules [--corpus-mb N]\n";
  std::exit(2);
}

Options parse_args(int argc, char** argv) {
  Options o;
#ifdef REPORTEX_CLI
  o.cli = REPORTEX_CLI;
#endif
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(a + " needs a value");
      return argv[++i];
    };
    auto megabytes = [&]() -> std::size_t {
      const std::string v = value();
      char* end = nullptr;
      const double mb = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0' || mb <= 0) usage(a + " takes a positive number of MB, not '" + v + "'");
      return static_cast<std::size_t>(mb * (1u << 20));
    };
    if (a == "--json") o.json_path = value();
    else if (a == "--cli") o.cli = value();
    else if (a == "--seeds") o.seeds = value();
    else if (a == "--reports") o.reports = value();
    else if (a == "--corpus-mb") o.corpus_bytes = megabytes();
    else if (a == "--max-mb") o.max_bytes = megabytes();
    else if (a == "--budget") o.budget = std::atof(value().c_str());
    else if (a == "--commit") o.commit = value();
    else if (a == "--profile") o.profile = value();
    else usage("unknown argument " + a);
  }
  if (o.budget <= 0) usage("--budget must be positive");
  return o;
}

// ---------------------------------------------------------------- corpus

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The *.txt files of `dir` (not *.gold.json or *.expected.json), sorted.
std::vector<fs::path> text_files(const std::string& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

struct CorpusSource {
  std::string text;  // every source page, separated by blank lines
  std::size_t seed_files = 0, report_files = 0;
};

CorpusSource load_sources(const Options& o) {
  CorpusSource source;
  auto add = [&](const fs::path& path) {
    std::string page = read_file(path);
    if (page.empty()) return false;
    source.text += page;
    source.text += page.back() == '\n' ? "\n" : "\n\n";  // pages stay separate paragraphs
    return true;
  };
  for (const auto& p : text_files(o.seeds)) source.seed_files += add(p);
  for (const auto& p : text_files(o.reports)) source.report_files += add(p);
  return source;
}

// The largest UTF-8 character boundary at or before `pos`.
std::size_t char_boundary(std::string_view text, std::size_t pos) {
  pos = std::min(pos, text.size());
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// `base` repeated and cut (at a character boundary) to about `size` bytes.
std::string repeated(const std::string& base, std::size_t size) {
  std::string out;
  out.reserve(size + base.size());
  while (out.size() < size) out += base;
  out.resize(char_boundary(out, size));
  return out;
}

// `text` cut into consecutive documents of 2-10 KB, preferably after a line
// break; the sizes come from a fixed generator so every run cuts the same way.
std::vector<std::string> cut_documents(std::string_view text) {
  std::vector<std::string> out;
  std::uint32_t state = 12345;
  std::size_t pos = 0;
  while (pos < text.size()) {
    state = state * 1664525u + 1013904223u;
    const std::size_t target = 2048 + (state >> 8) % (8 * 1024 + 1);
    std::size_t end = pos + target;
    if (end >= text.size()) {
      end = text.size();
    } else {
      const std::size_t line_end = text.rfind('\n', end);
      end = line_end != std::string_view::npos && line_end >= pos + 2048 ? line_end + 1 : char_boundary(text, end);
    }
    out.emplace_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// ---------------------------------------------------------------- timing

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Timing {
  double cpu = 0;   // best CPU seconds per call
  double wall = 0;  // wall seconds of the same batch
  int calls = 0;    // calls measured in all
};

// Calls `fn` in batches of at least ~50 ms until `budget` seconds have gone
// (always at least one batch after a warm-up call); the best batch wins, by
// CPU time of this thread, or by wall time when `fn` works on other threads too.
Timing measure(const std::function<void()>& fn, double budget, bool by_wall = false) {
  double start_cpu = thread_cpu_seconds();
  fn();  // warm-up, and an estimate of one call
  const double first = std::max(thread_cpu_seconds() - start_cpu, 1e-7);
  const int per_batch = std::max(1, static_cast<int>(0.05 / first));
  Timing best{first, first, 1};
  bool measured = false;
  const double deadline = wall_seconds() + budget;
  while (!measured || wall_seconds() < deadline) {
    const double w0 = wall_seconds(), c0 = thread_cpu_seconds();
    for (int i = 0; i < per_batch; ++i) fn();
    const double cpu = (thread_cpu_seconds() - c0) / per_batch, wall = (wall_seconds() - w0) / per_batch;
    if (!measured || (by_wall ? wall < best.wall : cpu < best.cpu)) best = {cpu, wall, best.calls};
    best.calls += per_batch;
    measured = true;
  }
  return best;
}

// The better of two timings; a default Timing (no calls) counts as none.
Timing faster(const Timing& a, const Timing& b) {
  if (a.calls == 0) return b;
  return b.calls != 0 && b.cpu < a.cpu ? b : a;
}

double mb_per_s(std::size_t bytes, double seconds) { return static_cast<double>(bytes) / (1 << 20) / seconds; }
double ns_per_byte(std::size_t bytes, double seconds) { return seconds * 1e9 / static_cast<double>(bytes); }

// ---------------------------------------------------------------- the floor

// Every pattern of the pack in one RE2::Set, compiled as the Matcher does.
std::unique_ptr<RE2::Set> floor_set(const reportex::RuleSet& rules) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(256 << 20);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& pattern : rules.patterns()) set->Add(pattern, nullptr);
  if (!set->Compile()) return nullptr;
  return set;
}

// One Set pass per sentence; returns the number of hits (so nothing is optimized away).
std::size_t set_pass_per_sentence(const RE2::Set& set, const reportex::Document& doc) {
  std::vector<int> hits;
  std::size_t total = 0;
  const std::string_view text = doc.text();
  for (const auto& s : doc.sentences()) {
    hits.clear();
    set.Match(re2::StringPiece(text.data() + s.normalized.begin, s.normalized.size()), &hits);
    total += hits.size();
  }
  return total;
}

std::size_t set_pass_whole(const RE2::Set& set, const reportex::Document& doc, bool* failed) {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  const bool matched = set.Match(re2::StringPiece(doc.text()), &hits, &info);
  *failed = !matched && info.kind != RE2::Set::kNoError;
  return hits.size();
}

// ---------------------------------------------------------------- batches

// `docs` extracted as the CLI does, in consecutive batches of about
// kBatchBytes; returns the number of records.
constexpr std::size_t kBatchBytes = std::size_t{512} << 10;

std::size_t extract_in_batches(const reportex::Extractor& extractor, const std::vector<reportex::Document>& docs) {
  std::size_t records = 0;
  for (std::size_t first = 0; first < docs.size();) {
    std::size_t last = first, bytes = 0;
    while (last < docs.size() && bytes < kBatchBytes) bytes += docs[last++].text().size();
    for (const auto& list : extractor.extract(std::span(docs).subspan(first, last - first))) records += list.size();
    first = last;
  }
  return records;
}

// ---------------------------------------------------------------- the CLI as a child

struct ChildRun {
  bool ok = false;
  double wall = 0, cpu = 0;  // cpu: user + system of the child
  long max_rss_kb = 0;
};

double seconds_of(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; }

// Runs `argv` with its output discarded and waits for it. A child keeps the
// peak RSS of the process it was forked from (Linux carries it across exec),
// so only a small process may call this for the figure to be the child's own.
ChildRun spawn_and_wait(char* const* argv) {
  ChildRun run;
  const double start = wall_seconds();
  const pid_t pid = fork();
  if (pid < 0) return run;
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execv(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return run;
  run.wall = wall_seconds() - start;
  run.cpu = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  run.max_rss_kb = usage.ru_maxrss;
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return run;
}

// `reportex_bench --run-child REPORT PROGRAM ARGS...`: this binary, freshly
// started and still small, runs PROGRAM and writes what it measured to REPORT.
int run_child_mode(int argc, char** argv) {
  if (argc < 4) return 2;
  const ChildRun run = spawn_and_wait(argv + 3);
  std::ofstream report(argv[2]);
  report << run.ok << ' ' << run.wall << ' ' << run.cpu << ' ' << run.max_rss_kb << '\n';
  return report ? 0 : 1;
}

// Runs `program` through a fresh copy of this binary (see spawn_and_wait).
ChildRun run_child(const std::string& program, const std::vector<std::string>& args, const fs::path& report) {
  std::string self = fs::read_symlink("/proc/self/exe").string();
  std::vector<std::string> all = {self, "--run-child", report.string(), program};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  ChildRun helper = spawn_and_wait(argv.data());
  ChildRun run;
  std::ifstream in(report);
  if (!helper.ok || !(in >> run.ok >> run.wall >> run.cpu >> run.max_rss_kb)) return ChildRun{};
  return run;
}

// A temporary directory removed when the holder goes.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "reportex-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// ---------------------------------------------------------------- machine

std::string first_value(const char* file, const std::string& key) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(key, 0) != 0) continue;
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    return value;
  }
  return {};
}

json machine_info() {
  std::ifstream load("/proc/loadavg");
  std::string load_1min;
  load >> load_1min;
  return {{"nproc", std::thread::hardware_concurrency()},
          {"cpu", first_value("/proc/cpuinfo", "model name")},
          {"memory", first_value("/proc/meminfo", "MemTotal")},
          {"load_average_1min_at_start", load_1min}};
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", std::localtime(&now));
  return buffer;
}

// ---------------------------------------------------------------- report

struct Row {
  std::string label;
  std::string value;
  std::string target;  // empty when the figure has none
  std::optional<bool> met;
};

std::string fixed(double v, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

void print_table(const std::vector<Row>& rows) {
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.label.size());
  for (const auto& r : rows) {
    std::string line = r.label + std::string(width - r.label.size() + 2, ' ') + r.value;
    if (!r.target.empty()) {
      line += std::string(line.size() < width + 24 ? width + 24 - line.size() : 1, ' ');
      line += "target " + r.target + (r.met ? (*r.met ? "  met" : "  MISSED") : "");
    }
    std::cout << line << '\n';
  }
}

// ---------------------------------------------------------------- profile mode

int profile(const Options& o, const std::string& corpus) {
  auto rules = reportex::RuleSet::builtin();
  reportex::Extractor extractor(rules);
  if (o.profile == "normalize") {
    auto doc = reportex::Document::from_bytes("bench", corpus);
    std::cout << doc.sentences().size() << " sentences\n";
  } else if (o.profile == "extract") {
    auto doc = reportex::Document::from_bytes("bench", corpus);
    std::cout << extractor.extract(doc).size() << " records\n";
  } else if (o.profile == "small") {
    std::size_t records = 0;
    for (const auto& text : cut_documents(corpus))
      records += extractor.extract(reportex::Document::from_bytes("bench", text)).size();
    std::cout << records << " records\n";
  } else if (o.profile == "small-batched") {
    std::vector<reportex::Document> docs;
    for (const auto& text : cut_documents(corpus)) docs.push_back(reportex::Document::from_bytes("bench", text));
    std::cout << extract_in_batches(extractor, docs) << " records\n";
  } else if (o.profile == "floor") {
    auto doc = reportex::Document::from_bytes("bench", corpus);
    auto set = floor_set(*rules);
    if (!set) return 1;
    std::cout << set_pass_per_sentence(*set, doc) << " hits\n";
  } else if (o.profile == "rules") {
    // The floor pass of each pattern alone, most expensive first: where the Set's time goes.
    auto doc = reportex::Document::from_bytes("bench", corpus);
    const auto patterns = rules->patterns();
    std::vector<std::pair<double, std::size_t>> costs;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      RE2::Options options;
      options.set_log_errors(false);
      RE2::Set one(options, RE2::UNANCHORED);
      one.Add(patterns[i], nullptr);
      if (!one.Compile()) continue;
      costs.emplace_back(measure([&] { set_pass_per_sentence(one, doc); }, o.budget).cpu, i);
    }
    std::sort(costs.rbegin(), costs.rend());
    // The program size tells how RE2 places captures: up to 512 instructions with its
    // cheap backtracker, above with its NFA (a rule's `leading` part compiles apart).
    std::cout << "ns/B of the Set pass, program size of the whole pattern, rule\n";
    for (const auto& [cpu, i] : costs) {
      RE2::Options options;
      options.set_log_errors(false);
      const RE2 re(patterns[i], options);
      std::cout << fixed(ns_per_byte(corpus.size(), cpu), 2) << " ns/B  " << re.ProgramSize() << "  "
                << rules->rules()[i].id << '\n';
    }
  } else {
    usage("--profile takes normalize, extract, small, small-batched, floor or rules");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--run-child") == 0) return run_child_mode(argc, argv);
#if defined(__GLIBC__)
  // The allocator settings of the reportex CLI (examples/cli/main.cpp), so
  // that in-process figures measure the library as the CLI runs it.
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
#endif
  const Options o = parse_args(argc, argv);
  const CorpusSource source = load_sources(o);
  if (source.text.empty()) usage("no corpus: neither " + o.seeds + " nor " + o.reports + " holds *.txt files");
  const std::string corpus = repeated(source.text, o.corpus_bytes);
  if (!o.profile.empty()) return profile(o, corpus);

  json results;
  std::vector<Row> rows;
  results["date"] = today();
  results["commit"] = o.commit;
  results["machine"] = machine_info();
  results["corpus"] = {{"seed_files", source.seed_files},
                       {"report_files", source.report_files},
                       {"source_bytes", source.text.size()},
                       {"bytes", corpus.size()}};
  std::cerr << "corpus: " << source.seed_files << " seed pages + " << source.report_files << " reports, "
            << source.text.size() << " bytes, repeated to " << corpus.size() << " bytes\n";

  // Load and compile: wall time, as the loader compiles the patterns on every core.
  std::shared_ptr<const reportex::RuleSet> rules;
  const Timing load = measure(
      [&] {
        rules = reportex::RuleSet::from_sources(reportex::RuleSet::builtin_sources()).value();
        reportex::Extractor compiled(rules);
      },
      o.budget, true);
  const reportex::Extractor extractor(rules);
  results["pack"] = {{"rules", rules->rules().size()},
                     {"types", rules->types().size()},
                     {"load_compile_ms", load.wall * 1e3},
                     {"load_compile_cpu_ms", load.cpu * 1e3},
                     {"footprint_bytes", rules->memory_footprint()}};
  rows.push_back({"rules in pack", std::to_string(rules->rules().size()), "", std::nullopt});
  rows.push_back({"load + compile (wall; CPU of this thread)",
                  fixed(load.wall * 1e3, 1) + " ms; " + fixed(load.cpu * 1e3, 1) + " ms", "< 100 ms", load.wall < 0.1});
  rows.push_back({"compiled pack footprint", fixed(static_cast<double>(rules->memory_footprint()) / (1 << 20), 2) + " MB",
                  "", std::nullopt});

  // One large document.
  const std::size_t bytes = corpus.size();
  const Timing normalize = measure([&] { reportex::Document::from_bytes("bench", corpus); }, o.budget);
  const auto doc = reportex::Document::from_bytes("bench", corpus);
  std::size_t records = 0;
  // The floor: a bare RE2::Set pass with every pattern. A shared machine's
  // speed drifts, so extraction and the floor are measured in alternating
  // rounds, each keeping its best: their ratio compares like with like. The
  // floor, all DFA lookups, suffers more from neighbours' cache traffic than
  // extraction does, so there are five rounds to find quiet moments for both.
  const auto set = floor_set(*rules);
  std::size_t hits = 0;
  bool whole_failed = false;
  Timing extract, per_sentence, whole;
  constexpr int kRounds = 5;
  for (int round = 0; round < kRounds; ++round) {
    extract = faster(extract, measure([&] { records = extractor.extract(doc).size(); }, o.budget / kRounds));
    if (!set) continue;
    per_sentence = faster(per_sentence, measure([&] { hits = set_pass_per_sentence(*set, doc); }, o.budget / kRounds));
    whole = faster(whole, measure([&] { set_pass_whole(*set, doc, &whole_failed); }, o.budget / kRounds));
  }
  json large = {{"bytes", bytes},
                {"sentences", doc.sentences().size()},
                {"records", records},
                {"normalize_mb_s", mb_per_s(bytes, normalize.cpu)},
                {"extract_mb_s", mb_per_s(bytes, extract.cpu)},
                {"extract_wall_mb_s", mb_per_s(bytes, extract.wall)},
                {"normalize_and_extract_mb_s", mb_per_s(bytes, normalize.cpu + extract.cpu)}};
  const std::string size_label = fixed(static_cast<double>(bytes) / (1 << 20), 0) + " MB";
  rows.push_back({"normalize, " + size_label + " document", fixed(mb_per_s(bytes, normalize.cpu), 1) + " MB/s", "",
                  std::nullopt});
  rows.push_back({"extract, " + size_label + " document", fixed(mb_per_s(bytes, extract.cpu), 1) + " MB/s",
                  ">= 100 MB/s", mb_per_s(bytes, extract.cpu) >= 100});
  rows.push_back({"normalize + extract", fixed(mb_per_s(bytes, normalize.cpu + extract.cpu), 1) + " MB/s", "",
                  std::nullopt});

  // Text the matcher has not seen: a fresh Extractor starts with empty RE2
  // DFA caches, and the corpus above repeats, so its figure is warm. This is
  // the cost of the first pass over new reports.
  {
    const auto unseen = reportex::Document::from_bytes("unseen", source.text);
    double best = 0;
    for (int round = 0; round < 3; ++round) {
      // A rule set of its own: the rules' DFAs (and reverse programs) are
      // built as this text needs them, as in a process's first report.
      auto fresh_rules = reportex::RuleSet::from_sources(reportex::RuleSet::builtin_sources());
      if (!fresh_rules.ok()) break;
      const reportex::Extractor fresh(fresh_rules.value());
      const double start = thread_cpu_seconds();
      fresh.extract(unseen);
      const double cpu = thread_cpu_seconds() - start;
      if (round == 0 || cpu < best) best = cpu;
    }
    const std::string label = "unseen text (new rule set, " + fixed(static_cast<double>(source.text.size()) / 1024, 0) + " KB)";
    large["unseen_text_bytes"] = source.text.size();
    large["unseen_text_mb_s"] = mb_per_s(source.text.size(), best);
    rows.push_back({"extract, " + label, fixed(mb_per_s(source.text.size(), best), 2) + " MB/s", "", std::nullopt});
    double floor_best = 0;
    for (int round = 0; round < 3; ++round) {
      const auto set = floor_set(*rules);
      if (!set) break;
      const double start = thread_cpu_seconds();
      set_pass_per_sentence(*set, unseen);
      const double cpu = thread_cpu_seconds() - start;
      if (round == 0 || cpu < floor_best) floor_best = cpu;
    }
    if (floor_best > 0) {
      large["unseen_text_floor_mb_s"] = mb_per_s(source.text.size(), floor_best);
      rows.push_back({"floor: Set pass per sentence, " + label, fixed(mb_per_s(source.text.size(), floor_best), 2) + " MB/s",
                      "", std::nullopt});
    }
  }

  if (set) {
    const double ratio = extract.cpu / per_sentence.cpu;
    large["floor_per_sentence_mb_s"] = mb_per_s(bytes, per_sentence.cpu);
    large["floor_per_sentence_hits"] = hits;
    large["floor_whole_text_mb_s"] = mb_per_s(bytes, whole.cpu);
    large["floor_whole_text_failed"] = whole_failed;
    large["extract_over_floor"] = ratio;
    large["extract_over_whole_text_floor"] = extract.cpu / whole.cpu;
    rows.push_back({"floor: Set pass per sentence", fixed(mb_per_s(bytes, per_sentence.cpu), 1) + " MB/s", "",
                    std::nullopt});
    rows.push_back({"floor: Set pass, whole text",
                    fixed(mb_per_s(bytes, whole.cpu), 1) + " MB/s" + (whole_failed ? " (DFA out of memory)" : ""),
                    "", std::nullopt});
    rows.push_back({"extract / floor (per sentence)", fixed(ratio, 2) + "x", "<= 3x", ratio <= 3});
    rows.push_back({"extract / floor (whole text)", fixed(extract.cpu / whole.cpu, 2) + "x", "", std::nullopt});
  } else {
    large["floor_error"] = "the RE2::Set of every pattern does not compile within 256 MB";
    rows.push_back({"floor", "RE2::Set does not compile", "", std::nullopt});
  }
  results["large_document"] = large;

  // Many small documents.
  const std::vector<std::string> small_texts = cut_documents(corpus);
  {
    std::vector<reportex::Document> small_docs;
    for (std::size_t i = 0; i < small_texts.size(); ++i)
      small_docs.push_back(reportex::Document::from_bytes("doc" + std::to_string(i), small_texts[i]));
    const Timing small_normalize = measure(
        [&] {
          for (const auto& t : small_texts) reportex::Document::from_bytes("doc", t);
        },
        o.budget);
    const Timing small_extract = measure(
        [&] {
          for (const auto& d : small_docs) extractor.extract(d);
        },
        o.budget);
    const Timing batched_extract = measure([&] { extract_in_batches(extractor, small_docs); }, o.budget);
    results["small_documents"] = {
        {"documents", small_texts.size()},
        {"bytes", bytes},
        {"normalize_mb_s", mb_per_s(bytes, small_normalize.cpu)},
        {"extract_mb_s", mb_per_s(bytes, small_extract.cpu)},
        {"extract_docs_s", static_cast<double>(small_texts.size()) / small_extract.cpu},
        {"extract_batched_mb_s", mb_per_s(bytes, batched_extract.cpu)},
        {"extract_batched_docs_s", static_cast<double>(small_texts.size()) / batched_extract.cpu}};
    const std::string docs_label = std::to_string(small_texts.size()) + " docs of 2-10 KB";
    rows.push_back({"normalize, " + docs_label, fixed(mb_per_s(bytes, small_normalize.cpu), 1) + " MB/s", "", std::nullopt});
    rows.push_back({"extract, " + docs_label + ", one at a time", fixed(mb_per_s(bytes, small_extract.cpu), 1) + " MB/s", "",
                    std::nullopt});
    rows.push_back({"extract, " + docs_label + ", in 512 KB batches",
                    fixed(mb_per_s(bytes, batched_extract.cpu), 1) + " MB/s", "", std::nullopt});
  }

  // Scaling with size: per-byte cost of one document.
  {
    json scaling = json::array();
    double cost_64k = 0, cost_largest = 0;
    std::string largest_label;
    for (std::size_t size : {std::size_t{1} << 10, std::size_t{64} << 10, std::size_t{1} << 20, std::size_t{16} << 20,
                             std::size_t{64} << 20}) {
      if (size > o.max_bytes) break;
      const std::string text = repeated(source.text, size);
      const Timing n = measure([&] { reportex::Document::from_bytes("bench", text); }, o.budget);
      const auto d = reportex::Document::from_bytes("bench", text);
      const Timing e = measure([&] { extractor.extract(d); }, o.budget);
      const std::string label = size < (1 << 20) ? std::to_string(size >> 10) + " KB" : std::to_string(size >> 20) + " MB";
      scaling.push_back({{"size", label},
                         {"bytes", text.size()},
                         {"normalize_ns_per_byte", ns_per_byte(text.size(), n.cpu)},
                         {"extract_ns_per_byte", ns_per_byte(text.size(), e.cpu)}});
      rows.push_back({"per-byte cost, " + label, fixed(ns_per_byte(text.size(), n.cpu), 2) + " ns/B normalize, " +
                                                     fixed(ns_per_byte(text.size(), e.cpu), 2) + " ns/B extract",
                      "", std::nullopt});
      if (size == (std::size_t{64} << 10)) cost_64k = ns_per_byte(text.size(), e.cpu);
      cost_largest = ns_per_byte(text.size(), e.cpu);
      largest_label = label;
    }
    results["scaling_size"] = scaling;
    if (cost_64k > 0 && largest_label != "64 KB") {
      const double ratio = cost_largest / cost_64k;
      results["scaling_size_largest_over_64k"] = ratio;
      rows.push_back({"per-byte cost " + largest_label + " / 64 KB", fixed(ratio, 2) + "x", "<= 1.3x (64 MB)",
                      largest_label == "64 MB" ? std::optional<bool>(ratio <= 1.3) : std::nullopt});
    }
  }

  // The CLI: peak RSS over the large corpus, threads over many files.
  if (!o.cli.empty() && fs::exists(o.cli)) {
    TempDir tmp;
    const fs::path big = tmp.path / "corpus.txt", report = tmp.path / "child.txt";
    write_file(big, corpus);
    const ChildRun one = run_child(o.cli, {"extract", "--format", "jsonl", "-j", "1", big.string()}, report);
    results["cli_large_document"] = {{"ok", one.ok}, {"wall_s", one.wall}, {"max_rss_kb", one.max_rss_kb}};
    rows.push_back({"reportex extract peak RSS, " + size_label,
                    fixed(static_cast<double>(one.max_rss_kb) / 1024, 1) + " MB" + (one.ok ? "" : " (failed)"),
                    "< 200 MB", one.ok && one.max_rss_kb < 200 * 1024});

    std::vector<std::string> paths;
    for (std::size_t i = 0; i < small_texts.size(); ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "doc%05zu.txt", i);
      write_file(tmp.path / name, small_texts[i]);
      paths.push_back((tmp.path / name).string());
    }
    auto run_files = [&](unsigned jobs, std::size_t files) {
      std::vector<std::string> args = {"extract", "--format", "jsonl", "-j", std::to_string(jobs)};
      args.insert(args.end(), paths.begin(), paths.begin() + static_cast<std::ptrdiff_t>(files));
      return run_child(o.cli, args, report);
    };
    // Alternate the runs so that load on the machine hits both alike; keep the best wall time.
    json threads = json::array();
    ChildRun best[2];
    for (int round = 0; round < 3; ++round)
      for (unsigned jobs = 1; jobs <= 2; ++jobs) {
        ChildRun r = run_files(jobs, paths.size());
        if (!r.ok) best[jobs - 1].ok = false;
        if (best[jobs - 1].wall == 0 || (r.ok && r.wall < best[jobs - 1].wall)) best[jobs - 1] = r;
      }
    for (unsigned jobs = 1; jobs <= 2; ++jobs) {
      const ChildRun& r = best[jobs - 1];
      threads.push_back({{"jobs", jobs},
                         {"ok", r.ok},
                         {"files", paths.size()},
                         {"wall_s", r.wall},
                         {"cpu_s", r.cpu},
                         {"files_s", static_cast<double>(paths.size()) / r.wall},
                         {"mb_s", mb_per_s(bytes, r.wall)},
                         {"max_rss_kb", r.max_rss_kb}});
      rows.push_back({"reportex extract -j " + std::to_string(jobs) + ", " + std::to_string(paths.size()) + " files",
                      fixed(static_cast<double>(paths.size()) / r.wall, 0) + " files/s, " +
                          fixed(mb_per_s(bytes, r.wall), 1) + " MB/s" + (r.ok ? "" : " (failed)"),
                      "", std::nullopt});
    }
    const double speedup = best[0].wall / best[1].wall;
    results["scaling_threads"] = threads;
    results["scaling_threads_speedup_j2"] = speedup;
    rows.push_back({"-j 2 speed-up over -j 1", fixed(speedup, 2) + "x", ">= 1.8x", speedup >= 1.8});

    // Streaming: peak RSS must not grow with the number of files.
    json memory = json::array();
    for (std::size_t files : {std::size_t{100}, std::size_t{1000}}) {
      if (files > paths.size()) break;
      const ChildRun r = run_files(2, files);
      memory.push_back({{"files", files}, {"ok", r.ok}, {"max_rss_kb", r.max_rss_kb}});
      rows.push_back({"peak RSS, -j 2, " + std::to_string(files) + " files",
                      fixed(static_cast<double>(r.max_rss_kb) / 1024, 1) + " MB" + (r.ok ? "" : " (failed)"), "",
                      std::nullopt});
    }
    results["cli_memory_by_files"] = memory;
  } else {
    std::cerr << "reportex_bench: no CLI (--cli PATH): peak RSS and -j scaling are not measured\n";
  }

  std::cout << "reportex_bench " << results["date"].get<std::string>() << "  commit " << o.commit << "  "
            << results["machine"]["cpu"].get<std::string>() << ", " << std::thread::hardware_concurrency()
            << " cores, load " << results["machine"]["load_average_1min_at_start"].get<std::string>() << "\n";
  print_table(rows);
  if (!o.json_path.empty()) {
    std::ofstream out(o.json_path);
    out << results.dump(2) << '\n';
    if (!out) {
      std::cerr << "reportex_bench: cannot write " << o.json_path << '\n';
      return 1;
    }
  }
  return 0;
}
