#pragma once
// Matching: one RE2::Set pass per sentence picks the rules that can match,
// then each picked rule runs alone to produce candidates with fields.

#include "rules/pack.hpp"

#include <reportex/document.hpp>

#include <re2/set.h>

#include <memory>
#include <string>
#include <vector>

namespace reportex::internal {

struct MatchCandidate {
  const Rule* rule = nullptr;
  std::string type;
  Span span;  // normalized
  int sentence = 0;
  Fields fields;
  bool kept = false;
  const Rule* lost_to = nullptr;
};

class Matcher {
 public:
  explicit Matcher(const RuleSet::Impl& pack);
  /// Every candidate of every sentence, in sentence order.
  std::vector<MatchCandidate> match(const Document& doc) const;

 private:
  void run_rule(const Rule& rule, std::string_view sentence, std::size_t offset, int index,
                std::vector<MatchCandidate>& out) const;
  const RuleSet::Impl& pack_;
  std::unique_ptr<RE2::Set> set_;
  std::vector<const Rule*> matchable_;  // Set index -> rule
};

/// Removes candidates covered by suppress rules, then resolves overlaps within
/// each record type: priority, then length, then position, then rule id.
void resolve_overlaps(std::vector<MatchCandidate>& candidates);

}  // namespace reportex::internal
