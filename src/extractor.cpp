#include <reportex/extractor.hpp>

#include "extract/matcher.hpp"
#include "stages/stage.hpp"

#include <algorithm>

namespace reportex {

struct Extractor::Impl {
  explicit Impl(std::shared_ptr<const RuleSet> r) : rules(std::move(r)), matcher(rules->impl()) {}
  std::shared_ptr<const RuleSet> rules;
  internal::Matcher matcher;

  /// Overlaps, stages and records of `doc`, whose candidates the matcher found.
  std::vector<Record> finish(const Document& doc, std::vector<internal::MatchCandidate> candidates,
                             Explanation* explanation) const;
};

Extractor::Extractor(std::shared_ptr<const RuleSet> rules) : impl_(std::make_unique<Impl>(std::move(rules))) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const RuleSet& Extractor::rules() const noexcept { return *impl_->rules; }

std::vector<Record> Extractor::extract(const Document& document) const {
  return impl_->finish(document, impl_->matcher.match(document), nullptr);
}

std::vector<std::vector<Record>> Extractor::extract(std::span<const Document> documents) const {
  std::vector<const Document*> docs;
  docs.reserve(documents.size());
  for (const Document& d : documents) docs.push_back(&d);
  auto candidates = impl_->matcher.match(docs);
  std::vector<std::vector<Record>> out;
  out.reserve(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i)
    out.push_back(impl_->finish(documents[i], std::move(candidates[i]), nullptr));
  return out;
}

Explanation Extractor::explain(const Document& document) const {
  Explanation explanation;
  explanation.records = impl_->finish(document, impl_->matcher.match(document), &explanation);
  return explanation;
}

std::vector<Record> Extractor::Impl::finish(const Document& doc, std::vector<internal::MatchCandidate> candidates,
                                            Explanation* explanation) const {
  const RuleSet::Impl& pack = rules->impl();
  internal::settle(doc, candidates, explanation != nullptr);

  // An explanation lists the candidates with their fields; otherwise they
  // are done with, and freeing them now lowers the peak on long documents.
  std::vector<internal::WorkRecord> work = internal::work_records(doc, candidates, explanation != nullptr);
  if (explanation == nullptr) std::vector<internal::MatchCandidate>().swap(candidates);

  internal::StageContext ctx(doc, pack, work);
  if (explanation != nullptr) ctx.log = &explanation->stages;
  for (const auto& stage : internal::pipeline()) stage.run(ctx);

  if (explanation != nullptr) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.sentence < b.sentence; });
    for (const auto& c : candidates) {
      Candidate out;
      out.rule = c.rule->id;
      out.type = c.rule->emits.empty() ? "suppress" : c.type;
      out.span = doc.original_span(c.span);
      out.text = doc.text().substr(c.span.begin, c.span.size());
      out.fields = c.fields;
      out.kept = c.kept;
      if (c.lost_to != nullptr) out.lost_to = c.lost_to->id;
      explanation->candidates.push_back(std::move(out));
    }
  }

  std::vector<Record> records;
  records.reserve(work.size());
  for (auto& w : work) {
    if (w.dropped) continue;
    const TypeInfo* type = rules->type(w.type);
    if (type == nullptr) continue;
    if (type->internal && explanation == nullptr) continue;
    Record r;
    r.type = w.type;
    r.span = doc.original_span(w.span);
    r.text = doc.text().substr(w.span.begin, w.span.size());
    r.rule = w.rule != nullptr ? w.rule->id : std::string();
    r.article = w.article;
    r.mentions.push_back(r.span);
    for (const Span& m : w.mentions) r.mentions.push_back(doc.original_span(m));
    // Fields only stages used stay inside.
    std::vector<std::string> inside;
    for (const auto& entry : w.fields)
      if (type->field(entry.first) == nullptr) inside.push_back(entry.first);
    r.fields = std::move(w.fields);
    for (const auto& name : inside) r.fields.erase(name);
    if (type->internal) explanation->internal_records.push_back(std::move(r));
    else records.push_back(std::move(r));
  }
  std::stable_sort(records.begin(), records.end(),
                   [](const Record& a, const Record& b) { return a.span.begin < b.span.begin; });
  return records;
}

}  // namespace reportex
