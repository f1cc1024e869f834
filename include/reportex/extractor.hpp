#pragma once
/// @file extractor.hpp
/// @brief Runs a RuleSet over documents.

#include <reportex/document.hpp>
#include <reportex/record.hpp>
#include <reportex/rule_set.hpp>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace reportex {

/// One match of one rule, before overlap resolution, as `explain` shows it.
struct Candidate {
  std::string rule;
  std::string type;
  Span span;         ///< in the original text
  std::string text;  ///< normalized
  Fields fields;     ///< as the rule set them, before linking
  bool kept = false;
  std::string lost_to;  ///< the rule whose candidate won the overlap, if any
};

/// What happened while extracting one document: the rule author's debugger.
struct Explanation {
  std::vector<Candidate> candidates;
  std::vector<std::string> stages;  ///< one line per linking decision
  std::vector<Record> records;
  std::vector<Record> internal_records;  ///< records of internal types (article marks, ...)
};

/// Applies a compiled RuleSet to documents.
///
/// Construction is cheap: the RuleSet holds every compiled program and the
/// prefilter. extract() is const and keeps no state between calls, so one
/// Extractor serves many threads.
///
/// Example:
///   reportex::Extractor extractor(reportex::RuleSet::builtin());
///   auto doc = reportex::Document::from_bytes("a.txt", text);
///   for (const auto& r : extractor.extract(doc)) std::cout << r.type << ' ' << r.text << '\n';
class Extractor {
 public:
  explicit Extractor(std::shared_ptr<const RuleSet> rules);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  /// Every record of `document`, sorted by position. Never throws on bad
  /// text: whatever the bytes, the result is a (possibly empty) list.
  std::vector<Record> extract(const Document& document) const;
  /// The records of several documents, one list per document in their
  /// order, each as extract(document) returns it. Faster than one call per
  /// document when they are small: each rule runs over the sentences of all
  /// of them in turn, so its compiled program stays in the CPU's caches. The
  /// candidates of every document are held at once: batch documents of a
  /// bounded total size (the CLI takes up to 512 KB at a time).
  std::vector<std::vector<Record>> extract(std::span<const Document> documents) const;
  /// The same extraction, with every candidate and linking step recorded.
  Explanation explain(const Document& document) const;

  const RuleSet& rules() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reportex
