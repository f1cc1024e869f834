// reportex: the command-line front end of the library.
//
//   reportex extract [options] FILE...|-    records of each report
//   reportex explain [options] FILE         every candidate, overlap and linking step
//   reportex test-rules [DIR]               run the examples of a rule pack
//
// Exit status: 0 when everything worked, 1 when some inputs failed (the
// others are still processed and printed), 2 for a usage error or a bad pack.

#include <reportex/reportex.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

constexpr const char* kUsage = R"(usage:
  reportex extract [--rules DIR | --add-rules DIR] [--reference-date YYYY-MM-DD]
                   [--encoding NAME] [--format jsonl|csv|table] [-j N] FILE...|-
  reportex explain [--rules DIR | --add-rules DIR] [--reference-date YYYY-MM-DD] FILE
  reportex test-rules [DIR]
  reportex --version

  --rules DIR       use the rule pack in DIR instead of the built-in one
  --add-rules DIR   use the built-in pack plus the rules in DIR
  --reference-date  the publication date (otherwise inferred from each report)
  --encoding NAME   read inputs in this encoding (default: auto-detect)
  --format          jsonl (default), csv, or table
  -j N              files processed in parallel (default: the number of cores)
)";

struct Options {
  std::string command;
  std::optional<std::string> rules_dir;
  bool add_rules = false;
  std::optional<reportex::CivilDate> reference_date;
  std::string encoding = "auto";
  reportex::Format format = reportex::Format::jsonl;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> inputs;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "reportex: " << message << "\n" << kUsage;
  std::exit(2);
}

Options parse_args(int argc, char** argv) {
  Options o;
  if (argc < 2) usage_error("no command given");
  o.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--rules" || a == "--add-rules") {
      o.rules_dir = next();
      o.add_rules = a == "--add-rules";
    } else if (a == "--reference-date") {
      std::string v = next();
      o.reference_date = reportex::CivilDate::parse(v);
      if (!o.reference_date) usage_error("--reference-date takes a real date as YYYY-MM-DD, not '" + v + "'");
    } else if (a == "--encoding") {
      o.encoding = next();
    } else if (a == "--format") {
      std::string v = next();
      auto f = reportex::parse_format(v);
      if (!f) usage_error("unknown format '" + v + "' (jsonl, csv or table)");
      o.format = *f;
    } else if (a == "-j" || a.rfind("-j", 0) == 0) {
      std::string v = a == "-j" ? next() : a.substr(2);
      try {
        int n = std::stoi(v);
        if (n < 1) throw std::out_of_range("jobs");
        o.jobs = static_cast<unsigned>(n);
      } catch (const std::exception&) {
        usage_error("-j takes a positive number, not '" + v + "'");
      }
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      usage_error("unknown option " + a);
    } else {
      o.inputs.push_back(a);
    }
  }
  return o;
}

void print_diagnostics(const reportex::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << d.to_string() << '\n';
}

std::shared_ptr<const reportex::RuleSet> load_rules(const Options& o) {
  if (!o.rules_dir) return reportex::RuleSet::builtin();
  auto loaded = reportex::RuleSet::load(*o.rules_dir, {.with_builtin = o.add_rules});
  if (!loaded) {
    print_diagnostics(loaded.diagnostics());
    std::cerr << "reportex: " << *o.rules_dir << ": the rule pack has errors; nothing was extracted\n";
    std::exit(2);
  }
  return *loaded;
}

// What reading one input gave: a document, or the reason there is none.
struct Input {
  std::optional<reportex::Document> document;
  std::vector<std::string> problems;  // each names the file
};

std::string base_name(const std::string& path) {
  if (path == "-") return "stdin";
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Whether `bytes` is an HTML page: it starts (after a BOM and white space)
// with a doctype or one of the tags a page opens with. Its markup would be
// read as report text, so such a file is refused rather than guessed at.
bool looks_like_html(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || bytes[start] != '<') return false;
  std::string head(bytes.substr(start, 16));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  for (std::string_view opening : {"<!doctype html", "<html", "<head", "<body"})
    if (head.starts_with(opening)) return true;
  return false;
}

Input read_input(const std::string& path, const Options& o) {
  Input in;
  std::string bytes;
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    bytes = s.str();
  } else {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
      in.problems.push_back(path + ": cannot open: " + std::strerror(errno));
      return in;
    }
    std::ostringstream s;
    s << f.rdbuf();
    bytes = s.str();
  }
  if (bytes.empty()) {
    in.problems.push_back(path + ": empty file, nothing to extract");
    return in;
  }
  const bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                                (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (o.encoding == "auto" && !utf16_bom && bytes.find('\0') != std::string::npos) {
    in.problems.push_back(path + ": binary file (it holds NUL bytes), not a text report; skipped");
    return in;
  }
  if (looks_like_html(bytes)) {
    in.problems.push_back(path + ": an HTML page, not a text report (convert it to text first); skipped");
    return in;
  }
  reportex::DocumentOptions options;
  options.encoding = o.encoding;
  options.reference_date = o.reference_date;
  in.document.emplace(reportex::Document::from_bytes(base_name(path), std::move(bytes), options));
  const auto& doc = *in.document;
  if (doc.replaced_bytes() > 0) {
    in.problems.push_back(path + ": " + std::to_string(doc.replaced_bytes()) + " bytes are not valid " +
                          doc.encoding() + " and were replaced by U+FFFD");
  }
  return in;
}

// How many inputs a worker takes at once: consecutive files up to a batch's
// bytes, which the extractor matches together (see
// Extractor::extract(std::span<const Document>)). On reports of a few KB,
// batches of 512 KB ran 1.6x faster than one file at a time. A batch is also
// at most a quarter of one thread's share of the bytes not yet taken, so that
// batches shrink as the inputs run out: every thread has work, and none is
// left alone with a large last batch while the others wait.
constexpr std::uintmax_t kMaxBatchBytes = 512 << 10;
constexpr std::uintmax_t kMinBatchBytes = 16 << 10;
constexpr std::size_t kMaxBatchFiles = 128;

// The size of `path` as the file system tells it; stdin and unreadable files
// count as a whole batch, so that they go alone (and fail alone).
std::uintmax_t input_size(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = path == "-" ? kMaxBatchBytes : std::filesystem::file_size(path, ec);
  return ec ? kMaxBatchBytes : size;
}

struct Slot {
  bool done = false;
  std::string output;
  std::vector<std::string> problems;
};

// The records of `docs` written into their slots. Should the batch fail, each
// document is extracted alone, so that only the one at fault is lost.
void extract_batch(const Options& o, const reportex::Extractor& extractor, const std::vector<reportex::Document>& docs,
                   const std::vector<std::string>& paths, const std::vector<Slot*>& slots) {
  auto write = [&](std::size_t k, const std::vector<reportex::Record>& records) {
    std::ostringstream out;
    reportex::RecordWriter writer(out, o.format, /*with_header=*/false);
    writer.write(docs[k].name(), records, docs[k].encoding());
    slots[k]->output = std::move(out).str();
  };
  try {
    const auto records = extractor.extract(std::span<const reportex::Document>(docs));
    for (std::size_t k = 0; k < docs.size(); ++k) write(k, records[k]);
    return;
  } catch (const std::exception&) {
    // retried one by one below, where the failure is tied to its file
  }
  for (std::size_t k = 0; k < docs.size(); ++k) {
    try {
      write(k, extractor.extract(docs[k]));
    } catch (const std::exception& e) {
      slots[k]->problems.push_back(paths[k] + ": extraction failed: " + e.what());
    }
  }
}

// Processes inputs on `jobs` threads, in batches, and prints results in input
// order. At most 2 * jobs * kMaxBatchFiles results wait to be printed, so
// memory does not grow with the number of files. The workers print: whoever
// finds the oldest results done writes them out, so that no third thread
// wakes for every batch and competes with the workers for the cores.
int extract_all(const Options& o, const reportex::Extractor& extractor) {
  const std::size_t n = o.inputs.size();
  const std::size_t window = 2 * static_cast<std::size_t>(o.jobs) * kMaxBatchFiles;
  std::vector<std::uintmax_t> sizes(n);
  std::uintmax_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += sizes[i] = input_size(o.inputs[i]);
  std::uintmax_t unassigned = total;  // bytes of the inputs no worker has taken yet
  std::mutex mutex;
  std::condition_variable window_moved;  // waited on only while the window is full
  std::deque<Slot> pending;              // slots for inputs [printed, printed + pending.size())
  std::size_t next = 0, printed = 0;
  bool printing = false;  // a worker is writing out results; the others leave theirs to it
  std::size_t waiting = 0;  // workers waiting for the window to move
  int status = 0;

  // Called with `lock` held; writes out the done results at the front, as
  // long as there are any, releasing the lock while it writes.
  auto print_ready = [&](std::unique_lock<std::mutex>& lock) {
    if (printing) return;
    printing = true;
    while (!pending.empty() && pending.front().done) {
      std::vector<Slot> ready;
      while (!pending.empty() && pending.front().done) {
        ready.push_back(std::move(pending.front()));
        pending.pop_front();
      }
      printed += ready.size();
      if (waiting > 0) window_moved.notify_all();
      lock.unlock();
      bool failed = false;
      for (const auto& slot : ready) {
        std::cout << slot.output;
        for (const auto& p : slot.problems) std::cerr << "reportex: " << p << '\n';
        failed = failed || !slot.problems.empty();
      }
      lock.lock();
      if (failed) status = 1;
    }
    printing = false;
  };

  auto worker = [&] {
    for (;;) {
      std::size_t first, last;  // the batch: inputs [first, last)
      {
        std::unique_lock lock(mutex);
        while (next < n && next >= printed + window) {
          ++waiting;
          window_moved.wait(lock);
          --waiting;
        }
        if (next >= n) return;
        first = next;
        const std::uintmax_t batch_bytes =
            std::clamp<std::uintmax_t>(unassigned / (4 * o.jobs), kMinBatchBytes, kMaxBatchBytes);
        std::uintmax_t bytes = 0;
        do {
          bytes += sizes[next++];
          pending.emplace_back();
        } while (next < n && next < printed + window && next - first < kMaxBatchFiles && bytes < batch_bytes);
        last = next;
        unassigned -= std::min(unassigned, bytes);
      }
      std::vector<Slot> results(last - first);
      std::vector<reportex::Document> docs;
      std::vector<std::string> paths;  // the path of each document
      std::vector<Slot*> slots;        // and its slot
      for (std::size_t i = first; i < last; ++i) {
        Input in = read_input(o.inputs[i], o);
        results[i - first].problems = std::move(in.problems);
        if (!in.document) continue;
        docs.push_back(std::move(*in.document));
        paths.push_back(o.inputs[i]);
        slots.push_back(&results[i - first]);
      }
      extract_batch(o, extractor, docs, paths, slots);
      docs.clear();  // the texts are no longer needed
      std::unique_lock lock(mutex);
      for (std::size_t i = first; i < last; ++i) {
        results[i - first].done = true;
        pending[i - printed] = std::move(results[i - first]);
      }
      print_ready(lock);
    }
  };

  if (o.format != reportex::Format::jsonl) {  // the header once, before any piece
    reportex::RecordWriter header(std::cout, o.format);
    header.write("", {});
  }
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::min<std::size_t>(o.jobs, n); ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  std::cout.flush();
  return status;
}

int explain(const Options& o, const reportex::Extractor& extractor) {
  if (o.inputs.size() != 1) usage_error("explain takes exactly one FILE");
  Input in = read_input(o.inputs[0], o);
  for (const auto& p : in.problems) std::cerr << "reportex: " << p << '\n';
  if (!in.document) return 1;
  const auto& doc = *in.document;
  auto ex = extractor.explain(doc);
  std::cout << "# " << doc.name() << ": " << doc.sentences().size() << " sentences, " << ex.candidates.size()
            << " candidates, " << ex.records.size() << " records\n\n## candidates\n";
  for (const auto& c : ex.candidates) {
    std::cout << (c.kept ? "  kept " : "  lost ") << '[' << c.span.begin << ',' << c.span.end << ") " << c.type
              << ' ' << c.rule << " '" << c.text << "'";
    for (const auto& [name, value] : c.fields) {
      reportex::Record tmp;
      tmp.fields.set(name, value);
      std::string j = reportex::to_json_line("", tmp);
      auto at = j.find("\"fields\":");
      std::cout << ' ' << (at == std::string::npos ? name : j.substr(at + 10, j.find('}', at) - at - 10));
    }
    if (!c.lost_to.empty()) std::cout << "  <- lost to " << c.lost_to;
    std::cout << '\n';
  }
  std::cout << "\n## linking\n";
  for (const auto& line : ex.stages) std::cout << "  " << line << '\n';
  std::cout << "\n## records\n";
  reportex::RecordWriter writer(std::cout, reportex::Format::jsonl);
  writer.write(doc.name(), ex.records, doc.encoding());
  return in.problems.empty() ? 0 : 1;
}

int test_rules(const Options& o) {
  if (o.inputs.size() > 1) usage_error("test-rules takes at most one DIR");
  std::shared_ptr<const reportex::RuleSet> rules;
  if (o.inputs.empty()) {
    rules = reportex::RuleSet::builtin();
  } else {
    auto loaded = reportex::RuleSet::load(o.inputs[0]);
    print_diagnostics(loaded.diagnostics());
    if (!loaded) return 2;
    rules = *loaded;
  }
  auto report = reportex::check_examples(*rules);
  std::size_t passed = 0;
  for (const auto& r : report.results) {
    if (r.outcome == reportex::Outcome::validated) {
      ++passed;
      if (!r.message.empty()) std::cout << r.file << ':' << r.line << ": " << r.rule << ": " << r.message << '\n';
      continue;
    }
    std::cout << r.file << ':' << r.line << ": " << to_string(r.outcome) << ": " << r.rule << ": " << r.message
              << "\n    text: " << r.text << '\n';
  }
  for (const auto& id : report.rules_without_examples) std::cout << "rule without examples: " << id << '\n';
  std::cout << passed << " passed, " << report.failed() << " failed\n";
  return report.ok() ? 0 : 1;
}

// RE2 takes scratch memory for each match it reports. glibc would give it
// back to the system when a document is done (in every thread's arena) and
// fault it in again for the next one; keeping up to 32 MB of freed memory
// for reuse makes -j 2 nearly twice -j 1 instead of 1.5 times.
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  keep_freed_memory();
  if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    std::cout << kUsage;
    return 0;
  }
  if (argc >= 2 && std::strcmp(argv[1], "--version") == 0) {
    std::cout << "reportex " << reportex::version_string << '\n';
    return 0;
  }
  Options o = parse_args(argc, argv);
  if (o.command == "test-rules") return test_rules(o);
  if (o.command != "extract" && o.command != "explain") usage_error("unknown command '" + o.command + "'");
  if (o.inputs.empty()) usage_error(o.command + " needs at least one FILE (or - for standard input)");
  reportex::Extractor extractor(load_rules(o));
  return o.command == "extract" ? extract_all(o, extractor) : explain(o, extractor);
}
