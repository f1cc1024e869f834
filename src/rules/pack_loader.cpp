#include "rules/pack_loader.hpp"

#include "convert/converters.hpp"
#include "extract/prefilter.hpp"
#include "rules/han_class.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <set>
#include <numeric>
#include <system_error>
#include <thread>

namespace reportex::internal {

namespace {

// Where a piece of pack text sits.
struct Position {
  std::string file;
  int line = 0;
  int column = 0;
};

Position position_of(const toml::node& node, const std::string& file) {
  const auto& begin = node.source().begin;
  return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

// A position `offset` bytes into the text of a TOML string node: the node's
// position points at its opening quote.
Position position_in_string(const toml::node& node, const std::string& file, std::string_view text,
                            std::size_t offset) {
  Position p = position_of(node, file);
  std::size_t quote = 1;  // ' or "
  if (p.line > 0 && text.find('\n') != std::string_view::npos) quote = 3;
  int line = p.line, column = p.column + static_cast<int>(quote);
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {file, line, column};
}

// Strict: overlong forms and encoded surrogates are refused here too, not
// left for the TOML parser or RE2 to report under another code.
bool valid_utf8(std::string_view s, std::size_t* bad_offset) {
  for (std::size_t i = 0; i < s.size();) {
    const text::Utf8Char ch = text::decode_utf8(s, i);
    if (!ch.valid) {
      *bad_offset = i;
      return false;
    }
    i += ch.length;
  }
  return true;
}

std::optional<FieldType> parse_field_type(std::string_view s) {
  for (FieldType t : {FieldType::text, FieldType::integer, FieldType::decimal, FieldType::number, FieldType::date,
                      FieldType::list})
    if (s == to_string(t)) return t;
  return std::nullopt;
}

struct DefSource {
  std::string text;
  const toml::node* node = nullptr;
  std::string file;
};

class Loader {
 public:
  explicit Loader(const std::vector<SourceFile>& files) : files_(files) {}

  LoadOutcome run() {
    pack_ = std::make_unique<RuleSet::Impl>();
    for (const auto& f : files_) sources_[f.path] = &f;
    std::vector<std::pair<const SourceFile*, toml::table>> tables;
    for (const auto& f : files_) {
      if (!ends_with(f.path, ".toml")) continue;
      std::size_t bad = 0;
      if (!valid_utf8(f.content, &bad)) {
        error({f.path, line_of(f.content, bad), 0}, "bad-encoding", "file is not valid UTF-8");
        continue;
      }
      try {
        tables.emplace_back(&f, toml::parse(f.content, f.path));
      } catch (const toml::parse_error& e) {
        error({f.path, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
              "toml-syntax", std::string(e.description()));
      }
    }
    for (auto& [f, t] : tables) check_top_level(*f, t);
    for (auto& [f, t] : tables) collect_types(*f, t);
    for (auto& [f, t] : tables) collect_lexicons(*f, t);
    for (auto& [f, t] : tables) collect_defs(*f, t);
    precompile(tables);
    for (auto& [f, t] : tables) collect_rules(*f, t);
    for (auto& [f, t] : tables) collect_stage_patterns(*f, t);
    if (tables.empty() && diagnostics_.empty())
      error({"", 0, 0}, "empty-pack", "the rule pack has no .toml files");

    LoadOutcome out;
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    out.diagnostics = std::move(diagnostics_);
    if (!has_errors(out.diagnostics)) {
      finish();
      out.pack = std::move(pack_);
    }
    return out;
  }

 private:
  static bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
  }
  static int line_of(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  }

  void report(Severity severity, const Position& p, std::string code, std::string message) {
    if (quiet_) return;
    diagnostics_.push_back({severity, std::move(code), p.file, p.line, p.column, std::move(message)});
  }
  void error(const Position& p, std::string code, std::string message) {
    report(Severity::error, p, std::move(code), std::move(message));
  }

  // Unknown keys are errors: a misspelt key must not be silently ignored.
  void check_keys(const toml::table& t, const std::string& file, std::initializer_list<std::string_view> allowed,
                  std::string_view where) {
    for (const auto& [key, node] : t) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      const auto& at = key.source().begin;
      error({file, static_cast<int>(at.line), static_cast<int>(at.column)}, "unknown-key",
            "unknown key '" + std::string(key.str()) + "' in " + std::string(where) + " (expected one of: " + list + ")");
    }
  }

  void check_top_level(const SourceFile& f, const toml::table& t) {
    check_keys(t, f.path, {"pack", "types", "defs", "lexicons", "rule", "stages"}, "a rule file");
    if (const toml::table* pack = t["pack"].as_table()) check_keys(*pack, f.path, {"name", "description"}, "[pack]");
  }

  void collect_types(const SourceFile& f, const toml::table& t) {
    const toml::table* types = t["types"].as_table();
    if (types == nullptr) return;
    for (const auto& [name, node] : *types) {
      const toml::table* def = node.as_table();
      Position p = position_of(node, f.path);
      if (def == nullptr) {
        error(p, "bad-type", "type '" + std::string(name.str()) + "' must be a table");
        continue;
      }
      if (type_positions_.count(std::string(name.str()))) {
        error(p, "duplicate-type", "type '" + std::string(name.str()) + "' is already declared at " +
                                       type_positions_[std::string(name.str())]);
        continue;
      }
      type_positions_[std::string(name.str())] = f.path + ":" + std::to_string(p.line);
      check_keys(*def, f.path, {"fields", "key", "internal"}, "a type");
      TypeInfo info;
      info.name = std::string(name.str());
      info.internal = (*def)["internal"].value_or(false);
      if (const toml::table* fields = (*def)["fields"].as_table()) {
        for (const auto& [field, ftype] : *fields) {
          auto parsed = ftype.as_string() ? parse_field_type(ftype.as_string()->get()) : std::nullopt;
          if (!parsed) {
            error(position_of(ftype, f.path), "bad-field-type",
                  "field '" + std::string(field.str()) +
                      "' has an unknown type (expected text, integer, decimal, number, date or list)");
            continue;
          }
          info.fields.emplace_back(std::string(field.str()), *parsed);
        }
      } else {
        error(p, "bad-type", "type '" + info.name + "' needs a 'fields' table");
      }
      if (const toml::array* key = (*def)["key"].as_array())
        for (const auto& k : *key)
          if (auto s = k.value<std::string>()) info.key.push_back(*s);
      std::sort(info.fields.begin(), info.fields.end());
      pack_->types.push_back(std::move(info));
    }
  }

  const TypeInfo* find_type(std::string_view name) const {
    for (const auto& t : pack_->types)
      if (t.name == name) return &t;
    return nullptr;
  }

  void collect_lexicons(const SourceFile& f, const toml::table& t) {
    const toml::table* lexicons = t["lexicons"].as_table();
    if (lexicons == nullptr) return;
    for (const auto& [name, node] : *lexicons) {
      Position p = position_of(node, f.path);
      std::string lname(name.str());
      // A file name, or a table: { file = "…", prefilter = false }.
      const toml::table* options = node.as_table();
      auto path = options != nullptr ? (*options)["file"].value<std::string>() : node.value<std::string>();
      if (!path) {
        error(p, "bad-lexicon", "lexicon '" + lname + "' must name a word-list file");
        continue;
      }
      if (options != nullptr) check_keys(*options, f.path, {"file", "prefilter"}, "lexicon '" + lname + "'");
      if (pack_->lexicons.count(lname)) {
        error(p, "duplicate-lexicon", "lexicon '" + lname + "' is already defined");
        continue;
      }
      // Word-list paths are relative to the rule file that names them.
      std::string full = *path;
      if (auto slash = f.path.rfind('/'); slash != std::string::npos) full = f.path.substr(0, slash + 1) + *path;
      auto src = sources_.find(full);
      if (src == sources_.end()) {
        error(p, "missing-lexicon-file", "lexicon '" + lname + "': no file '" + *path + "' in the pack");
        continue;
      }
      auto lex = std::make_unique<Lexicon>();
      lex->name = lname;
      lex->file = *path;
      if (options != nullptr) lex->prefilter = (*options)["prefilter"].value_or(true);
      if (read_lexicon(*src->second, *lex)) pack_->lexicons[lname] = std::move(lex);
    }
  }

  // One entry a line; "alias<TAB>canonical" makes a lookup table; '#' starts a comment.
  bool read_lexicon(const SourceFile& f, Lexicon& lex) {
    std::size_t bad = 0;
    if (!valid_utf8(f.content, &bad)) {
      error({f.path, line_of(f.content, bad), 0}, "bad-encoding", "word list is not valid UTF-8");
      return false;
    }
    std::string_view text = f.content;
    int line = 0;
    while (!text.empty()) {
      ++line;
      std::size_t nl = text.find('\n');
      std::string_view row = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
      if (auto hash = row.find('#'); hash != std::string_view::npos) row = row.substr(0, hash);
      while (!row.empty() && (row.back() == ' ' || row.back() == '\r' || row.back() == '\t')) row.remove_suffix(1);
      while (!row.empty() && row.front() == ' ') row.remove_prefix(1);
      if (row.empty()) continue;
      std::string surface(row), canonical(row);
      if (auto tab = row.find('\t'); tab != std::string_view::npos) {
        surface = std::string(row.substr(0, tab));
        canonical = std::string(row.substr(row.find_first_not_of('\t', tab)));
        if (surface.empty()) {
          error({f.path, line, 1}, "bad-lexicon-entry", "entry has an empty surface form");
          continue;
        }
      }
      lex.add(std::move(surface), std::move(canonical));
    }
    if (lex.entries.empty()) error({f.path, 0, 0}, "empty-lexicon", "word list '" + lex.name + "' has no entries");
    return true;
  }

  void collect_defs(const SourceFile& f, const toml::table& t) {
    const toml::table* defs = t["defs"].as_table();
    if (defs == nullptr) return;
    for (const auto& [name, node] : *defs) {
      std::string dname(name.str());
      auto text = pattern_text(node, f.path);
      if (!text) continue;
      if (defs_.count(dname) || pack_->lexicons.count(dname)) {
        error(position_of(node, f.path), "duplicate-def", "'" + dname + "' is already defined");
        continue;
      }
      defs_[dname] = DefSource{*text, &node, f.path};
    }
  }

  // A pattern is a string, or an array of strings joined (for long patterns with comments between).
  std::optional<std::string> pattern_text(const toml::node& node, const std::string& file) {
    if (auto s = node.value<std::string>()) return *s;
    if (const toml::array* parts = node.as_array()) {
      std::string joined;
      for (const auto& part : *parts) {
        auto s = part.value<std::string>();
        if (!s) {
          error(position_of(part, file), "bad-pattern", "pattern fragments must be strings");
          return std::nullopt;
        }
        joined += *s;
      }
      return joined;
    }
    error(position_of(node, file), "bad-pattern", "a pattern must be a string or an array of strings");
    return std::nullopt;
  }

  // Expands %{name} (a def or lexicon, wrapped in (?:...)) and %{name:capture}
  // (the same, captured as a field source). `node`/`file` place errors.
  // \p{Han} and \P{Han} in the text between references are written as ranges (rules/han_class.hpp).
  std::optional<std::string> expand(const std::string& text, const toml::node& node, const std::string& file,
                                    std::vector<std::string>& stack) {
    std::string out;
    bool ok = true;
    for (std::size_t i = 0; i < text.size();) {
      if (text.compare(i, 2, "%{") != 0) {
        const std::size_t next = std::min(text.find("%{", i), text.size());
        out += with_ideograph_ranges(std::string_view(text).substr(i, next - i));
        i = next;
        continue;
      }
      std::size_t close = text.find('}', i);
      if (close == std::string::npos) {
        error(position_in_string(node, file, text, i), "bad-reference", "unterminated %{ reference");
        return std::nullopt;
      }
      std::string ref = text.substr(i + 2, close - i - 2);
      std::string capture;
      if (auto colon = ref.find(':'); colon != std::string::npos) {
        capture = ref.substr(colon + 1);
        ref = ref.substr(0, colon);
      }
      auto body = resolve(ref, node, file, text, i, stack);
      if (!body) {
        ok = false;
      } else if (capture.empty()) {
        out += "(?:" + *body + ")";
      } else {
        out += "(?P<" + capture + ">" + *body + ")";
      }
      i = close + 1;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  // `text` expanded for the prefilter; called after expand() succeeded on it,
  // so it reports nothing.
  std::string expand_selector(const std::string& text, const toml::node& node, const std::string& file) {
    std::vector<std::string> stack;
    for_selector_ = true;
    auto out = expand(text, node, file, stack);
    for_selector_ = false;
    return out.value_or(std::string());
  }

  std::optional<std::string> resolve(const std::string& ref, const toml::node& node, const std::string& file,
                                     const std::string& text, std::size_t offset, std::vector<std::string>& stack) {
    if (auto lex = pack_->lexicons.find(ref); lex != pack_->lexicons.end()) {
      if (for_selector_ && !lex->second->prefilter) return std::string("[^\\n]+");
      auto [at, fresh] = lexicon_patterns_.try_emplace(ref);
      if (fresh) at->second = lexicon_pattern(*lex->second);
      return at->second;
    }
    auto def = defs_.find(ref);
    if (def == defs_.end()) {
      error(position_in_string(node, file, text, offset), "undefined-reference",
            "'%{" + ref + "}' names no def or lexicon");
      return std::nullopt;
    }
    auto& expanded_defs = for_selector_ ? selector_defs_ : expanded_defs_;
    if (auto done = expanded_defs.find(ref); done != expanded_defs.end()) return done->second;
    if (std::find(stack.begin(), stack.end(), ref) != stack.end()) {
      std::string path;
      for (auto it = std::find(stack.begin(), stack.end(), ref); it != stack.end(); ++it) path += *it + " -> ";
      error(position_in_string(node, file, text, offset), "reference-cycle", "definition cycle: " + path + ref);
      return std::nullopt;
    }
    stack.push_back(ref);
    auto body = expand(def->second.text, *def->second.node, def->second.file, stack);
    stack.pop_back();
    if (body) expanded_defs[ref] = *body;
    return body;
  }

  // Longest entries first, because RE2's alternation is leftmost-first: 万|万元 never matches 万元.
  static std::string lexicon_pattern(const Lexicon& lex) {
    std::vector<std::string_view> sorted(lex.entries.begin(), lex.entries.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    std::string out;
    for (auto e : sorted) {
      if (!out.empty()) out += '|';
      out += RE2::QuoteMeta(re2::StringPiece(e.data(), e.size()));
    }
    return out;
  }

  static RE2::Options regex_options() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_max_mem(32 << 20);
    return options;
  }

  // Compiling the rules' patterns is most of a pack's load, and each compiles
  // on its own: they are compiled on the machine's cores first (expanded
  // quietly: collect_rules reports what is wrong), and compile() finds them.
  // One helper first builds the prefilter from the rules' selectors, the
  // longest single job; finish() keeps it if the rules turn out as expected.
  void precompile(const std::vector<std::pair<const SourceFile*, toml::table>>& tables) {
    std::vector<std::string> patterns, selectors;
    quiet_ = true;
    for (const auto& [f, t] : tables) {
      const toml::array* list = t["rule"].as_array();
      if (list == nullptr) continue;
      for (const auto& node : *list) {
        const toml::table* rt = node.as_table();
        const toml::node* pattern_node = rt != nullptr ? rt->get("pattern") : nullptr;
        if (pattern_node == nullptr) continue;
        std::vector<std::string> stack;
        auto raw = pattern_text(*pattern_node, f->path);
        auto expanded = raw ? expand(*raw, *pattern_node, f->path, stack) : std::nullopt;
        if (!expanded) continue;
        patterns.push_back(std::move(*expanded));
        std::string selector = expand_selector(*raw, *pattern_node, f->path);
        if (const toml::node* leading_node = rt->get("leading"))
          if (auto leading = pattern_text(*leading_node, f->path)) {
            selector = "(?:" + expand_selector(*leading, *leading_node, f->path) + ")(?:" + selector + ")";
            if (auto expanded_leading = expand(*leading, *leading_node, f->path, stack))
              patterns.push_back(leading_regex(*expanded_leading));
          }
        selectors.push_back(std::move(selector));
        // The guards too: compiled here on every core rather than one by one in collect_guards.
        for (const char* key : kGuardKeys)
          for (const toml::node* item : guard_items(*rt, key))
            if (auto text = item->value<std::string>())
              if (auto expanded_guard = expand(*text, *item, f->path, stack)) patterns.push_back(std::move(*expanded_guard));
      }
    }
    for (const auto& [f, t] : tables)
      for (const auto& [name, node] : stage_pattern_items(t)) {
        std::vector<std::string> stack;
        if (auto raw = pattern_text(*node, f->path))
          if (auto expanded = expand(*raw, *node, f->path, stack)) patterns.push_back(std::move(*expanded));
      }
    quiet_ = false;
    // Rules share guards and subjects: each distinct pattern is compiled once.
    std::sort(patterns.begin(), patterns.end());
    patterns.erase(std::unique(patterns.begin(), patterns.end()), patterns.end());
    std::vector<std::shared_ptr<const RE2>> compiled(patterns.size());
    // Longest first, so that no core is left with a large pattern when the others are done.
    std::vector<std::size_t> order(patterns.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return patterns[a].size() > patterns[b].size(); });
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k; (k = next++) < order.size();)
        compiled[order[k]] = std::make_shared<RE2>(patterns[order[k]], regex_options());
    };
    std::vector<std::thread> helpers;
    const unsigned cores = std::min(std::thread::hardware_concurrency(), 8u);
    try {
      if (cores > 1)
        helpers.emplace_back([&] {
          prefilter_ = std::make_shared<const Prefilter>(selectors);
          work();
        });
      for (unsigned k = 2; k < cores && k < patterns.size(); ++k) helpers.emplace_back(work);
    } catch (const std::system_error&) {
      // No thread to be had: this one compiles them all, and finish() builds the prefilter.
    }
    work();
    for (auto& h : helpers) h.join();
    for (std::size_t i = 0; i < patterns.size(); ++i) precompiled_.emplace(std::move(patterns[i]), std::move(compiled[i]));
  }

  std::shared_ptr<const RE2> compile(const std::string& pattern, const toml::node& node, const std::string& file,
                                     std::string_view what) {
    auto found = precompiled_.find(pattern);
    auto re = found != precompiled_.end() ? found->second : std::make_shared<RE2>(pattern, regex_options());
    if (!re->ok()) {
      error(position_of(node, file), "bad-regex",
            std::string(what) + ": " + re->error() + (re->error_arg().empty() ? "" : " at '" + re->error_arg() + "'"));
      return nullptr;
    }
    return re;
  }

  // [stages.NAME]: the patterns a linking stage reads by name ("meetings.count_first"),
  // written with the pack's defs and lexicons like a rule's.
  static std::vector<std::pair<std::string, const toml::node*>> stage_pattern_items(const toml::table& t) {
    std::vector<std::pair<std::string, const toml::node*>> items;
    if (const toml::table* stages = t["stages"].as_table())
      for (const auto& [stage, table] : *stages)
        if (const toml::table* named = table.as_table())
          for (const auto& [key, node] : *named)
            items.emplace_back(std::string(stage.str()) + "." + std::string(key.str()), &node);
    return items;
  }

  void collect_stage_patterns(const SourceFile& f, const toml::table& t) {
    const toml::node* stages = t.get("stages");
    if (stages == nullptr) return;
    if (!stages->is_table()) {
      error(position_of(*stages, f.path), "bad-stage-pattern", "[stages] holds one table of patterns per stage");
      return;
    }
    for (const auto& [stage, table] : *stages->as_table())
      if (!table.is_table())
        error(position_of(table, f.path), "bad-stage-pattern",
              "stages." + std::string(stage.str()) + " must be a table of named patterns");
    for (const auto& [name, node] : stage_pattern_items(t)) {
      std::vector<std::string> stack;
      auto raw = pattern_text(*node, f.path);
      auto expanded = raw ? expand(*raw, *node, f.path, stack) : std::nullopt;
      if (!expanded) continue;
      auto re = compile(*expanded, *node, f.path, "stage pattern '" + name + "'");
      if (!re) continue;
      if (!pack_->stage_patterns.emplace(name, std::move(re)).second)
        error(position_of(*node, f.path), "duplicate-stage-pattern", "stage pattern '" + name + "' is already defined");
    }
  }

  void collect_rules(const SourceFile& f, const toml::table& t) {
    const toml::node* rules = t.get("rule");
    if (rules == nullptr) return;
    const toml::array* list = rules->as_array();
    if (list == nullptr) {
      error(position_of(*rules, f.path), "bad-rule", "rules are written as [[rule]] tables");
      return;
    }
    for (const auto& node : *list) {
      if (const toml::table* rt = node.as_table()) collect_rule(f, *rt, node);
      else error(position_of(node, f.path), "bad-rule", "each [[rule]] must be a table");
    }
  }

  void collect_rule(const SourceFile& f, const toml::table& rt, const toml::node& node) {
    check_keys(rt, f.path,
               {"id", "type", "pattern", "leading", "priority", "fields", "span", "split", "emit", "suppress", "before",
                "not_before", "after", "not_after", "example"},
               "a rule");
    Position p = position_of(node, f.path);
    Rule rule;
    rule.file = f.path;
    rule.line = p.line;
    auto id = rt["id"].value<std::string>();
    if (!id || id->empty()) {
      error(p, "missing-id", "rule has no 'id'");
      return;
    }
    rule.id = *id;
    if (auto prev = rule_positions_.find(rule.id); prev != rule_positions_.end()) {
      error(p, "duplicate-rule-id", "rule id '" + rule.id + "' is already used at " + prev->second);
      return;
    }
    rule_positions_[rule.id] = f.path + ":" + std::to_string(p.line);
    rule.priority = static_cast<int>(rt["priority"].value_or<int64_t>(0));

    const toml::node* pattern_node = rt.get("pattern");
    if (pattern_node == nullptr) {
      error(p, "missing-pattern", "rule '" + rule.id + "' has no 'pattern'");
      return;
    }
    auto raw = pattern_text(*pattern_node, f.path);
    if (!raw) return;
    std::vector<std::string> stack;
    auto expanded = expand(*raw, *pattern_node, f.path, stack);
    if (!expanded) return;
    rule.pattern = *expanded;
    rule.selector_pattern = expand_selector(*raw, *pattern_node, f.path);
    rule.re = compile(rule.pattern, *pattern_node, f.path, "rule '" + rule.id + "'");
    if (!rule.re) return;
    // Asked of the empty text anchored: the forward DFA alone answers (an
    // unanchored search would build the reverse program before any text needs it).
    if (rule.re->Match("", 0, 0, RE2::ANCHOR_BOTH, nullptr, 0)) {
      error(position_of(*pattern_node, f.path), "empty-match",
            "rule '" + rule.id + "' can match the empty string");
      return;
    }

    if (!collect_leading(f, rt, rule)) return;
    if (rule.leading == nullptr) rule.whole_group = whole_group(rule);  // with one, group 0 starts earlier

    bool ok = true;
    for (const char* key : kGuardKeys) ok &= collect_guards(f, rt, key, rule);
    if (const toml::array* suppress = rt["suppress"].as_array()) {
      for (const auto& s : *suppress) {
        auto type = s.value<std::string>();
        if (!type || !find_type(*type)) {
          error(position_of(s, f.path), "unknown-type", "suppress names an undeclared record type");
          ok = false;
        } else {
          rule.suppress.push_back(*type);
        }
      }
    }

    if (const toml::array* emits = rt["emit"].as_array()) {
      if (rt.contains("type") || rt.contains("fields")) {
        error(p, "bad-rule", "rule '" + rule.id + "' has both 'emit' and a top-level type/fields");
        ok = false;
      }
      for (const auto& e : *emits) {
        const toml::table* et = e.as_table();
        if (et == nullptr) continue;
        check_keys(*et, f.path, {"type", "fields", "span", "split"}, "an emit");
        ok &= collect_emit(f, *et, e, rule);
      }
    } else if (rt.contains("type")) {
      ok &= collect_emit(f, rt, node, rule);
    } else if (rule.suppress.empty()) {
      error(p, "missing-type", "rule '" + rule.id + "' has no 'type', 'emit' or 'suppress'");
      ok = false;
    }
    if (const toml::array* examples = rt["example"].as_array()) {
      for (const auto& e : *examples) ok &= collect_example(f, e, rule);
    }
    if (!ok) return;
    if (rule.examples.empty())
      report(Severity::warning, p, "no-examples", "rule '" + rule.id + "' has no examples");
    pack_->rules.push_back(std::move(rule));
  }

  // The keys of a rule's guards, and the regex strings one key holds (one, or an array).
  static constexpr std::array<const char*, 4> kGuardKeys = {"before", "not_before", "after", "not_after"};
  static std::vector<const toml::node*> guard_items(const toml::table& rt, const char* key) {
    std::vector<const toml::node*> items;
    const toml::node* node = rt.get(key);
    if (node == nullptr) return items;
    if (const toml::array* arr = node->as_array()) {
      for (const auto& n : *arr) items.push_back(&n);
    } else {
      items.push_back(node);
    }
    return items;
  }

  // What a leading pattern compiles to: it must end where the match starts.
  static std::string leading_regex(const std::string& expanded) { return "(?:" + expanded + ")$"; }

  // `leading`: a pattern the text before each match must end with. Its
  // captures are numbered after the pattern's and may not reuse their names.
  bool collect_leading(const SourceFile& f, const toml::table& rt, Rule& rule) {
    const toml::node* node = rt.get("leading");
    if (node == nullptr) return true;
    auto raw = pattern_text(*node, f.path);
    if (!raw) return false;
    std::vector<std::string> stack;
    auto expanded = expand(*raw, *node, f.path, stack);
    if (!expanded) return false;
    rule.leading_pattern = *expanded;
    rule.leading_selector = expand_selector(*raw, *node, f.path);
    rule.leading = compile(leading_regex(*expanded), *node, f.path, "leading of rule '" + rule.id + "'");
    if (!rule.leading) return false;
    rule.leading_base = rule.re->NumberOfCapturingGroups() + 1;
    for (const auto& [name, index] : rule.leading->NamedCapturingGroups()) {
      if (rule.re->NamedCapturingGroups().count(name) != 0) {
        error(position_of(*node, f.path), "duplicate-capture",
              "rule '" + rule.id + "': capture '" + name + "' is in both 'pattern' and 'leading'");
        return false;
      }
    }
    return true;
  }

  bool collect_guards(const SourceFile& f, const toml::table& rt, const char* key, Rule& rule) {
    bool ok = true;
    for (const toml::node* item : guard_items(rt, key)) {
      auto text = item->value<std::string>();
      if (!text) {
        error(position_of(*item, f.path), "bad-guard", std::string(key) + " must be a regex string");
        ok = false;
        continue;
      }
      std::vector<std::string> stack;
      auto expanded = expand(*text, *item, f.path, stack);
      if (!expanded) {
        ok = false;
        continue;
      }
      auto re = compile(*expanded, *item, f.path, std::string(key) + " of rule '" + rule.id + "'");
      if (!re) {
        ok = false;
        continue;
      }
      std::string_view k = key;
      rule.guards.push_back({re, k.find("before") != std::string_view::npos, k.substr(0, 4) == "not_"});
    }
    return ok;
  }

  // The named capture that spans the whole pattern, or -1: the pattern is
  // "(?P<name>" + inner + ")" and the first parenthesis closes at the very
  // end. The pattern compiled, so its syntax is valid and a scan of its
  // parentheses (past escapes, \Q…\E and character classes) tells; parsing
  // it once more with RE2 cost a tenth of the pack's load.
  static int whole_group(const Rule& rule) {
    const std::string& p = rule.pattern;
    if (p.rfind("(?P<", 0) != 0 || p.back() != ')' || closing_paren(p) != p.size() - 1) return -1;
    const std::size_t open_end = p.find('>');
    auto it = rule.re->NamedCapturingGroups().find(p.substr(4, open_end - 4));
    return it == rule.re->NamedCapturingGroups().end() ? -1 : it->second;
  }

  // Where the parenthesis that opens the valid pattern `p` closes.
  static std::size_t closing_paren(std::string_view p) {
    int depth = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      const char c = p[i];
      if (c == '\\' && i + 1 < p.size() && p[i + 1] == 'Q') {  // a literal run up to \E
        const std::size_t end = p.find("\\E", i + 2);
        if (end == std::string_view::npos) return std::string_view::npos;
        i = end + 1;
      } else if (c == '\\') {
        ++i;
      } else if (c == '[') {  // a class: "]" first is literal; "[:alpha:]" may nest
        std::size_t j = i + 1;
        if (j < p.size() && p[j] == '^') ++j;
        if (j < p.size() && p[j] == ']') ++j;
        for (; j < p.size() && p[j] != ']'; ++j) {
          if (p[j] == '\\') ++j;
          else if (p.compare(j, 2, "[:") == 0 && p.find(":]", j + 2) != std::string_view::npos) j = p.find(":]", j + 2) + 1;
        }
        i = j;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return std::string_view::npos;
  }

  int group_of(const Rule& rule, const std::string& name) const {
    const auto& groups = rule.re->NamedCapturingGroups();
    if (auto it = groups.find(name); it != groups.end()) return it->second == rule.whole_group ? 0 : it->second;
    if (rule.leading == nullptr) return -1;
    const auto& leading = rule.leading->NamedCapturingGroups();
    auto it = leading.find(name);
    return it == leading.end() ? -1 : rule.leading_base + it->second - 1;
  }

  bool collect_emit(const SourceFile& f, const toml::table& et, const toml::node& node, Rule& rule) {
    Position p = position_of(node, f.path);
    Emit emit;
    auto type_name = et["type"].value<std::string>();
    const TypeInfo* type = type_name ? find_type(*type_name) : nullptr;
    if (type == nullptr) {
      error(et.contains("type") ? position_of(*et.get("type"), f.path) : p, "unknown-type",
            "rule '" + rule.id + "': record type '" + type_name.value_or("") + "' is not declared");
      return false;
    }
    emit.type = type->name;
    bool ok = true;
    for (const char* key : {"span", "split"}) {
      const toml::node* n = et.get(key);
      if (n == nullptr) continue;
      auto capture = n->value<std::string>();
      int group = capture ? group_of(rule, *capture) : -1;
      if (group < 0) {
        error(position_of(*n, f.path), "unknown-capture",
              "rule '" + rule.id + "': " + key + " names no capture of the pattern");
        ok = false;
      } else if (std::string_view(key) == "span") {
        emit.span_group = group;
      } else {
        emit.split_group = group;
      }
    }
    if (const toml::table* fields = et["fields"].as_table()) {
      for (const auto& [field, value] : *fields) ok &= collect_field(f, std::string(field.str()), value, *type, rule, emit);
    }
    rule.emits.push_back(std::move(emit));
    return ok;
  }

  bool collect_field(const SourceFile& f, const std::string& field, const toml::node& value, const TypeInfo& type,
                     const Rule& rule, Emit& emit) {
    Position p = position_of(value, f.path);
    const FieldType* declared = type.field(field);
    if (declared == nullptr) {
      error(p, "undeclared-field", "rule '" + rule.id + "': type '" + type.name + "' has no field '" + field + "'");
      return false;
    }
    FieldMapping m;
    m.field = field;
    m.type = *declared;
    auto mismatch = [&](FieldType produced) {
      error(p, "type-mismatch",
            "rule '" + rule.id + "': field '" + field + "' is declared " + to_string(*declared) + " but gets " +
                to_string(produced));
      return false;
    };
    if (auto i = value.value_exact<int64_t>()) {
      if (!assignable(FieldType::integer, *declared)) return mismatch(FieldType::integer);
      m.constant = *i;
    } else if (auto d = value.value_exact<double>()) {
      if (!assignable(FieldType::decimal, *declared)) return mismatch(FieldType::decimal);
      m.constant = *d;
    } else if (auto s = value.value_exact<std::string>()) {
      if (!s->empty() && (*s)[0] == '=') {
        if (!assignable(FieldType::text, *declared)) return mismatch(FieldType::text);
        m.constant = s->substr(1);
      } else if (!parse_mapping(*s, p, rule, m)) {
        return false;
      } else if (!assignable(m.converter->output, *declared)) {
        return mismatch(m.converter->output);
      }
    } else {
      error(p, "bad-field", "rule '" + rule.id + "': field '" + field +
                                "' must be \"converter(capture, ...)\", a capture name, \"=text\" or a number");
      return false;
    }
    emit.fields.push_back(std::move(m));
    return true;
  }

  // "capture" or "converter(capture, capture)".
  bool parse_mapping(const std::string& spec, const Position& p, const Rule& rule, FieldMapping& m) {
    std::string name = "text", args = spec;
    if (auto open = spec.find('('); open != std::string::npos) {
      if (spec.back() != ')') {
        error(p, "bad-field", "rule '" + rule.id + "': '" + spec + "' lacks a closing ')'");
        return false;
      }
      name = spec.substr(0, open);
      args = spec.substr(open + 1, spec.size() - open - 2);
    }
    const ConverterSpec* conv = find_converter(name);
    if (conv == nullptr) {
      std::string known;
      for (auto n : converter_names()) known += (known.empty() ? "" : ", ") + std::string(n);
      error(p, "unknown-converter", "rule '" + rule.id + "': unknown converter '" + name + "' (known: " + known + ")");
      return false;
    }
    if (std::size_t prefix = lexicon_prefix(name)) {
      m.lexicon = pack_->lexicon(name.substr(prefix));
      if (m.lexicon == nullptr) {
        error(p, "unknown-lexicon", "rule '" + rule.id + "': no lexicon '" + name.substr(prefix) + "'");
        return false;
      }
    }
    m.converter = conv;
    std::size_t start = 0;
    while (start <= args.size()) {
      std::size_t comma = args.find(',', start);
      std::string arg = args.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      arg.erase(0, arg.find_first_not_of(' '));
      arg.erase(arg.find_last_not_of(' ') + 1);
      int group = group_of(rule, arg);
      if (group < 0) {
        error(p, "unknown-capture", "rule '" + rule.id + "': '" + arg + "' is not a capture of the pattern");
        return false;
      }
      m.args.push_back(group);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    int n = static_cast<int>(m.args.size());
    if (n < conv->min_args || n > conv->max_args) {
      const std::string range = conv->max_args != conv->min_args ? fmt::format("{}-{}", conv->min_args, conv->max_args)
                                                                 : std::to_string(conv->min_args);
      error(p, "bad-arity", fmt::format("rule '{}': {} takes {} argument(s), given {}", rule.id, name, range, n));
      return false;
    }
    return true;
  }

  bool collect_example(const SourceFile& f, const toml::node& node, Rule& rule) {
    const toml::table* et = node.as_table();
    Position p = position_of(node, f.path);
    if (et == nullptr) {
      error(p, "bad-example", "each [[rule.example]] must be a table");
      return false;
    }
    check_keys(*et, f.path, {"text", "expect", "reference_date", "status"}, "an example");
    Example ex;
    ex.file = f.path;
    ex.line = p.line;
    auto text = (*et)["text"].value<std::string>();
    if (!text) {
      error(p, "bad-example", "example of rule '" + rule.id + "' has no 'text'");
      return false;
    }
    ex.text = *text;
    if (auto ref = (*et)["reference_date"].value<std::string>()) ex.reference_date = *ref;
    ex.todo = (*et)["status"].value_or(std::string()) == "todo";
    const toml::array* expect = (*et)["expect"].as_array();
    if (expect == nullptr) {
      error(p, "bad-example", "example of rule '" + rule.id + "' has no 'expect' array (use [] for must-not-match)");
      return false;
    }
    bool ok = true;
    for (const auto& e : *expect) {
      const toml::table* want = e.as_table();
      if (want == nullptr) {
        error(position_of(e, f.path), "bad-example", "each expected record is a table");
        ok = false;
        continue;
      }
      std::map<std::string, Value> fields;
      for (const auto& [k, v] : *want) {
        std::string key(k.str());
        if (auto s = v.value_exact<std::string>()) fields[key] = *s;
        else if (auto i = v.value_exact<int64_t>()) fields[key] = *i;
        else if (auto d = v.value_exact<double>()) fields[key] = *d;
        else if (const toml::array* arr = v.as_array()) {
          std::vector<std::string> items;
          for (const auto& item : *arr) items.push_back(item.value_or(std::string()));
          fields[key] = items;
        } else {
          error(position_of(v, f.path), "bad-example", "expected values are text, numbers or lists of text");
          ok = false;
        }
      }
      ex.expect.push_back(std::move(fields));
    }
    rule.examples.push_back(std::move(ex));
    return ok;
  }

  void finish() {
    std::size_t bytes = 0;
    for (const auto& rule : pack_->rules) {
      bytes += sizeof(Rule) + rule.pattern.size() + static_cast<std::size_t>(rule.re->ProgramSize()) * 16;
      for (const auto& g : rule.guards) bytes += static_cast<std::size_t>(g.re->ProgramSize()) * 16;
      if (rule.leading) bytes += rule.leading_pattern.size() + static_cast<std::size_t>(rule.leading->ProgramSize()) * 16;
      RuleInfo info{rule.id, {}, rule.priority, rule.file, rule.line, rule.examples.size()};
      for (const auto& e : rule.emits) info.types.push_back(e.type);
      pack_->infos.push_back(std::move(info));
    }
    for (const auto& [name, lex] : pack_->lexicons)
      for (const auto& [k, v] : lex->canonical) bytes += k.size() + v.size() + 64;
    for (const auto& [name, re] : pack_->stage_patterns) bytes += name.size() + static_cast<std::size_t>(re->ProgramSize()) * 16;
    pack_->footprint = bytes;
    std::vector<std::string> selectors;
    for (const auto& rule : pack_->rules) selectors.push_back(rule.whole_selector());
    pack_->prefilter = prefilter_ && prefilter_->selectors() == selectors ? std::move(prefilter_)
                                                                         : std::make_shared<const Prefilter>(selectors);
  }

  const std::vector<SourceFile>& files_;
  std::map<std::string, const SourceFile*> sources_;
  std::unique_ptr<RuleSet::Impl> pack_;
  Diagnostics diagnostics_;
  std::map<std::string, DefSource> defs_;
  std::map<std::string, std::string> expanded_defs_;
  std::map<std::string, std::string> lexicon_patterns_;  // each lexicon as an alternation, built once
  std::map<std::string, std::shared_ptr<const RE2>> precompiled_;  // the rules' patterns (see precompile)
  std::shared_ptr<const Prefilter> prefilter_;                      // built from them (see precompile)
  bool quiet_ = false;  // report nothing (the precompile pass)
  // The expansions for a rule's selector (see Rule::selector_pattern).
  std::map<std::string, std::string> selector_defs_;
  bool for_selector_ = false;
  std::map<std::string, std::string> type_positions_;
  std::map<std::string, std::string> rule_positions_;
};

}  // namespace

LoadOutcome load_pack(const std::vector<SourceFile>& files) { return Loader(files).run(); }

}  // namespace reportex::internal
