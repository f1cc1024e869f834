#pragma once
// Matching: per sentence, the pack's Prefilter picks the rules that can
// match, then each picked rule runs alone to produce candidates with fields.

#include "rules/pack.hpp"

#include <reportex/document.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <string>
#include <vector>

namespace reportex::internal {

struct MatchCandidate {
  const Rule* rule = nullptr;
  std::string type;
  Span span;  // normalized
  int sentence = 0;
  Fields fields;
  // The emit whose fields are still to be read, or nullptr once they are:
  // a rule whose records span its whole match leaves its captures to
  // settle(), which reads them only for the candidates that are kept.
  const Emit* pending = nullptr;
  bool kept = false;
  const Rule* lost_to = nullptr;
};

class Matcher {
 public:
  explicit Matcher(const RuleSet::Impl& pack);
  /// Every candidate of every sentence: rule by rule in pack order, each
  /// rule's candidates in text order.
  std::vector<MatchCandidate> match(const Document& doc) const;
  /// The same for several documents at once, one list per document: each
  /// rule runs over the sentences of all of them before the next rule.
  std::vector<std::vector<MatchCandidate>> match(std::span<const Document* const> docs) const;

 private:
  /// The capture groups a rule reads: RE2 fills `asked` of `pattern`, the
  /// leading pattern's go after them.
  struct Groups {
    std::vector<re2::StringPiece> pattern, leading;
    int asked = 1;
    bool deferred = false;  // the rule's captures wait for settle()
    // Scratch kept across matches: a match's enumerated items, a converter's arguments.
    std::vector<std::pair<std::size_t, std::size_t>> items;
    std::vector<std::optional<std::string_view>> args;
  };
  void run_rule(const Rule& rule, std::string_view sentence, std::size_t offset, int index, Groups& groups,
                std::vector<MatchCandidate>& out) const;
  const RuleSet::Impl& pack_;
  std::vector<char> deferred_;  // rule index -> its captures are read after overlaps (see settle)
  // Where the next call starts in the pack; successive calls start this
  // many rules apart (see match()).
  static constexpr std::size_t kStartStride = 37;
  mutable std::atomic<std::size_t> calls_{0};
};

/// Removes candidates covered by suppress rules, then resolves overlaps within
/// each record type: priority, then length, then position, then rule id.
void resolve_overlaps(std::vector<MatchCandidate>& candidates);

/// Resolves the overlaps of `doc`'s candidates and reads the fields whose
/// captures the matcher deferred, for the kept candidates only: a candidate
/// whose fields do not convert is no candidate, and the overlaps are resolved
/// again without it, so the outcome is that of reading every candidate's
/// fields first (which `all_fields` does, for an explanation that shows them).
void settle(const Document& doc, std::vector<MatchCandidate>& candidates, bool all_fields);

}  // namespace reportex::internal
