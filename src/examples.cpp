#include <algorithm>
#include <reportex/examples.hpp>
#include <reportex/extractor.hpp>

#include "rules/pack.hpp"

#include <cmath>

namespace reportex {

const char* to_string(Outcome outcome) noexcept {
  switch (outcome) {
    case Outcome::validated: return "validated";
    case Outcome::wrong: return "wrong";
    case Outcome::missing: return "missing";
    case Outcome::noisy: return "noisy";
  }
  return "?";
}

std::size_t ExampleReport::failed() const noexcept {
  std::size_t n = 0;
  for (const auto& r : results) n += r.outcome != Outcome::validated;
  return n;
}

namespace {

std::string strip_space(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  return out;
}

std::string show(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "null";
  if (const auto* s = std::get_if<std::string>(&v)) return '"' + *s + '"';
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  std::string out;
  for (const auto& item : std::get<std::vector<std::string>>(v)) out += (out.empty() ? "" : ", ") + ('"' + item + '"');
  return "[" + out + "]";
}

// An expected value matches an actual one: numbers numerically, "" means absent.
bool same(const Value& want, const Value* got) {
  if (const auto* s = std::get_if<std::string>(&want); s != nullptr && s->empty())
    return got == nullptr || std::holds_alternative<std::monostate>(*got);
  if (got == nullptr) return false;
  auto number = [](const Value& v) -> std::optional<double> {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    return std::nullopt;
  };
  if (auto a = number(want)) {
    auto b = number(*got);
    return b && std::fabs(*a - *b) < 0.005;
  }
  return want == *got;
}

// Compares one record against one expectation; the differences, or "" when it matches.
std::string differences(const std::map<std::string, Value>& want, const Record& r) {
  std::string diff;
  for (const auto& [key, value] : want) {
    if (key == "type" || key == "text") continue;
    const Value* got = r.fields.find(key);
    if (!same(value, got))
      diff += (diff.empty() ? "" : "; ") + key + ": expected " + show(value) + ", got " + (got ? show(*got) : "nothing");
  }
  return diff;
}

}  // namespace

ExampleReport check_examples(const RuleSet& rules) {
  ExampleReport report;
  // A non-owning shared_ptr: the caller keeps `rules` alive for this call.
  Extractor extractor(std::shared_ptr<const RuleSet>(std::shared_ptr<const RuleSet>{}, &rules));
  for (const auto& rule : rules.impl().rules) {
    if (rule.examples.empty()) {
      report.rules_without_examples.push_back(rule.id);
      continue;
    }
    const std::string default_type = rule.emits.empty() ? std::string() : rule.emits.front().type;
    for (const auto& ex : rule.examples) {
      DocumentOptions options;
      if (ex.reference_date) options.reference_date = CivilDate::parse(*ex.reference_date);
      auto doc = Document::from_bytes("example", ex.text, options);
      // A rule's own records; for a suppress rule, which has none, every record
      // of the types it removes, so that its examples say what it stops.
      auto owned = [&rule](const Record& r) {
        return rule.emits.empty() ? std::find(rule.suppress.begin(), rule.suppress.end(), r.type) != rule.suppress.end()
                                  : r.rule == rule.id;
      };
      std::vector<Record> records;
      auto explanation = extractor.explain(doc);
      for (auto* list : {&explanation.records, &explanation.internal_records})
        for (auto& r : *list)
          if (owned(r)) records.push_back(std::move(r));

      ExampleResult result{rule.id, ex.file, ex.line, ex.text, Outcome::validated, ""};
      if (ex.expect.empty() && !records.empty()) {
        result.outcome = Outcome::noisy;
        result.message = "must not match, but produced " + records.front().type + " '" + records.front().text + "'";
      }
      for (const auto& want : ex.expect) {
        std::string type = default_type;
        std::string text;
        for (const auto& [key, value] : want) {
          const auto* s = std::get_if<std::string>(&value);
          if (key == "type" && s != nullptr) type = *s;
          if (key == "text" && s != nullptr) text = strip_space(*s);
        }
        bool found = false;
        std::string closest;
        for (const auto& r : records) {
          if (r.type != type || (!text.empty() && strip_space(r.text) != text)) continue;
          std::string diff = differences(want, r);
          if (diff.empty()) {
            found = true;
            break;
          }
          if (closest.empty()) closest = "'" + r.text + "' " + diff;
        }
        if (found) continue;
        result.outcome = closest.empty() ? Outcome::missing : Outcome::wrong;
        result.message = closest.empty() ? "no " + type + " record" + (text.empty() ? "" : " at '" + text + "'")
                                         : closest;
        break;
      }
      if (ex.todo) {  // a known gap: reported, not failed
        if (result.outcome != Outcome::validated) result.message = "(todo) " + result.message;
        result.outcome = Outcome::validated;
      }
      report.results.push_back(std::move(result));
    }
  }
  return report;
}

}  // namespace reportex
