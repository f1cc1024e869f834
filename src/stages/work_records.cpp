#include "stages/stage.hpp"

#include <algorithm>

namespace reportex::internal {

std::vector<WorkRecord> work_records(const Document& doc, std::vector<MatchCandidate>& candidates, bool keep_fields) {
  const auto& sentences = doc.sentences();
  // Room for the few records stages add (split bylines and coordinated
  // meetings), so that adding them does not copy every record.
  const auto kept = static_cast<std::size_t>(std::count_if(candidates.begin(), candidates.end(), [](const auto& c) { return c.kept; }));
  std::vector<WorkRecord> work;
  work.reserve(kept + kept / 16 + 16);
  for (auto& c : candidates) {
    if (!c.kept) continue;
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
  // Text order; records starting together keep the pack order of their rules.
  std::stable_sort(work.begin(), work.end(), [](const auto& a, const auto& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.rule < b.rule;
  });
  return work;
}

}  // namespace reportex::internal
