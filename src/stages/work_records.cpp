#include "stages/stage.hpp"

#include <algorithm>

namespace reportex::internal {

std::vector<WorkRecord> work_records(const Document& doc, std::vector<MatchCandidate>& candidates, bool keep_fields) {
  const auto& sentences = doc.sentences();
  // Text order; records starting together keep the pack order of their
  // rules. The kept candidates are ordered first, so that no record moves.
  std::vector<MatchCandidate*> kept;
  for (auto& c : candidates)
    if (c.kept) kept.push_back(&c);
  std::stable_sort(kept.begin(), kept.end(), [](const MatchCandidate* a, const MatchCandidate* b) {
    return a->span.begin != b->span.begin ? a->span.begin < b->span.begin : a->rule < b->rule;
  });
  // Room for the few records stages add (split bylines and coordinated
  // meetings), so that adding them does not copy every record.
  std::vector<WorkRecord> work;
  work.reserve(kept.size() + kept.size() / 16 + 16);
  for (MatchCandidate* k : kept) {
    MatchCandidate& c = *k;
    WorkRecord w;
    w.type = c.type;
    w.span = c.span;
    w.sentence = c.sentence;
    w.paragraph = sentences[static_cast<std::size_t>(c.sentence)].paragraph;
    w.rule = c.rule;
    if (keep_fields) w.fields = c.fields;
    else w.fields = std::move(c.fields);
    work.push_back(std::move(w));
  }
  return work;
}

}  // namespace reportex::internal
