// The count attribution stage: cleans the subjects the count rules captured, gives
// subjectless percents the subjects of the counts they compare, and sets the `org` and
// `period` of case counts, money and quantities.
//
// Subjects. A rule captures the Han text right before a number, which may start with a
// time word, the court, an adverb or a verb that only introduces the counted thing
// ("前三季度该院共受理各类案件", "举办政治轮训班"). The word lists of counts.toml say what to
// trim; date records and court mentions inside the subject are cut off too.
//
// Org. The court or procuratorate named last before the number in the same article
// ("该院" resolved by the organizations stage); null when that mention is a collective
// ("全市法院": several courts) or when the figure is inside a quotation (someone's words).
//
// Period. The date of the sentence the number is in: a point date gives its value, a
// since-date its year ("今年3月以来" -> 2025), and so does a range from the start of a
// year ("前三季度", "1至5月": the year so far); an until-date or another range gives its
// value ("截至6月底" -> 2025-06); a year inside a meeting's name is not a period. A
// sentence opening with 其中
// continues the one before it; in a work report a section headed by a year
// ("一、2024年工作回顾") gives that year to the figures below it.
#include "stages/stage.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportex::internal {

namespace {

bool is_count(const WorkRecord& r) { return r.type == "case_count" || r.type == "money" || r.type == "quantity"; }

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += utf8_length(s, i)) ++n;
  return n;
}

// The byte offset of the n-th character of s (s.size() past its end).
std::size_t char_offset(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (; i < s.size() && n > 0; --n) i += utf8_length(s, i);
  return i;
}

// A subject and where it starts in the normalized text.
struct Subject {
  std::size_t begin = 0;
  std::string text;
};

// How far back in its sentence a record looks for its subject, an open quotation or a
// collective, in bytes and in records: far enough for any clause, and bounded so that a
// sentence of thousands of counts (a table flattened into one line) stays linear.
constexpr std::size_t kLookbackBytes = 256;
constexpr std::size_t kLookbackRecords = 32;

std::size_t lookback_start(const StageContext& ctx, const WorkRecord& r) {
  const Span& sentence = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  std::size_t from = r.span.begin > sentence.begin + kLookbackBytes ? r.span.begin - kLookbackBytes : sentence.begin;
  const std::string_view text = ctx.doc.text();
  while (from > sentence.begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  return from;
}

// Where `subject` lies: inside the record's span, or before it in the sentence (the person
// count of "153件231人" shares the subject before 153件). std::nullopt for a subject joined
// from pieces ("受理的128件案件"), which has no single position.
std::optional<Subject> locate_subject(const StageContext& ctx, const WorkRecord& r) {
  auto subject = r.fields.text("subject");
  if (!subject || subject->empty()) return std::nullopt;
  if (std::size_t at = ctx.text(r).find(*subject); at != std::string_view::npos)
    return Subject{r.span.begin + at, *subject};
  const std::size_t from = lookback_start(ctx, r);
  std::string_view before = std::string_view(ctx.doc.text()).substr(from, r.span.begin - from);
  if (std::size_t at = before.rfind(*subject); at != std::string_view::npos)
    return Subject{from + at, *subject};
  return std::nullopt;
}

// Where each sentence's records and organization mentions are, so that every lookup stays
// inside a sentence and the stage is linear in the length of the document.
struct SentenceIndex {
  using Range = std::pair<std::size_t, std::size_t>;  // [first, last) indices
  std::vector<Range> records;
  std::vector<Range> mentions;
  std::vector<std::size_t> date_ends;  // where the dates end, sorted

  explicit SentenceIndex(const StageContext& ctx)
      : records(ctx.doc.sentences().size(), Range{0, 0}), mentions(ctx.doc.sentences().size(), Range{0, 0}) {
    fill(records, ctx.records, [](const WorkRecord& r) { return r.sentence; });
    fill(mentions, ctx.org_mentions, [](const OrgMention& m) { return m.sentence; });
    for (const WorkRecord& r : ctx.records)
      if (r.type == "date") date_ends.push_back(r.span.end);
    std::sort(date_ends.begin(), date_ends.end());
  }

 private:
  template <typename Item, typename SentenceOf>
  static void fill(std::vector<Range>& ranges, const std::vector<Item>& items, SentenceOf sentence_of) {
    std::vector<bool> seen(ranges.size(), false);
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto s = static_cast<std::size_t>(sentence_of(items[i]));
      if (s >= ranges.size()) continue;
      if (!seen[s]) ranges[s] = {i, i + 1}, seen[s] = true;
      ranges[s].first = std::min(ranges[s].first, i);
      ranges[s].second = std::max(ranges[s].second, i + 1);
    }
  }
};

// Cuts off what precedes the end of any date, court mention or other count that ends
// inside the subject: "2025年以来办案效率" -> 办案效率, "全盟法院现有人民法庭" -> 现有人民法庭,
// "为312名农民工兑现工资" -> 兑现工资.
void cut_after_mentions(const StageContext& ctx, const SentenceIndex& index, const WorkRecord& r, Subject& s) {
  std::size_t end = s.begin + s.text.size();
  std::size_t cut = s.begin;
  // Only what starts within the lookback window can end inside the subject: found by
  // binary search, so that the cost does not grow with the length of the sentence.
  const std::size_t window = s.begin > kLookbackBytes ? s.begin - kLookbackBytes : 0;
  auto [first, last] = index.records[static_cast<std::size_t>(r.sentence)];
  auto records_from = std::lower_bound(ctx.records.begin() + static_cast<long>(first), ctx.records.begin() + static_cast<long>(last),
                                       window, [](const WorkRecord& d, std::size_t pos) { return d.span.begin < pos; });
  for (auto it = records_from; it != ctx.records.begin() + static_cast<long>(last) && it->span.begin < end; ++it) {
    const WorkRecord& d = *it;
    if (&d != &r && !d.dropped && (d.type == "date" || is_count(d)) && d.span.end > s.begin && d.span.end < end)
      cut = std::max(cut, d.span.end);
  }
  auto [first_mention, last_mention] = index.mentions[static_cast<std::size_t>(r.sentence)];
  auto mentions_from = std::lower_bound(
      ctx.org_mentions.begin() + static_cast<long>(first_mention), ctx.org_mentions.begin() + static_cast<long>(last_mention),
      window, [](const OrgMention& m, std::size_t pos) { return m.span.begin < pos; });
  for (auto it = mentions_from; it != ctx.org_mentions.begin() + static_cast<long>(last_mention) && it->span.begin < end; ++it)
    if (it->span.end > s.begin && it->span.end < end) cut = std::max(cut, it->span.end);
  // The mark that joined the cut-off item to this one opens no subject: "集团3个|、涉恶犯罪案件9件".
  constexpr std::string_view kMark = "、";
  const std::string_view rest = std::string_view(s.text).substr(std::min(cut - s.begin, s.text.size()));
  if (cut > s.begin && rest.starts_with(kMark) && rest.size() > kMark.size()) cut += kMark.size();
  if (cut > s.begin) {
    s.text.erase(0, cut - s.begin);
    s.begin = cut;
  }
}

bool is_digit_before(const StageContext& ctx, std::size_t pos) {
  if (pos == 0) return false;
  char c = ctx.doc.text()[pos - 1];
  return c >= '0' && c <= '9';
}

// True when a number and its measure word end right before `pos` ("52个|人民法庭").
bool follows_its_number(const StageContext& ctx, std::size_t pos) {
  const std::string_view before = std::string_view(ctx.doc.text()).substr(0, pos);
  const std::size_t unit = longest_tail(ctx.lexicon("count_unit"), before).size();
  if (unit == 0 || unit == before.size()) return false;
  const std::string_view number = before.substr(0, before.size() - unit);
  return (number.back() >= '0' && number.back() <= '9') || !longest_tail(ctx.lexicon("count_numeral"), number).empty();
}

// Trims the words that are not part of what is counted from the start of a subject.
// A percent's subject keeps the means it names ("以诉前程序结案的占…").
void trim_subject(const StageContext& ctx, Subject& s, bool percent) {
  const Lexicon* trim = ctx.lexicon("count_trim");
  const Lexicon* units = ctx.lexicon("count_unit");
  const Lexicon* benefactive = ctx.lexicon("count_benefactive");
  const Lexicon* action = ctx.lexicon("count_action_verb");
  auto drop = [&](std::size_t n) {
    if (n == 0 || n >= s.text.size()) return false;  // never trim a subject away
    s.text.erase(0, n);
    s.begin += n;
    return true;
  };
  for (bool changed = true; changed;) {
    changed = false;
    std::string_view t = s.text;
    if (starts_with(t, "、")) {
      changed = drop(3);
      continue;
    }
    // "2025年以来办案效率", "312名农民工": what is left of a date or a count in digits.
    if (is_digit_before(ctx, s.begin)) {
      for (std::string_view unit : {"年以来", "月以来", "日以来", "年底", "月底", "年", "月", "日", "号"})
        if (starts_with(t, unit)) {
          changed = drop(unit.size());
          break;
        }
      if (!changed) changed = drop(longest_head(units, t).size());
      if (changed) continue;
    }
    if (auto word = longest_head(trim, t); !word.empty()) {
      changed = drop(word.size());
      continue;
    }
    // "攻坚以来累计执结", "专项行动开展以来共执结": the span of time it runs since is no
    // part of what is counted.
    constexpr std::string_view kSince = "以来";
    constexpr std::size_t kMaxSinceBytes = 8 * 3;  // an event of a few words, not a clause
    if (const std::size_t at = t.find(kSince); at != std::string_view::npos && at > 0 && at <= kMaxSinceBytes) {
      changed = drop(at + kSince.size());
      if (changed) continue;
    }
    // "为企业挽回经济损失" -> 挽回经济损失: the subject starts at the action.
    if (auto word = longest_head(benefactive, t); !word.empty() && action != nullptr && !percent) {
      std::size_t best = std::string_view::npos;
      for (const auto& verb : action->entries) {
        std::size_t at = t.find(verb, word.size());
        if (at != std::string_view::npos && at > word.size() - 1) best = std::min(best, at);
      }
      if (best != std::string_view::npos) changed = drop(best);
    }
  }
  // "人民陪审员共参审案件", "审委会共召开会议": an adverb before the case verb or the
  // action inside the subject is no part of what is counted (lexicons/count_inner_adverbs.txt).
  const Lexicon* adverbs = ctx.lexicon("count_inner_adverb");
  const Lexicon* case_verbs = ctx.lexicon("count_case_verb");
  if (adverbs != nullptr && !percent)
    for (std::size_t at = s.text.empty() ? 0 : text::decode_utf8(s.text, 0).length; at < s.text.size();
         at += text::decode_utf8(s.text, at).length)
      if (const std::string_view adverb = longest_head(adverbs, std::string_view(s.text).substr(at)); !adverb.empty())
        if (const std::string_view rest = std::string_view(s.text).substr(at + adverb.size());
            !longest_head(case_verbs, rest).empty() || !longest_head(action, rest).empty()) {
          s.text.erase(at, adverb.size());
          break;
        }
  // "特邀调解员等31人": 等 closes the list of what is counted, it is no part of it.
  constexpr std::string_view kAndOthers = "等";
  if (ends_with(s.text, kAndOthers) && s.text.size() > kAndOthers.size()) s.text.resize(s.text.size() - kAndOthers.size());
}

// What may stand between two values of one list: 、 (or 和/及/与), and the
// second value's own direction ("分别下降6.8%、上升4.1%").
bool joins_values(const StageContext& ctx, std::string_view joint) {
  bool separated = false;
  for (std::string_view sep : {"、", "和", "及", "与"})
    if (joint.starts_with(sep)) {
      joint.remove_prefix(sep.size());
      separated = true;
      break;
    }
  if (!separated) return false;
  if (joint.ends_with("了")) joint.remove_suffix(std::string_view("了").size());
  if (joint.empty()) return true;
  const Lexicon* directions = ctx.lexicon("count_direction");
  return directions != nullptr && directions->canonical.count(joint) > 0;
}

// A share told right after its count ("诉前调解成功纠纷5690件，占一审民商事收案的41.7%",
// "执行和解结案326件，占40.3%") is a share of what the count counted: its subject names
// that first, then what it is a share of.
void name_share(StageContext& ctx, const SentenceIndex& index, std::size_t i) {
  WorkRecord& p = ctx.records[i];
  const auto share = locate_subject(ctx, p);
  // (A bare "占比" names the rate whatever was counted, as a heading would.)
  if (!share || !share->text.starts_with("占") || share->text.starts_with("占比")) return;
  const std::string_view text = ctx.doc.text();
  std::size_t comma = share->begin;
  for (std::string_view mark : {"，", ","})
    if (text.substr(0, comma).ends_with(mark)) comma -= mark.size();
  if (comma == share->begin) return;
  const std::size_t first_in_sentence = index.records[static_cast<std::size_t>(p.sentence)].first;
  for (std::size_t k = i; k-- > first_in_sentence;) {
    const WorkRecord& count = ctx.records[k];
    if (count.dropped) continue;
    // The count's own change may close the clause between: "办理双语案件134件，同比增长16.5%，
    // 占全部受理案件的22.8%" is a share of the cases, read from the clause before the change.
    if (count.type == "percent" && count.span.end == comma) {
      std::size_t mark = std::string_view::npos;
      for (std::string_view m : {"，", ","})
        if (const std::size_t at = text.rfind(m, count.span.begin); at != std::string_view::npos && (mark == std::string_view::npos || at > mark))
          mark = at;
      if (mark == std::string_view::npos || mark < ctx.doc.sentences()[static_cast<std::size_t>(p.sentence)].normalized.begin) return;
      comma = mark;
      continue;
    }
    if (!is_count(count) || count.span.end != comma) continue;
    auto counted = count.fields.text("subject");
    if (!counted || counted->empty()) return;
    const std::string subject = share->text == "占" ? *counted : *counted + share->text;
    ctx.note("percent {}: a share of the count before it, subject '{}'", ctx.text(p), subject);
    p.fields.set("subject", subject);
    return;
  }
}

// True when `r` stands inside brackets its sentence opens before it.
bool in_brackets(const StageContext& ctx, const WorkRecord& r) {
  const Span& sentence = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  const std::string_view before = std::string_view(ctx.doc.text()).substr(sentence.begin, r.span.begin - sentence.begin);
  const std::size_t open = before.rfind('(');
  return open != std::string_view::npos && before.find(')', open) == std::string_view::npos;
}

// Percents: the unit, a list subject spread over its values, and the subjects of the
// counts before a subjectless "同比分别增长…".
void link_percents(StageContext& ctx, const SentenceIndex& index) {
  auto& records = ctx.records;
  const std::string_view text = ctx.doc.text();
  for (std::size_t i = 0; i < records.size(); ++i) {
    WorkRecord& p = records[i];
    if (p.dropped || p.type != "percent") continue;
    p.fields.set("unit", ends_with(ctx.text(p), "百分点") ? std::string("个百分点") : std::string("%"));
    // The group of values one match split: consecutive percents joined by 、 (or 和/及/与).
    std::vector<WorkRecord*> group{&p};
    std::size_t j = i + 1;
    for (; j < records.size(); ++j) {
      WorkRecord& q = records[j];
      if (q.dropped) continue;
      if (q.type != "percent" || q.rule != p.rule || q.sentence != p.sentence) break;
      std::string_view joint = text.substr(group.back()->span.end, q.span.begin - group.back()->span.end);
      if (!joins_values(ctx, joint)) break;
      q.fields.set("unit", ends_with(ctx.text(q), "百分点") ? std::string("个百分点") : std::string("%"));
      // "上升3.2%和5.7%": the second value, matched on its own, shares the first's direction.
      if (q.fields.text("direction").value_or("").empty() && p.fields.text("direction"))
        q.fields.set("direction", *p.fields.text("direction"));
      group.push_back(&q);
    }
    // "涉及征地拆迁的占33.6%": the verb of the share is no part of what it is a share of.
    if (auto s = p.fields.text("subject"); s && s->size() > 3 && s->ends_with("占")) {
      std::string trimmed = s->substr(0, s->size() - 3);
      for (std::string_view adverb : {"仅", "只"})
        if (trimmed.size() > adverb.size() && trimmed.ends_with(adverb)) trimmed.resize(trimmed.size() - adverb.size());
      p.fields.set("subject", trimmed);
    }
    // "…追缴金额2.3亿元，增幅为21.5%": the change's own name is no subject; it gives the direction.
    if (auto s = p.fields.text("subject"))
      if (const std::string direction = lookup(ctx.lexicon("count_change_word"), *s); !direction.empty()) {
        p.fields.erase("subject");
        if (!p.fields.text("direction")) p.fields.set("direction", direction);
      }
    if (auto s = p.fields.text("subject");
        s && RE2::FullMatch(re2::StringPiece(s->data(), s->size()), ctx.pattern("counts.not_a_subject"))) {
      ctx.note("percent {}: '{}' is no subject (a unit or a comparison)", ctx.text(p), *s);
      p.fields.erase("subject");
    }
    auto subject = p.fields.text("subject");
    if (subject && !subject->empty()) {
      // "提起公诉件数、人数同比分别上升6.2%、4.8%": one item per value.
      std::vector<std::string> items;
      std::string_view rest = *subject;
      for (std::size_t at; (at = rest.find("、")) != std::string_view::npos; rest.remove_prefix(at + 3))
        items.emplace_back(rest.substr(0, at));
      items.emplace_back(rest);
      if (group.size() > 1 && items.size() == group.size()) {
        // A bare second item (人数) shares the first item's stem (提起公诉件数).
        std::string stem;
        if (char_count(items[0]) > 2) stem = items[0].substr(0, items[0].size() - 6);
        for (std::size_t k = 0; k < group.size(); ++k) {
          std::string item = items[k];
          if (k > 0 && char_count(item) == 2 && !stem.empty()) item = stem + item;
          group[k]->fields.set("subject", item);
        }
      }
    } else {
      // The counts (or the level percent) just before, in the same sentence, in order.
      std::vector<const WorkRecord*> before, every;
      const std::size_t first_in_sentence = index.records[static_cast<std::size_t>(p.sentence)].first;
      for (std::size_t k = std::max(first_in_sentence, i > kLookbackRecords ? i - kLookbackRecords : 0); k < i; ++k) {
        const WorkRecord& r = records[k];
        if (r.dropped || r.sentence != p.sentence || r.span.end > p.span.begin) continue;
        if (!(is_count(r) || r.type == "percent")) continue;
        auto s = r.fields.text("subject");
        if (!s || s->empty()) continue;
        // A count in brackets is a part of the one before it, no figure of the list:
        // "受理6 802件（含旧存547件），执结6 159件，…同比分别增长8.3%、6.1%".
        if (in_brackets(ctx, r)) continue;
        every.push_back(&r);
        // A 件/人 pair counts one subject once, unless there are values for both of
        // its counts ("518件702人，同比分别下降7.2%和5.4%").
        if (!before.empty() && before.back()->fields.text("subject") == s) continue;
        before.push_back(&r);
      }
      if (before.size() < group.size() && every.size() >= group.size()) before = every;
      std::size_t n = group.size();
      for (std::size_t k = 0; k < n && k < before.size(); ++k) {
        std::size_t from = before.size() - std::min(n, before.size()) + k;
        std::size_t target = n - std::min(n, before.size()) + k;
        group[target]->fields.set("subject", *before[from]->fields.text("subject"));
        ctx.note("percent {}: subject '{}' from the count before it", ctx.text(*group[target]),
                 *before[from]->fields.text("subject"));
      }
    }
    // "分别为583件和241件，前者同比增长12.5%，后者下降3.4%": the first or the second of the
    // last two counts before it in its sentence (lexicons/count_pair_anaphors.tsv).
    if (auto s = p.fields.text("subject"))
      if (const std::string which = lookup(ctx.lexicon("count_pair_anaphor"), *s); !which.empty()) {
        std::vector<const WorkRecord*> counts;
        for (std::size_t k = index.records[static_cast<std::size_t>(p.sentence)].first; k < i; ++k)
          if (const WorkRecord& r = records[k]; !r.dropped && r.sentence == p.sentence && is_count(r) &&
                                                 r.fields.text("subject") && !in_brackets(ctx, r))
            counts.push_back(&r);
        if (counts.size() >= 2) {
          const WorkRecord* antecedent = counts[counts.size() - (which == "first" ? 2 : 1)];
          p.fields.set("subject", *antecedent->fields.text("subject"));
          ctx.note("percent {}: '{}' is '{}'", ctx.text(p), *s, *antecedent->fields.text("subject"));
        }
      }
    if (group.size() == 1) name_share(ctx, index, i);
    i = j - 1;
  }
}

// True when an unclosed “ precedes the record in its sentence: the figure is someone's words.
bool inside_quotation(const StageContext& ctx, const WorkRecord& r) {
  const std::size_t from = lookback_start(ctx, r);
  std::string_view before = std::string_view(ctx.doc.text()).substr(from, r.span.begin - from);
  std::size_t open = before.rfind("“");
  if (open == std::string_view::npos || before.find("”", open) != std::string_view::npos) return false;
  // A quoted name the record closes is no quotation: "设立“老乡调解室”9个".
  return ctx.text(r).find("”") == std::string_view::npos;
}

// The first sentence of the sentence `sentence` belongs to: clauses joined by ；are one.
int sentence_start(const StageContext& ctx, int sentence) {
  const auto& sentences = ctx.doc.sentences();
  while (sentence > 0 && sentences[static_cast<std::size_t>(sentence)].paragraph ==
                             sentences[static_cast<std::size_t>(sentence - 1)].paragraph) {
    std::string_view previous = ctx.sentence_text(sentence - 1);
    if (!ends_with(previous, "；") && !ends_with(previous, ";")) break;
    --sentence;
  }
  return sentence;
}

// True when a collective ("全市法院") opens a clause of `r`'s sentence after `from`, as the
// one who did what is counted: "2024年，全市法院审结…", not "入选全区法院人才库".
bool collective_before(const StageContext& ctx, const SentenceIndex& index, const WorkRecord& r, std::size_t from) {
  const Lexicon* collective = ctx.lexicon("count_collective");
  if (collective == nullptr) return false;
  const std::string_view text = ctx.doc.text();
  const int first_sentence = sentence_start(ctx, r.sentence);
  const Span& first = ctx.doc.sentences()[static_cast<std::size_t>(first_sentence)].normalized;
  from = std::max({from, first.begin, lookback_start(ctx, r)});
  if (from >= r.span.end) return false;
  // Only where a clause opens may a collective stand: the sentence's start, after a
  // mark, or where a date ends. Each such place is looked up in the list.
  auto opens_collective = [&](std::size_t pos) {
    return pos >= from && pos < r.span.end && !longest_head(collective, text.substr(pos, r.span.end - pos)).empty();
  };
  if (opens_collective(first.begin)) return true;
  const std::size_t back = std::string_view("，").size();  // a mark just before `from` opens a clause at it
  const std::string_view scope = text.substr(from - std::min(from, back), r.span.end - from + std::min(from, back));
  const std::size_t scope_at = from - std::min(from, back);
  for (std::string_view mark : {"，", ",", "；", ";", "：", ":", "。"})
    for (std::size_t at = scope.find(mark); at != std::string_view::npos; at = scope.find(mark, at + 1))
      if (opens_collective(scope_at + at + mark.size())) return true;
  for (auto at = std::lower_bound(index.date_ends.begin(), index.date_ends.end(), from);
       at != index.date_ends.end() && *at < r.span.end; ++at)
    if (opens_collective(*at)) return true;
  return false;
}

// `last` is the last court or procuratorate mention before the record in its article.
std::optional<std::string> org_of(const StageContext& ctx, const SentenceIndex& index, const WorkRecord& r,
                                  const OrgMention* last) {
  if (inside_quotation(ctx, r)) return std::nullopt;
  // A collective named after the last court: the figure is the courts' together.
  if (collective_before(ctx, index, r, last != nullptr ? last->span.end : 0)) return std::nullopt;
  if (last == nullptr) {
    if (const std::string& own = ctx.org_of_article(r.article); !own.empty()) return own;
    return std::nullopt;
  }
  if (last->canonical.empty()) return std::nullopt;  // a collective: 全市法院
  return last->canonical;
}

bool resolved(const std::string& value) {
  return value.size() >= 4 && std::all_of(value.begin(), value.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

// The period a date record gives: its value, or its year for a since-date
// and for a range ("前三季度", "1至11月", "4月至10月", "2023年1月至2025年5月": the
// year it ends in), as the figures of a period are reported by year.
std::optional<std::string> period_of_date(const WorkRecord& d) {
  auto value = d.fields.text("value");
  if (!value || !resolved(*value)) return std::nullopt;
  const auto kind = d.fields.text("kind");
  if (kind == std::optional<std::string>("since") || kind == std::optional<std::string>("range")) return value->substr(0, 4);
  return *value;
}

// What a sentence passes on to the figures after it.
struct PeriodContext {
  std::vector<int> clause_group;  // sentence -> its first sentence: clauses joined by ；are one sentence
  std::vector<std::optional<std::string>> group_period;    // by first sentence: its first date
  std::vector<std::optional<std::string>> section_period;  // by paragraph: a heading's year
};

bool is_heading(std::string_view paragraph) {
  // "一、2024年工作回顾", "二、2025年工作安排": a numbered short line without a full stop.
  static constexpr std::string_view numerals = "一二三四五六七八九十";
  std::size_t i = 0;
  while (i < paragraph.size() && numerals.find(paragraph.substr(i, 3)) != std::string_view::npos &&
         paragraph.substr(i, 3).size() == 3)
    i += 3;
  return i > 0 && paragraph.substr(i, 3) == "、" && char_count(paragraph) <= 30 &&
         paragraph.find("。") == std::string_view::npos;
}

PeriodContext period_context(const StageContext& ctx) {
  PeriodContext pc;
  const auto& sentences = ctx.doc.sentences();
  const auto& paragraphs = ctx.doc.paragraphs();
  pc.clause_group.resize(sentences.size());
  pc.group_period.resize(sentences.size());
  pc.section_period.resize(paragraphs.size());
  // Items of a list a colon opens ("2025年，该院这样答卷：\n▶新收案件…；\n▶结案…；")
  // go on with the sentence that opens it, as clauses joined by ；do.
  // So do the cards of a figure box ("【数读】今年1至10月…\n\n3 128 件\n受理涉农案件\n\n…"):
  // short paragraphs without a full stop after the box's title.
  constexpr std::size_t kCardChars = 40;
  auto is_card = [&](std::size_t paragraph) {
    const Span& ps = ctx.doc.paragraphs()[paragraph].normalized;
    const std::string_view text = std::string_view(ctx.doc.text()).substr(ps.begin, ps.size());
    return char_count(text) <= kCardChars && text.find("。") == std::string_view::npos;
  };
  // Only a paragraph's first sentence is read for a box's title or a list's item.
  auto matches = [&](std::string_view text, std::string_view pattern) {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), ctx.pattern(pattern));
  };
  bool in_list = false, in_box = false;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    pc.clause_group[i] = static_cast<int>(i);
    if (i == 0) {
      in_box = matches(ctx.sentence_text(0), "counts.figure_box");
      continue;
    }
    std::string_view previous = ctx.sentence_text(static_cast<int>(i - 1));
    if (sentences[i].paragraph != sentences[i - 1].paragraph) {
      const std::string_view text = ctx.sentence_text(static_cast<int>(i));
      const bool opens_box = matches(text, "counts.figure_box");
      in_list = (in_list || ends_with(previous, "：") || ends_with(previous, ":")) &&
                matches(text, "counts.list_item");
      const bool card = !opens_box && in_box && is_card(static_cast<std::size_t>(sentences[i].paragraph));
      if (in_list || card) pc.clause_group[i] = pc.clause_group[i - 1];
      in_box = card || opens_box;
      continue;
    }
    if (ends_with(previous, "；") || ends_with(previous, ";")) pc.clause_group[i] = pc.clause_group[i - 1];
  }
  std::vector<std::optional<std::string>> paragraph_heading(paragraphs.size());
  for (const auto& d : ctx.records) {
    if (d.dropped || d.type != "date") continue;
    auto period = period_of_date(d);
    if (!period) continue;
    auto& slot = pc.group_period[static_cast<std::size_t>(pc.clause_group[static_cast<std::size_t>(d.sentence)])];
    if (!slot) slot = period;
    const Span& ps = paragraphs[static_cast<std::size_t>(d.paragraph)].normalized;
    std::string_view paragraph = std::string_view(ctx.doc.text()).substr(ps.begin, ps.size());
    if (is_heading(paragraph) && !paragraph_heading[static_cast<std::size_t>(d.paragraph)])
      paragraph_heading[static_cast<std::size_t>(d.paragraph)] = period->substr(0, 4);
  }
  std::optional<std::string> section;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Span& ps = paragraphs[p].normalized;
    std::string_view paragraph = std::string_view(ctx.doc.text()).substr(ps.begin, ps.size());
    if (is_heading(paragraph)) section = paragraph_heading[p];
    pc.section_period[p] = section;
  }
  return pc;
}

// True when `d` lies in the name of a meeting of its sentence: "2025年" in
// "2025年新任法官助理岗前培训班" names the course, it is not when its attendees were counted.
bool inside_meeting_name(const StageContext& ctx, const SentenceIndex& index, const WorkRecord& d) {
  auto [first, last] = index.records[static_cast<std::size_t>(d.sentence)];
  for (std::size_t i = first; i < last; ++i) {
    const WorkRecord& m = ctx.records[i];
    if (m.dropped || m.type != "meeting" || d.span.begin < m.span.begin || d.span.end > m.span.end) continue;
    auto name = m.fields.text("name");
    if (!name || name->empty()) continue;
    std::size_t at = ctx.text(m).rfind(*name);
    if (at != std::string_view::npos && d.span.begin >= m.span.begin + at) return true;
  }
  return false;
}

// The dates seen so far in the current clause group, for records taken in text order:
// each date is read once, so a sentence of thousands of counts stays linear.
struct PeriodCursor {
  int group = -1;
  std::size_t next = 0;  // the next record to read
  std::optional<std::string> period;
  const WorkRecord* base = nullptr;  // the last date read that is a base of comparison
};

// "由2023年的19件": a base of comparison is the period of the figure right
// after it, though of nothing later.
bool opens_figure(const StageContext& ctx, const WorkRecord& base, const WorkRecord& r) {
  if (base.span.end > r.span.begin) return false;
  const std::string_view between = std::string_view(ctx.doc.text()).substr(base.span.end, r.span.begin - base.span.end);
  return between.empty() || between == "的";
}

std::optional<std::string> period_of(const StageContext& ctx, const SentenceIndex& index, const PeriodContext& pc,
                                     const WorkRecord& r, PeriodCursor& cursor) {
  // The last date before the number in its sentence (clauses up to a full stop), the
  // meeting's day rather than a year in the meeting's name.
  const int group = pc.clause_group[static_cast<std::size_t>(r.sentence)];
  if (group != cursor.group) cursor = {group, index.records[static_cast<std::size_t>(group)].first, std::nullopt, nullptr};
  const std::size_t last_record = index.records[static_cast<std::size_t>(r.sentence)].second;
  for (; cursor.next < last_record && ctx.records[cursor.next].span.begin < r.span.end; ++cursor.next) {
    const WorkRecord& d = ctx.records[cursor.next];
    if (d.dropped || d.type != "date" || pc.clause_group[static_cast<std::size_t>(d.sentence)] != group) continue;
    if (inside_meeting_name(ctx, index, d)) continue;
    if (is_base_of_comparison(ctx, d)) {
      cursor.base = &d;
      continue;
    }
    if (auto p = period_of_date(d)) cursor.period = p;
  }
  if (cursor.base != nullptr && opens_figure(ctx, *cursor.base, r))
    if (auto p = period_of_date(*cursor.base)) return p;
  if (cursor.period) return cursor.period;
  // "其中，审结民商事案件…" goes on with the sentence before it.
  if (group > 0 && !longest_head(ctx.lexicon("count_part_lead"), ctx.sentence_text(group)).empty()) {
    const auto& prev = pc.group_period[static_cast<std::size_t>(pc.clause_group[static_cast<std::size_t>(group - 1)])];
    if (prev) return prev;
  }
  return pc.section_period[static_cast<std::size_t>(r.paragraph)];
}

// "受理涉企案件126件，其中适用第三方监督评估机制7件": 件 after 其中 counts part
// of the cases the case count just before it in the sentence counts (the pack's
// count_part_unit and count_part_lead lists).
bool is_part_of_case_count(const StageContext& ctx, const WorkRecord& r, const std::vector<WorkRecord*>& counts) {
  if (lookup(ctx.lexicon("count_part_unit"), r.fields.text("unit").value_or("")).empty() || counts.empty() ||
      counts.back()->type != "case_count" ||
      counts.back()->sentence != r.sentence)
    return false;
  const Span& s = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  const std::string_view before = ctx.sentence_text(r.sentence).substr(0, r.span.begin - s.begin);
  std::size_t clause = 0;
  for (std::string_view mark : {",", ";"})  // normalized text: ASCII clause marks
    if (auto at = before.rfind(mark); at != std::string_view::npos) clause = std::max(clause, at + mark.size());
  return !longest_head(ctx.lexicon("count_part_lead"), ctx.sentence_text(r.sentence).substr(clause)).empty();
}

// The subject of the last count before `r` in its article, in its sentence or the one
// before, that `fits`; nothing when that count has no subject or there is none.
template <typename Fits>
std::optional<std::string> subject_counted_before(const std::vector<WorkRecord*>& counts, const WorkRecord& r, Fits&& fits) {
  for (auto it = counts.rbegin(); it != counts.rend() && (*it)->sentence + 1 >= r.sentence; ++it)
    if ((*it)->article == r.article && fits(**it)) {
      auto subject = (*it)->fields.text("subject");
      if (subject && subject->empty()) subject.reset();
      return subject;
    }
  return std::nullopt;
}

void to_case_count(WorkRecord& r) {
  if (r.type != "quantity") return;
  r.type = "case_count";
  if (const Value* value = r.fields.find("value")) r.fields.set("count", Value(*value));
  r.fields.erase("value");
}

// "共受理各类案件12362件，其中市院2174件，…袁州区院2418件": a count whose subject is
// a court or procuratorate, in the sentence of a case count, is that body's part of the
// total: the total's kind and subject, the body's org (found as for any count).
const WorkRecord* total_of_body_part(const StageContext& ctx, const SentenceIndex& index, const WorkRecord& r,
                                     const Subject& s, const std::vector<WorkRecord*>& counts) {
  if (counts.empty() || counts.back()->type != "case_count" || counts.back()->sentence != r.sentence ||
      lookup(ctx.lexicon("count_part_unit"), r.fields.text("unit").value_or("")).empty())
    return nullptr;
  const auto [first, last] = index.mentions[static_cast<std::size_t>(r.sentence)];
  for (std::size_t m = first; m < last; ++m) {
    const OrgMention& mention = ctx.org_mentions[m];
    if (mention.span.begin == s.begin && mention.span.end == s.begin + s.text.size() &&
        (mention.kind == "court" || mention.kind == "procuratorate"))
      return counts.back();
  }
  return nullptr;
}

// "办理公益诉讼案件分别为186件、203件、241件", "一季度…521件，二季度603件": a bare figure
// listed right after a count in the same unit, or given for another period, counts what
// that count counts. False when no such count stands before it.
bool take_listed_subject(const StageContext& ctx, WorkRecord& r, const std::vector<WorkRecord*>& counts) {
  if (counts.empty()) return false;
  const WorkRecord& item = *counts.back();
  if (item.sentence != r.sentence || item.span.end > r.span.begin || item.fields.text("unit") != r.fields.text("unit"))
    return false;
  const std::string_view between = std::string_view(ctx.doc.text()).substr(item.span.end, r.span.begin - item.span.end);
  if (!RE2::FullMatch(between, ctx.pattern("counts.listed_between"))) return false;
  auto subject = item.fields.text("subject");
  if (!subject) return false;
  r.fields.set("subject", *subject);
  if (item.type == "case_count") to_case_count(r);
  return true;
}

// "办理涉企民事、行政检察监督案件分别为108件和49件": a list subject with as many items
// as the figures listed gives each figure its item, with what the items share before
// and after them. Items are as long as the middle ones, or two characters.
void spread_list_subject(StageContext& ctx, const std::vector<WorkRecord*>& list) {
  const std::string subject = *list.front()->fields.text("subject");
  constexpr std::string_view kListMark = "、";
  std::vector<std::string_view> pieces;
  std::string_view rest = subject;
  for (std::size_t at; (at = rest.find(kListMark)) != std::string_view::npos; rest.remove_prefix(at + kListMark.size()))
    pieces.push_back(rest.substr(0, at));
  pieces.push_back(rest);
  if (pieces.size() < 2 || pieces.size() != list.size()) return;
  std::size_t item_chars = pieces.size() > 2 ? char_count(pieces[1]) : 2;
  const std::size_t first_chars = char_count(pieces.front());
  // A first item no longer than the second shares nothing before it, and the
  // last item is as long as the first: "刑事、民商事、行政案件".
  if (first_chars <= item_chars) item_chars = first_chars;
  if (char_count(pieces.back()) <= item_chars) return;
  const std::size_t item_at = char_offset(pieces.front(), first_chars - item_chars);
  const std::string_view shared_before = pieces.front().substr(0, item_at);
  const std::string_view shared_after = pieces.back().substr(char_offset(pieces.back(), item_chars));
  pieces.front().remove_prefix(item_at);
  pieces.back().remove_suffix(shared_after.size());
  for (std::size_t k = 0; k < list.size(); ++k) {
    std::string item = std::string(shared_before).append(pieces[k]).append(shared_after);
    ctx.note("{} {}: item {} of the list subject, '{}'", list[k]->type, ctx.text(*list[k]), k + 1, item);
    list[k]->fields.set("subject", item);
  }
}

// "2021年至2025年，…案件分别为186件、203件、241件、267件和298件": a list of as many
// figures as the range before it in its sentence has years gives each figure its year.
void spread_year_range(StageContext& ctx, const SentenceIndex& index, const std::vector<WorkRecord*>& list) {
  const WorkRecord& first = *list.front();
  // The range opens the clause of the list, a few words before it: it is looked for no
  // further back than kRangeBytes, so a huge sentence of many lists stays linear.
  constexpr std::size_t kRangeBytes = 48 * 3;
  const std::size_t look_from = first.span.begin > kRangeBytes ? first.span.begin - kRangeBytes : 0;
  auto [begin, end] = index.records[static_cast<std::size_t>(first.sentence)];
  begin = static_cast<std::size_t>(
      std::lower_bound(ctx.records.begin() + static_cast<std::ptrdiff_t>(begin), ctx.records.begin() + static_cast<std::ptrdiff_t>(end), look_from,
                       [](const WorkRecord& r, std::size_t pos) { return r.span.begin < pos; }) -
      ctx.records.begin());
  const WorkRecord* range = nullptr;
  for (std::size_t i = begin; i < end && ctx.records[i].span.begin < first.span.begin; ++i) {
    const WorkRecord& d = ctx.records[i];
    if (!d.dropped && d.type == "date" && d.fields.text("kind") == "range" && d.fields.text("granularity") == "year")
      range = &d;
  }
  if (range == nullptr) return;
  int from = 0, to = 0;
  const std::string start = range->fields.text("start").value_or(""), stop = range->fields.text("end").value_or("");
  if (start.size() != 4 || stop.size() != 4) return;
  std::from_chars(start.data(), start.data() + 4, from);
  std::from_chars(stop.data(), stop.data() + 4, to);
  if (to - from + 1 != static_cast<int>(list.size())) return;
  for (std::size_t k = 0; k < list.size(); ++k) {
    list[k]->fields.set("period", std::to_string(from + static_cast<int>(k)));
    ctx.note("{} {}: item {} of the range {}, period {}", list[k]->type, ctx.text(*list[k]), k + 1, ctx.text(*range), from + static_cast<int>(k));
  }
}

}  // namespace

void attribute_counts(StageContext& ctx) {
  const SentenceIndex index(ctx);
  std::vector<WorkRecord*> counts;
  std::vector<std::vector<WorkRecord*>> lists;  // a count and the bare figures listed after it
  for (auto& r : ctx.records) {
    if (r.dropped || !(is_count(r) || r.type == "percent")) continue;
    if (is_count(r) && !r.fields.text("subject")) {
      if (!take_listed_subject(ctx, r, counts)) {
        ctx.note("{} {}: a bare figure after no count in its unit; dropped", r.type, ctx.text(r));
        r.dropped = true;
        continue;
      }
      ctx.note("{} {}: listed after a count, subject '{}'", r.type, ctx.text(r), *r.fields.text("subject"));
      if (lists.empty() || lists.back().back() != counts.back()) lists.push_back({counts.back()});
      lists.back().push_back(&r);
    }
    if (auto s = locate_subject(ctx, r)) {
      // A noun written after its number ("6个人民法庭", "2名市人大代表") is the thing
      // counted as it stands; the cutting and trimming are for the run of text before a number.
      const bool before_number = !follows_its_number(ctx, s->begin);
      if (before_number) cut_after_mentions(ctx, index, r, *s);
      if (before_number) trim_subject(ctx, *s, r.type == "percent");
      // Nothing left before the number but one character that is never counted
      // ("2024年的68件" leaves 的): no subject, no count.
      if (before_number && r.type != "percent" && !s->text.empty() && text::decode_utf8(s->text, 0).length == s->text.size() &&
          !lookup(ctx.lexicon("count_trim"), s->text).empty()) {
        ctx.note("{} {}: the subject '{}' counts nothing; dropped", r.type, ctx.text(r), s->text);
        r.dropped = true;
        continue;
      }
      if (s->text != r.fields.text("subject")) {
        ctx.note("{} {}: subject trimmed to '{}'", r.type, ctx.text(r), s->text);
        r.fields.set("subject", s->text);
      }
      // "…审结涉养老诈骗刑事案件47件。今年，该院审结此类案件19件": the kind of
      // case is the one the case count just before (this sentence or the last) names.
      const std::size_t anaphor = is_count(r) ? first_entry_in(ctx.lexicon("count_anaphor"), s->text) : std::string_view::npos;
      // "依法惩治电信网络诈骗犯罪，审结此类案件632件": the kind is the crime its sentence names.
      std::string crime;
      if (anaphor != std::string_view::npos) {
        const Span& sentence = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
        const std::string_view before = std::string_view(ctx.doc.text()).substr(sentence.begin, r.span.begin - sentence.begin);
        re2::StringPiece input(before.data(), before.size());
        for (std::string found; RE2::FindAndConsume(&input, ctx.pattern("counts.punished_crime"), &found);) crime = found;
      }
      if (!crime.empty()) {
        const std::size_t word = longest_head(ctx.lexicon("count_anaphor"), std::string_view(s->text).substr(anaphor)).size();
        // The crime's last word is not written twice: "…关联犯罪" and "此类犯罪案件".
        std::string_view rest = std::string_view(s->text).substr(anaphor + word);
        for (std::size_t k = std::min(rest.size(), crime.size()); k > 0; --k)
          if (crime.ends_with(rest.substr(0, k))) {
            rest.remove_prefix(k);
            break;
          }
        std::string subject = s->text.substr(0, anaphor) + crime + std::string(rest);
        ctx.note("{} {}: '{}' is the crime its sentence names, '{}'", r.type, ctx.text(r), s->text, subject);
        r.fields.set("subject", subject);
      } else if (anaphor != std::string_view::npos && r.type == "case_count") {
        if (const auto antecedent = subject_counted_before(counts, r, [](const WorkRecord& c) { return c.type == "case_count"; })) {
          ctx.note("case_count {}: '{}' is the kind counted before, '{}'", ctx.text(r), s->text, *antecedent);
          r.fields.set("subject", *antecedent);
        }
      }
      // "对15家涉案企业开展合规整改，其中9家已通过验收": a part named by 其中 alone
      // counts what the count before it in the same unit counts.
      if (r.type == "quantity" && lookup(ctx.lexicon("count_part_lead"), s->text) == s->text)
        if (const auto whole = subject_counted_before(
                counts, r, [&](const WorkRecord& c) { return c.fields.text("unit") == r.fields.text("unit"); })) {
          ctx.note("quantity {}: a part of the count before it, '{}'", ctx.text(r), *whole);
          r.fields.set("subject", *whole);
        }
      if (is_count(r))
        if (const WorkRecord* total = total_of_body_part(ctx, index, r, *s, counts)) {
          ctx.note("{} {}: '{}' is a body's part of the case count before it", r.type, ctx.text(r), s->text);
          r.fields.set("subject", *total->fields.text("subject"));
          to_case_count(r);
        }
    }
    if (r.type == "quantity" && is_part_of_case_count(ctx, r, counts)) {
      ctx.note("quantity {}: a part of the case count before it, so a case count", ctx.text(r));
      to_case_count(r);
    }
    if (is_count(r)) counts.push_back(&r);
  }
  for (const auto& list : lists) spread_list_subject(ctx, list);
  link_percents(ctx, index);

  const PeriodContext pc = period_context(ctx);
  std::size_t next_mention = 0;
  const OrgMention* last_court = nullptr;
  PeriodCursor cursor;
  for (WorkRecord* r : counts) {  // in text order, as the mentions
    for (; next_mention < ctx.org_mentions.size() && ctx.org_mentions[next_mention].span.begin < r->span.end;
         ++next_mention) {
      const OrgMention& m = ctx.org_mentions[next_mention];
      if ((m.kind == "court" || m.kind == "procuratorate") && !m.cited && !m.guest) last_court = &m;  // a cited body or a guest did nothing counted
    }
    const OrgMention* last = last_court != nullptr && last_court->article == r->article ? last_court : nullptr;
    auto org = org_of(ctx, index, *r, last);
    auto period = period_of(ctx, index, pc, *r, cursor);
    if (org) r->fields.set("org", *org);
    if (period) r->fields.set("period", *period);
    ctx.note("{} {}: org {}, period {}", r->type, ctx.text(*r), org.value_or("null"), period.value_or("null"));
  }
  for (const auto& list : lists) spread_year_range(ctx, index, list);
}

}  // namespace reportex::internal
