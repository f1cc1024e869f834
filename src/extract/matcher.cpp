#include "extract/matcher.hpp"

#include "convert/converters.hpp"
#include "extract/prefilter.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace reportex::internal {

namespace {

std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

std::string_view view(const re2::StringPiece& p) { return {p.data(), p.size()}; }

// Items of an enumeration and their byte ranges inside `text`: split at 、 and ，.
std::vector<std::pair<std::size_t, std::size_t>> item_ranges(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size();) {
    bool at_end = i == text.size();
    std::size_t n = at_end ? 0 : utf8_length(text, i);
    std::string_view ch = at_end ? std::string_view{} : text.substr(i, n);
    if (at_end || ch == "、" || ch == "，" || ch == ",") {
      if (i > start) out.emplace_back(start, i);
      if (at_end) break;
      start = i + n;
    }
    i += n;
  }
  return out;
}

// How far guards look before and after a span. Bounded so that a huge
// sentence does not make every candidate rescan it (which would be quadratic);
// a guard's ^ or $ at the window's far edge is the sentence's edge only when
// the sentence is that short.
constexpr std::size_t kGuardWindowBytes = 256;

bool guards_pass(const Rule& rule, std::string_view sentence, std::size_t begin, std::size_t end) {
  for (const auto& g : rule.guards) {
    std::string_view context;
    if (g.before) {
      std::size_t from = begin > kGuardWindowBytes ? begin - kGuardWindowBytes : 0;
      while (from > 0 && (static_cast<unsigned char>(sentence[from]) & 0xC0) == 0x80) --from;  // a character's start
      context = sentence.substr(from, begin - from);
    } else {
      std::size_t to = std::min(sentence.size(), end + kGuardWindowBytes);
      while (to < sentence.size() && (static_cast<unsigned char>(sentence[to]) & 0xC0) == 0x80) ++to;
      context = sentence.substr(end, to - end);
    }
    bool hit = RE2::PartialMatch(re2::StringPiece(context.data(), context.size()), *g.re);
    if (hit == g.negate) return false;
  }
  return true;
}

// How many capture groups (group 0 included) `rule` reads: RE2 computes no
// more than it is asked for, and a match read only as a whole (a suppress
// rule, a record spanning its match with constant fields) needs no BitState
// or NFA pass after the DFAs have found it.
int last_group_read(const Rule& rule) {
  int last = 0;
  for (const Emit& emit : rule.emits) {
    last = std::max({last, emit.span_group, emit.split_group});
    for (const FieldMapping& m : emit.fields)
      for (int a : m.args) last = std::max(last, a);
  }
  return last;
}

int groups_read(const Rule& rule) { return std::min(last_group_read(rule), rule.re->NumberOfCapturingGroups()) + 1; }

// The same for the rule's leading pattern: its group 0 (where the record
// starts) and the captures read after it.
int leading_groups_read(const Rule& rule) {
  if (rule.leading == nullptr) return 0;
  return std::max(last_group_read(rule) - rule.leading_base + 2, 1);
}

// Matches the rule's leading pattern at the end of sentence[from, at). On
// success, group 0 of `g` starts where the leading text does and the leading
// captures take their places after the pattern's. The text RE2 sees starts
// at the sentence's start, so that ^ means the sentence's start, not `from`.
bool match_leading(const Rule& rule, std::string_view sentence, std::size_t from, std::size_t at,
                   std::vector<re2::StringPiece>& g, std::vector<re2::StringPiece>& lead) {
  const re2::StringPiece before(sentence.data(), at);
  if (!rule.leading->Match(before, from, at, RE2::UNANCHORED, lead.data(), static_cast<int>(lead.size())))
    return false;
  const char* end = g[0].data() + g[0].size();
  g[0] = re2::StringPiece(lead[0].data(), static_cast<std::size_t>(end - lead[0].data()));
  for (std::size_t k = 1; k < lead.size(); ++k) g[static_cast<std::size_t>(rule.leading_base) + k - 1] = lead[k];
  return true;
}

// Sets the fields `emit` maps from the captures `g` of one match; `item` is
// the enumerated item a split emit's record is of. False when a converter
// rejects its text: then the match makes no candidate.
bool read_fields(const Emit& emit, const std::vector<re2::StringPiece>& g, std::string_view item,
                 std::vector<std::optional<std::string_view>>& args, Fields& fields) {
  for (const FieldMapping& m : emit.fields) {
    if (m.converter == nullptr) {
      fields.set(m.field, m.constant);
      continue;
    }
    args.clear();
    for (int a : m.args) {
      if (emit.split_group >= 0 && a == emit.split_group) {
        args.emplace_back(item);
        continue;
      }
      const auto& piece = g[static_cast<std::size_t>(a)];
      args.push_back(piece.data() == nullptr ? std::nullopt : std::optional<std::string_view>(view(piece)));
    }
    auto value = convert(*m.converter, args, m.lexicon);
    if (!value) return false;
    if (!std::holds_alternative<std::monostate>(*value)) fields.set(m.field, std::move(*value));
  }
  return true;
}

// A rule whose captures can wait until its candidates have won their
// overlaps: every record spans the whole match, so the match alone gives
// the candidate, and the capture pass (RE2's NFA on large programs, the
// dearest part of matching) is paid only for the candidates kept.
bool defers_captures(const Rule& rule) {
  if (rule.leading != nullptr || rule.emits.empty() || groups_read(rule) <= 1) return false;
  return std::all_of(rule.emits.begin(), rule.emits.end(),
                     [](const Emit& e) { return e.span_group == 0 && e.split_group < 0; });
}

// Reads the fields of a candidate whose captures were deferred: the match is
// found again, anchored where it started and cut where it ended, which gives
// the same parse, as no parse of higher priority could have ended sooner.
bool read_pending(const Document& doc, MatchCandidate& c, std::vector<re2::StringPiece>& g,
                  std::vector<std::optional<std::string_view>>& args) {
  const Rule& rule = *c.rule;
  const Span& s = doc.sentences()[static_cast<std::size_t>(c.sentence)].normalized;
  const std::string_view sentence = std::string_view(doc.text()).substr(s.begin, s.size());
  g.assign(static_cast<std::size_t>(groups_read(rule)), re2::StringPiece());
  const Emit& emit = *c.pending;
  c.pending = nullptr;
  return rule.re->Match(re2::StringPiece(sentence.data(), sentence.size()), c.span.begin - s.begin, c.span.end - s.begin,
                        RE2::ANCHOR_START, g.data(), static_cast<int>(g.size())) &&
         read_fields(emit, g, {}, args, c.fields);
}

}  // namespace

Matcher::Matcher(const RuleSet::Impl& pack) : pack_(pack) {
  deferred_.reserve(pack.rules.size());
  for (const Rule& rule : pack.rules) deferred_.push_back(defers_captures(rule));
}

void Matcher::run_rule(const Rule& rule, std::string_view sentence, std::size_t offset, int index, Groups& groups,
                       std::vector<MatchCandidate>& out) const {
  std::vector<re2::StringPiece>& g = groups.pattern;
  const re2::StringPiece text(sentence.data(), sentence.size());
  std::size_t pos = 0;     // where the next match may start: the end of the last one
  std::size_t search = 0;  // where RE2 looks from: past matches whose leading text failed
  while (search <= sentence.size() &&
         rule.re->Match(text, search, sentence.size(), RE2::UNANCHORED, g.data(), groups.asked)) {
    if (rule.leading != nullptr) {
      const std::size_t at = static_cast<std::size_t>(g[0].data() - sentence.data());
      if (!match_leading(rule, sentence, pos, at, g, groups.leading)) {
        search = at + utf8_length(sentence, at);
        continue;
      }
    }
    const std::size_t match_begin = static_cast<std::size_t>(g[0].data() - sentence.data());
    std::size_t resume = match_begin + g[0].size();
    bool resume_set = false;
    for (const Emit& emit : rule.emits) {
      const re2::StringPiece& span_piece = g[static_cast<std::size_t>(emit.span_group)];
      if (span_piece.data() == nullptr || span_piece.empty()) continue;
      // An emit of one record per listed item emits none when the list did not take part.
      if (emit.split_group >= 0 && g[static_cast<std::size_t>(emit.split_group)].data() == nullptr) continue;
      const std::size_t begin = static_cast<std::size_t>(span_piece.data() - sentence.data());
      const std::size_t end = begin + span_piece.size();
      if (!resume_set && emit.span_group != 0) {  // trailing context stays available to the next match
        resume = end;
        resume_set = true;
      }
      // One record per enumerated item, or one for the whole span.
      std::vector<std::pair<std::size_t, std::size_t>>& items = groups.items;
      items.clear();
      const re2::StringPiece* split = emit.split_group >= 0 ? &g[static_cast<std::size_t>(emit.split_group)] : nullptr;
      if (split != nullptr) {
        std::size_t split_begin = static_cast<std::size_t>(split->data() - sentence.data());
        for (auto [b, e] : item_ranges(view(*split))) items.emplace_back(split_begin + b, split_begin + e);
      } else {
        items.emplace_back(begin, end);
      }
      for (auto [item_begin, item_end] : items) {
        std::size_t rb = split != nullptr ? item_begin : begin, re = split != nullptr ? item_end : end;
        if (!guards_pass(rule, sentence, rb, re)) continue;
        MatchCandidate c;
        c.rule = &rule;
        c.type = emit.type;
        c.span = {offset + rb, offset + re};
        c.sentence = index;
        if (groups.deferred) {
          c.pending = &emit;
          out.push_back(std::move(c));
          continue;
        }
        const std::string_view item = split != nullptr ? sentence.substr(item_begin, item_end - item_begin) : std::string_view();
        if (read_fields(emit, g, item, groups.args, c.fields)) out.push_back(std::move(c));
      }
    }
    if (rule.emits.empty() && guards_pass(rule, sentence, match_begin, match_begin + g[0].size())) {
      // a suppress rule: its whole match is the span
      MatchCandidate c;
      c.rule = &rule;
      c.span = {offset + match_begin, offset + match_begin + g[0].size()};
      c.sentence = index;
      out.push_back(std::move(c));
    }
    if (resume <= match_begin) resume = match_begin + (match_begin < sentence.size() ? utf8_length(sentence, match_begin) : 1);
    pos = search = resume;
  }
}

std::vector<MatchCandidate> Matcher::match(const Document& doc) const {
  const Document* one[] = {&doc};
  return std::move(match(one).front());
}

std::vector<std::vector<MatchCandidate>> Matcher::match(std::span<const Document* const> docs) const {
  // First the sentences each rule may match, in every document, then each
  // rule over its sentences in turn, so that one rule's DFA stays in the CPU
  // caches: a rule's DFA is evicted by the next rule's, and reloading it for
  // a few sentences of each small document cost more than the matching.
  struct Where {
    std::uint32_t doc, sentence;
  };
  std::vector<std::vector<Where>> sentences_of(pack_.rules.size());
  std::vector<int> atoms, potentials;
  const Prefilter& prefilter = *pack_.prefilter;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const std::string_view text = docs[d]->text();
    const auto& sentences = docs[d]->sentences();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const Where where{static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(i)};
      for (std::size_t r : prefilter.always()) sentences_of[r].push_back(where);
      const Span& s = sentences[i].normalized;
      prefilter.select(text.substr(s.begin, s.size()), atoms, potentials,
                       [&](std::size_t r) { sentences_of[r].push_back(where); });
    }
  }
  // Calls start at different rules, so that threads matching at the same
  // time do not wait on each other for the same DFA: RE2 adds states to a
  // DFA one thread at a time, and on new text that is most of the work.
  const std::size_t rules = sentences_of.size();
  const std::size_t start = rules == 0 ? 0 : calls_.fetch_add(1, std::memory_order_relaxed) * kStartStride % rules;
  std::vector<std::vector<MatchCandidate>> out(docs.size());
  std::vector<std::size_t> wrapped(docs.size(), 0);  // where each list's candidates of rule 0 begin
  Groups groups;  // reused across the rule's sentences
  for (std::size_t k = 0; k < rules; ++k) {
    const std::size_t r = (start + k) % rules;
    if (r == 0)
      for (std::size_t d = 0; d < docs.size(); ++d) wrapped[d] = out[d].size();
    const Rule& rule = pack_.rules[r];
    groups.deferred = deferred_[r] != 0;
    groups.asked = groups.deferred ? 1 : groups_read(rule);
    const int leading = leading_groups_read(rule);
    const int slots = std::max(groups.asked, leading > 1 ? rule.leading_base + leading - 1 : 0);
    groups.pattern.assign(static_cast<std::size_t>(slots), re2::StringPiece());
    groups.leading.assign(static_cast<std::size_t>(leading), re2::StringPiece());
    for (const Where& where : sentences_of[r]) {
      const Document& doc = *docs[where.doc];
      const Span& s = doc.sentences()[where.sentence].normalized;
      run_rule(rule, std::string_view(doc.text()).substr(s.begin, s.size()), s.begin, static_cast<int>(where.sentence), groups,
               out[where.doc]);
    }
  }
  for (std::size_t d = 0; d < docs.size(); ++d)  // back to pack order
    std::rotate(out[d].begin(), out[d].begin() + static_cast<std::ptrdiff_t>(wrapped[d]), out[d].end());
  return out;
}

void resolve_overlaps(std::vector<MatchCandidate>& candidates) {
  // Suppress rules drop the candidates of the listed types they overlap.
  // Per type, suppressor spans sorted by start with the running maximum of
  // their ends: a candidate overlaps one iff, among those starting before
  // its end, the furthest-reaching ends after its start. (Checking every
  // suppressor for every candidate was quadratic on long documents.)
  struct Reach {
    std::size_t begin, max_end;
    const MatchCandidate* furthest;
  };
  std::map<std::string, std::vector<Reach>> suppressed;
  for (const auto& c : candidates)
    if (c.rule->emits.empty())
      for (const auto& type : c.rule->suppress) suppressed[type].push_back({c.span.begin, c.span.end, &c});
  for (auto& [type, reaches] : suppressed) {
    std::stable_sort(reaches.begin(), reaches.end(), [](const Reach& a, const Reach& b) { return a.begin < b.begin; });
    for (std::size_t k = 1; k < reaches.size(); ++k)
      if (reaches[k].max_end <= reaches[k - 1].max_end) {
        reaches[k].max_end = reaches[k - 1].max_end;
        reaches[k].furthest = reaches[k - 1].furthest;
      }
  }
  auto overlaps = [](const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; };

  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    auto& c = candidates[i];
    if (c.rule->emits.empty()) continue;
    if (auto found = suppressed.find(c.type); found != suppressed.end()) {
      const auto& reaches = found->second;
      auto after = std::lower_bound(reaches.begin(), reaches.end(), c.span.end,
                                    [](const Reach& r, std::size_t end) { return r.begin < end; });
      if (after != reaches.begin() && std::prev(after)->max_end > c.span.begin)
        c.lost_to = std::prev(after)->furthest->rule;
    }
    if (c.lost_to == nullptr) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = candidates[a];
    const auto& y = candidates[b];
    if (x.rule->priority != y.rule->priority) return x.rule->priority > y.rule->priority;
    if (x.span.size() != y.span.size()) return x.span.size() > y.span.size();
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    return x.rule->id < y.rule->id;
  });
  // Kept spans per type, ordered by start; each kept candidate is disjoint from the others.
  std::map<std::string, std::map<std::size_t, std::size_t>> kept;  // type -> begin -> candidate index
  for (std::size_t i : order) {
    auto& c = candidates[i];
    auto& spans = kept[c.type];
    const MatchCandidate* winner = nullptr;
    auto next = spans.lower_bound(c.span.begin);
    if (next != spans.end() && overlaps(candidates[next->second].span, c.span)) winner = &candidates[next->second];
    if (winner == nullptr && next != spans.begin()) {
      auto prev = std::prev(next);
      if (overlaps(candidates[prev->second].span, c.span)) winner = &candidates[prev->second];
    }
    if (winner != nullptr) {
      c.lost_to = winner->rule;
      continue;
    }
    c.kept = true;
    spans.emplace(c.span.begin, i);
  }
}

// Each round drops every kept candidate whose fields do not convert at once; another
// round is needed only where a candidate it had beaten wins and fails in turn, which
// the few rules that can match one place bound.
void settle(const Document& doc, std::vector<MatchCandidate>& candidates, bool all_fields) {
  std::vector<re2::StringPiece> g;
  std::vector<std::optional<std::string_view>> args;
  std::vector<char> invalid(candidates.size(), 0);
  bool any_invalid = false;
  auto read = [&](std::size_t i) {
    if (!read_pending(doc, candidates[i], g, args)) {
      invalid[i] = 1;
      any_invalid = true;
    }
  };
  if (all_fields)
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (candidates[i].pending != nullptr) read(i);
  for (;;) {
    if (any_invalid) {  // drop them, and undo the last resolution
      std::size_t kept = 0;
      for (std::size_t i = 0; i < candidates.size(); ++i)
        if (invalid[i] == 0) candidates[kept++] = std::move(candidates[i]);
      candidates.resize(kept);
      invalid.assign(candidates.size(), 0);
      any_invalid = false;
      for (auto& c : candidates) {
        c.kept = false;
        c.lost_to = nullptr;
      }
    }
    resolve_overlaps(candidates);
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (candidates[i].kept && candidates[i].pending != nullptr) read(i);
    if (!any_invalid) return;
  }
}

}  // namespace reportex::internal
