// The meetings stage. The rules find the clause that reports a meeting as
// held; here each meeting gets its frame: the date of its own clause, the
// convener as a canonical org, presiders, attendees and speakers from the
// sentences that follow it, coordinated names split into one meeting each,
// and repeated mentions of one meeting merged into one record.
#include "convert/converters.hpp"
#include "stages/stage.hpp"
#include "text/occurrences.hpp"

#include <re2/re2.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <span>

namespace reportex::internal {

namespace {

constexpr std::string_view kRulePrefix = "meetings/";

std::string_view rule_name(const WorkRecord& r) {
  if (r.rule == nullptr) return {};
  std::string_view id = r.rule->id;
  auto at = id.find(kRulePrefix);
  return at == std::string_view::npos ? std::string_view{} : id.substr(at + kRulePrefix.size());
}

// Triggers that open a frame: the following sentences say who presided and
// attended. Which rules' meetings do is the pack's (meetings.frame_rules).
bool opens_frame(const StageContext& ctx, const WorkRecord& r) {
  const std::string_view name = rule_name(r);
  return RE2::FullMatch(re2::StringPiece(name.data(), name.size()), ctx.pattern("meetings.frame_rules"));
}

std::string text_field(const WorkRecord& r, std::string_view field) { return r.fields.text(field).value_or(""); }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The pack's words for reading who took part in a meeting (meetings.toml):
// what presiding, attending and speaking are said with, and what opens or
// closes a "who" phrase without naming anyone. A pack without a list reads
// none of its words.
struct MeetingWords {
  std::vector<std::string_view> presided, attend_verbs, attend_ends, speech_verbs, floor_speech_verbs, subject_ends,
      content_starts, who_openers, who_trailing, name_followers, group_words;
  std::vector<std::string> verbs;  // attending and speaking, to tell in one scan whether a sentence has any
  text::LiteralSet verb_set;
  // Each clause is searched for the first of either (see before_first).
  text::LiteralSet attend_set, speech_set;
  std::vector<std::string> titles;  // titles before a name ("副检察长乔卫东"), found in one scan of an item
  text::LiteralSet title_set;
  // Listed departments' and bodies' names with a 和 inside ("监察和司法委员会"), each
  // with the byte offset of that 和: it joins no two items of a "who" phrase.
  std::vector<std::pair<std::string_view, std::size_t>> joined_names;
  explicit MeetingWords(const StageContext& ctx)
      : verbs(entries_of(ctx, {"meeting_attend_verb", "meeting_speech_verb"})),
        verb_set(verbs),
        attend_set(entries_of(ctx, "meeting_attend_verb")),
        speech_set(entries_of(ctx, "meeting_speech_verb")),
        titles(entries_of(ctx, {"meeting_title"})),
        title_set(titles) {
    auto load = [&](std::string_view name, std::vector<std::string_view>& words) {
      if (const Lexicon* lexicon = ctx.lexicon(name))
        for (const auto& w : lexicon->entries) words.push_back(w);
    };
    load("meeting_presided", presided);
    load("meeting_attend_verb", attend_verbs);
    load("meeting_attend_end", attend_ends);
    load("meeting_speech_verb", speech_verbs);
    load("meeting_floor_speech_verb", floor_speech_verbs);
    load("meeting_subject_end", subject_ends);
    subject_ends.insert(subject_ends.end(), attend_verbs.begin(), attend_verbs.end());
    load("meeting_content_start", content_starts);
    load("who_opener", who_openers);
    load("who_trailing", who_trailing);
    load("name_follower", name_followers);
    load("group_word", group_words);
    constexpr std::string_view kAnd = "和";
    for (const char* list : {"department", "org_suffix"})
      if (const Lexicon* names = ctx.lexicon(list))
        for (const auto& name : names->entries)
          for (std::size_t at = name.find(kAnd); at != std::string::npos; at = name.find(kAnd, at + 1))
            joined_names.emplace_back(name, at);
  }

 private:
  // One list's own entries, which outlive the stage (a missing list has none).
  static const std::vector<std::string>& entries_of(const StageContext& ctx, std::string_view name) {
    static const std::vector<std::string> kNone;
    const Lexicon* lexicon = ctx.lexicon(name);
    return lexicon != nullptr ? lexicon->entries : kNone;
  }
  static std::vector<std::string> entries_of(const StageContext& ctx, std::initializer_list<std::string_view> names) {
    std::vector<std::string> out;
    for (std::string_view name : names)
      if (const Lexicon* lexicon = ctx.lexicon(name)) out.insert(out.end(), lexicon->entries.begin(), lexicon->entries.end());
    return out;
  }
};
bool starts_with_any(std::string_view s, std::span<const std::string_view> words) {
  for (std::string_view w : words)
    if (starts_with(s, w)) return true;
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool all_han(std::string_view s) {
  static const RE2 han(R"(\p{Han}+)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), han);
}

// A transliterated name keeps its middle dot as written ("阿依努尔·吐尔逊"): the
// dotted tail of `text`, when there is one.
std::string dotted_name_at_end(std::string_view text) {
  static const RE2 dotted(R"((\p{Han}{1,8}(?:·\p{Han}{1,8})+)$)");
  std::string name;
  RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), dotted, &name);
  return name;
}

// The longest kind word the name ends with ("…工作推进会" -> 推进会).
std::string kind_of(const StageContext& ctx, std::string_view name) {
  constexpr std::string_view kClosingQuote = "”";  // a name quoted whole: “院坝说法会”
  if (name.ends_with(kClosingQuote)) name.remove_suffix(kClosingQuote.size());
  return std::string(longest_tail(ctx.lexicon("meeting_kind"), name));
}

// A name that says which meeting it is, not just what kind ("集体学习", "会议").
bool is_specific(const StageContext& ctx, std::string_view name) {
  std::string kind = kind_of(ctx, name);
  if (starts_with(name, "此次") || starts_with(name, "本次") || starts_with(name, "该")) return false;
  return char_count(name) >= char_count(kind) + 2;
}

// What identifies a meeting across its mentions: a city's party committee
// meeting is "包头市委政法工作会议", "市委政法工作会议" or "包头市政法工作会议";
// the place name and 委 go, the level (市, 区, 旗 …) stays.
std::string merge_key(const StageContext& ctx, std::string_view name) {
  std::string unit, rest;
  if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), ctx.pattern("meetings.merge_level"), &unit, &rest))
    return unit + rest;
  return std::string(name);
}

std::optional<std::string> resolved_date(const WorkRecord& date) {
  auto value = date.fields.text("value");
  static const RE2 resolved(R"([0-9]{4}(?:[-/][0-9A-Za-z/-]+)?)");  // "2025-06-25", not "6月25日"
  if (!value || !RE2::FullMatch(*value, resolved)) return std::nullopt;
  return value;
}

// The org a convener's text refers to: the org mention the organizations stage
// found there, else the text as written without the group that met. `full_names`:
// the distinct canonical names of the document's org mentions.
// The body a visiting group (调研组, 视察组) told of earlier in the article comes from: the
// one named right before the group ("市委政法委调研组"), else the body of the person who
// leads it ("…检察长端木振华带领调研组到我院", "由宇文卫东牵头…的调研组"). Empty when none is told.
std::string visiting_body(const StageContext& ctx, const WorkRecord& m, std::string_view group) {
  const std::string_view text = ctx.doc.text();
  if (m.article < 0 || static_cast<std::size_t>(m.article) >= ctx.articles.size()) return {};
  const int first = ctx.articles[static_cast<std::size_t>(m.article)].first_paragraph;
  const std::size_t from = ctx.doc.paragraphs()[static_cast<std::size_t>(first)].normalized.begin, to = m.span.begin;
  std::string body;
  for (std::size_t at = text.find(group, from); at != std::string_view::npos && at < to; at = text.find(group, at + group.size())) {
    for (const auto& o : org_mentions_near(ctx, at > 64 ? at - 64 : 0, at))
      if (o.span.end == at && !o.canonical.empty()) body = o.canonical;
    // The person who leads it: a mention of one ending last before it, in its sentence.
    const auto& sentences = ctx.doc.sentences();
    auto in = std::upper_bound(sentences.begin(), sentences.end(), at,
                               [](std::size_t pos, const auto& sentence) { return pos < sentence.normalized.begin; });
    const std::size_t sentence_begin = in == sentences.begin() ? 0 : std::prev(in)->normalized.begin;
    const WorkRecord* leader = nullptr;
    std::size_t leader_end = 0;
    for (const auto& r : ctx.records) {
      if (r.dropped || r.type != "person" || !r.fields.text("org")) continue;
      auto consider = [&](const Span& span) {
        if (span.end <= at && span.begin >= sentence_begin && span.end > leader_end) leader = &r, leader_end = span.end;
      };
      consider(r.span);
      for (const Span& span : r.mentions) consider(span);
    }
    if (leader != nullptr &&
        RE2::PartialMatch(re2::StringPiece(text.data() + leader_end, at - leader_end), ctx.pattern("meetings.group_leads")))
      body = *leader->fields.text("org");
  }
  return body;
}

std::string organizer_of(const StageContext& ctx, const WorkRecord& m, std::string_view written,
                         const std::vector<std::string>& full_names) {
  if (written.empty()) return {};
  std::string_view record_text = ctx.text(m);
  auto at = record_text.find(written);
  if (at != std::string_view::npos) {
    Span where{m.span.begin + at, m.span.begin + at + written.size()};
    for (const auto& o : org_mentions_near(ctx, where.begin, where.end)) {
      if (o.span.begin >= where.end || o.span.end <= where.begin) continue;
      if (o.canonical.empty()) continue;
      // A court's tribunal convenes as itself: "西青区人民法院杨柳青人民法庭组织召开…".
      const std::string_view rest = std::string_view(ctx.doc.text()).substr(o.span.end, where.end - std::min(where.end, o.span.end));
      std::string tribunal;
      if (RE2::FullMatch(re2::StringPiece(rest.data(), rest.size()), ctx.pattern("meetings.convening_tribunal"), &tribunal))
        return o.canonical + tribunal;
      return o.canonical;
    }
  }
  std::string org(written);
  if (const std::size_t group = longest_tail(ctx.lexicon("convener_group"), org).size(); group < org.size())
    org.resize(org.size() - group);  // the court of "该院党组": its group convenes for it
  // 该院 refers back to the court or procuratorate named last (a rule's "=该院": a
  // meeting held after an event the article told, "随后召开的座谈会").
  if (org == "该院")
    if (const OrgMention* named = court_before(ctx, m.span.begin, m.article); named != nullptr) return named->canonical;
  if (org == "该院" || org == "我院" || org == "本院" || org == "我们") return ctx.org_of_article(m.article);
  // A short name its article resolves where it writes it alone ("市院"): the last such
  // mention before the meeting, else the first after it; the search stays in the article.
  {
    const auto& mentions = ctx.org_mentions;
    const auto at = std::lower_bound(mentions.begin(), mentions.end(), m.span.begin,
                                     [](const OrgMention& o, std::size_t pos) { return o.span.begin < pos; });
    auto names_it = [&](const OrgMention& o) { return o.surface == org && !o.canonical.empty(); };
    for (auto it = at; it != mentions.begin() && std::prev(it)->article == m.article;)
      if (names_it(*--it)) return it->canonical;
    for (auto it = at; it != mentions.end() && it->article == m.article; ++it)
      if (names_it(*it)) return it->canonical;
  }
  if (!lookup(ctx.lexicon("visiting_group"), org).empty())
    if (std::string body = visiting_body(ctx, m, org); !body.empty()) return body;
  // A full name the document gives elsewhere with its city or province before
  // it ("由万州区人民法院主办" on the page of 重庆市万州区人民法院).
  for (const auto& name : full_names)
    if (name.size() > org.size() && name.ends_with(org)) return name;
  // A town convening: of the county of the court named before it ("凤凰镇在镇政府召开…").
  for (std::string_view unit : {"镇", "乡", "街道"})
    if (org.ends_with(unit))
      if (std::string town = town_body_name(ctx, m.span.begin, m.article, org, ""); !town.empty()) return town;
  return org;
}

// True when [begin, end) holds only a dateline's mark ("本报讯　", "**平山讯**"): a date
// after it still opens its sentence.
bool after_dateline(const StageContext& ctx, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxMarkBytes = 64;  // a mark is short: a long gap is read no further
  if (end - begin > kMaxMarkBytes) return false;
  const std::string_view gap = std::string_view(ctx.doc.text()).substr(begin, end - begin);
  return RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), ctx.pattern("meetings.dateline"));
}

// Which point date of [begin, end) point_date_within takes: the first one, the
// one starting at `begin`, or the one that ends right before `end` (a comma
// or spaces between).
enum class DatePlace { first, opening, adjacent };

// The value of the point date of [begin, end) at `place`, resolved to a calendar value.
std::optional<std::string> point_date_within(const StageContext& ctx, std::size_t begin, std::size_t end,
                                             DatePlace place = DatePlace::first) {
  auto adjacent = [&](const WorkRecord& r) {
    const std::string_view gap = std::string_view(ctx.doc.text()).substr(r.span.end, end - r.span.end);
    return gap.find_first_not_of(" ,") == std::string_view::npos;  // normalized text has ASCII commas
  };
  // Records are in text order.
  auto it = std::lower_bound(ctx.records.begin(), ctx.records.end(), begin,
                             [](const WorkRecord& r, std::size_t pos) { return r.span.begin < pos; });
  for (; it != ctx.records.end() && it->span.begin < end; ++it) {
    if (it->type != "date" || it->dropped || it->span.end > end) continue;
    if ((place == DatePlace::opening && it->span.begin != begin && !after_dateline(ctx, begin, it->span.begin)) ||
        (place == DatePlace::adjacent && !adjacent(*it)))
      continue;
    // A meeting of several days ("11月6日至7日") is dated by its last, as a range is.
    auto kind = it->fields.text("kind");
    if (kind && !kind->empty() && *kind != "point" && !(*kind == "range" && it->fields.text("granularity") == "day"))
      continue;
    if (auto value = resolved_date(*it)) return value;
  }
  return std::nullopt;
}

// True when the meeting's record opens with its verb, after at most a time
// ("6月，召开…"): no convener is written at all.
bool opens_its_clause(const StageContext& ctx, const WorkRecord& m) {
  const std::string_view text = ctx.text(m);
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), ctx.pattern("meetings.bare_verb"));
}

// A court or procuratorate named earlier in the sentence convenes a meeting
// whose own clause has no subject ("…检察院第一时间组织学习，及时召开全市检察长会").
std::string earlier_convener(const StageContext& ctx, const WorkRecord& m) {
  const Span& s = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)].normalized;
  const OrgMention* last = nullptr;
  for (const auto& o : org_mentions_near(ctx, s.begin, m.span.begin))
    if (o.sentence == m.sentence && o.span.end <= m.span.begin && !o.canonical.empty() &&
        (o.kind == "court" || o.kind == "procuratorate"))
      last = &o;
  if (last != nullptr) return last->canonical;
  std::string_view before = std::string_view(ctx.doc.text()).substr(s.begin, m.span.begin - s.begin);
  re2::StringPiece input(before.data(), before.size());
  std::string found, name;
  while (RE2::FindAndConsume(&input, ctx.pattern("meetings.earlier_court"), &name)) found = name;
  if (starts_with(found, "全")) return {};  // 全市法院: several courts, no one convener
  return found;
}

// "…现场推进会在赤壁召开，会议由省高院主办、赤壁市人民法院承办": the host a later
// clause of the meeting's sentence names (the pack's meetings.stated_host), as the
// organizations stage resolved it; "" when there is none.
std::string stated_host(const StageContext& ctx, const WorkRecord& m) {
  // The host's clause follows the meeting's, in its sentence or opening the next: it is
  // read no further than kWindowBytes on, so a huge sentence of many meetings is not
  // rescanned for each.
  constexpr std::size_t kWindowBytes = 64 * 3;
  const std::string_view after = std::string_view(ctx.doc.text()).substr(m.span.end, kWindowBytes);
  re2::StringPiece host;
  if (!RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), ctx.pattern("meetings.stated_host"), &host))
    return {};
  const std::size_t begin = m.span.end + static_cast<std::size_t>(host.data() - after.data());
  const std::size_t end = begin + host.size();
  for (const auto& o : org_mentions_near(ctx, begin, end))
    if (o.span.begin >= begin && o.span.end <= end && !o.canonical.empty()) return o.canonical;
  return {};
}

// "全市法院…推进会在通道县召开": a meeting of all the courts of a level, told without
// who held it, is held by that level's own body of the article's place
// (lexicons/meeting_level_hosts.tsv); "" when the article's court names no such place.
std::string level_host(const StageContext& ctx, const WorkRecord& m) {
  const Lexicon* hosts = ctx.lexicon("meeting_level_host");
  const std::string name = text_field(m, "name");
  const std::string_view head = longest_head(hosts, name);
  if (head.empty()) return {};
  return body_at_article_place(ctx, m.article, lookup(hosts, head));
}

// "乌兰浩特市人民法院2025年上半年审判执行工作分析会议": the court before the
// meeting's name is its convener ("全盟法院…推进会" is not: 全 means many courts).
void split_leading_convener(StageContext& ctx, WorkRecord& m, const std::vector<std::string>& full_names) {
  std::string name = text_field(m, "name");
  if (starts_with(name, "全")) return;
  // The court, then the bodies it held the meeting with or its hosts, then the name.
  std::string court, rest;
  if (!RE2::FullMatch(name, ctx.pattern("meetings.leading_court"), &court, &rest)) return;
  if (!RE2::FullMatch(rest, ctx.pattern("meetings.leading_partners"), &rest))
    RE2::FullMatch(rest, ctx.pattern("meetings.leading_hosts"), &rest);
  if (!is_specific(ctx, rest)) return;
  m.fields.set("organizer", organizer_of(ctx, m, court, full_names));
  m.fields.set("name", rest);
}

// "中央、自治区、包头市政法工作会议相继召开": one meeting per level, each with
// the shared tail of the last item.
std::vector<WorkRecord> split_coordinated(const StageContext& ctx, const WorkRecord& m) {
  std::string name = text_field(m, "name");
  std::vector<std::string> items;
  for (std::size_t start = 0;;) {
    auto at = name.find("、", start);
    items.push_back(name.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + std::string_view("、").size();
  }
  std::string last_level, tail;
  if (items.size() < 2 || !RE2::FullMatch(items.back(), ctx.pattern("meetings.coordinated_level"), &last_level, &tail))
    return {m};
  std::vector<WorkRecord> out;
  for (const auto& item : items) {
    WorkRecord copy = m;
    copy.fields.set("name", item == items.back() ? item : item + tail);
    out.push_back(std::move(copy));
  }
  return out;
}

// ---- who presided, attended, spoke ------------------------------------------

struct Piece {
  std::size_t begin = 0, end = 0;  // in the normalized text
  std::string_view text;
};

// Splits `text` (starting at `offset`) at the given separators, but not at
// one for which `inside_word(position)` holds (the 和 of the name 孟和).
std::vector<Piece> split_at(std::string_view text, std::size_t offset, std::initializer_list<std::string_view> seps,
                            const std::function<bool(std::size_t)>& inside_word = {}) {
  std::vector<Piece> out;
  std::size_t start = 0;
  int depth = 0;  // inside parentheses nothing is split: "各县(市、区)法院院长"
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t matched = 0;
    if (i < text.size() && text[i] == '(') ++depth;
    if (i < text.size() && text[i] == ')' && depth > 0) --depth;
    if (i < text.size() && depth == 0)
      for (auto sep : seps)
        if (text[i] == sep.front() && text.substr(i, sep.size()) == sep) matched = std::max(matched, sep.size());
    if (matched > 0 && inside_word && inside_word(offset + i)) matched = 0;
    if (i == text.size() || matched > 0) {
      if (i > start) out.push_back({offset + start, offset + i, text.substr(start, i - start)});
      if (i == text.size()) break;
      i += matched;
      start = i;
    } else {
      do ++i;  // separators start at a character, never inside one
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80);
    }
  }
  return out;
}

bool is_group_word_end(const MeetingWords& words, std::string_view s) {
  for (std::string_view w : words.group_words)
    if (ends_with(s, w)) return true;
  return false;
}

// A counted group is one item, count and all: a count opening it ("10位人大代表、政协委员"),
// after 等 ("…等12家单位") or closing it ("…人民法庭庭长共40余人"); the pack's
// meetings.counted pattern says which.
bool is_counted(const StageContext& ctx, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), ctx.pattern("meetings.counted"));
}

struct Named {
  std::string name;  // empty: not a person
  bool title_only = false;
  bool recorded = false;  // a person record's name, not read from a title before it
};

// True when `pos` falls inside an organization's name: the 和 of "县林业和草原局"
// joins no two items, nor that of a listed department or body
// ("市人大常委会监察和司法委员会负责同志") the organizations stage has no mention of.
bool inside_org_name(const StageContext& ctx, const MeetingWords& words, std::size_t pos) {
  for (const OrgMention& o : org_mentions_near(ctx, pos, pos + 1))
    if (o.span.begin < pos && pos < o.span.end) return true;
  const std::string_view text = ctx.doc.text();
  for (const auto& [name, at] : words.joined_names)
    if (pos >= at && text.substr(pos - at, name.size()) == name) return true;
  return false;
}

// The person records by position, so that each item of a "who" phrase looks
// only at the people near it (looking at every record was quadratic). A
// record is found at each of its mentions: "苗振东主持会议" names the 检察长
// the article introduced before.
class PersonIndex {
 public:
  explicit PersonIndex(const std::vector<WorkRecord>& records) : records_(records) {
    for (std::size_t i = 0; i < records.size(); ++i)
      if (records[i].type == "person" && !records[i].dropped) {
        spans_.push_back({records[i].span, i});
        for (const Span& m : records[i].mentions) spans_.push_back({m, i});
      }
    std::sort(spans_.begin(), spans_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.span.begin, a.record) < std::tie(b.span.begin, b.record);
    });
    spans_.erase(std::unique(spans_.begin(), spans_.end(),
                             [](const Entry& a, const Entry& b) {
                               return a.record == b.record && a.span.begin == b.span.begin && a.span.end == b.span.end;
                             }),
                 spans_.end());
    for (const Entry& e : spans_) longest_ = std::max(longest_, e.span.size());
  }
  /// True when a person's mention holds byte `pos`.
  bool covers(std::size_t pos) const {
    bool found = false;
    near(pos, pos + 1, [&](const WorkRecord&, const Span& span) {
      found = span.begin <= pos && pos < span.end;
      return found;
    });
    return found;
  }

  /// The person mentions that may overlap [begin, end), in text order, with
  /// their records.
  template <typename Visit>
  void near(std::size_t begin, std::size_t end, Visit&& visit) const {
    const std::size_t from = begin > longest_ ? begin - longest_ : 0;
    auto it = std::lower_bound(spans_.begin(), spans_.end(), from,
                               [](const Entry& e, std::size_t pos) { return e.span.begin < pos; });
    for (; it != spans_.end() && it->span.begin < end; ++it)
      if (visit(records_[it->record], it->span)) return;
  }

 private:
  struct Entry {
    Span span;
    std::size_t record;
  };
  const std::vector<WorkRecord>& records_;
  std::vector<Entry> spans_;  // sorted by span.begin
  std::size_t longest_ = 0;
};

// "罕东亮检察长主持召开…会议": a person named before 主持召开 in the meeting's own
// clause presides over the meeting he convenes, for his body (else the article's).
std::string presiding_convener_body(const StageContext& ctx, const PersonIndex& people, const WorkRecord& m) {
  const std::size_t verb = ctx.text(m).find("主持召开");
  if (verb == std::string_view::npos) return {};
  const std::size_t verb_at = m.span.begin + verb;
  std::optional<std::string> org;
  people.near(m.span.begin, verb_at, [&](const WorkRecord& p, const Span& span) {
    if (span.begin < m.span.begin || span.end > verb_at) return false;
    org = p.fields.text("org").value_or("");
    return true;
  });
  if (!org) return {};
  return org->empty() ? ctx.org_of_article(m.article) : *org;
}

// True when `text` is one title of the pack's list ("教授", "副院长").
bool is_title(const StageContext& ctx, std::string_view text) {
  return !text.empty() && longest_head(ctx.lexicon("title"), text).size() == text.size();
}

// A person's name in one enumeration item: the people stage's record there,
// else a title followed by a name ("副检察长乔卫东").
Named name_in_item(const StageContext& ctx, const PersonIndex& people, const MeetingWords& words, const Piece& item) {
  std::optional<Named> found;
  people.near(item.begin, item.end, [&](const WorkRecord& r, const Span& span) {
    if (span.begin >= item.end || span.end <= item.begin) return false;
    auto name = r.fields.text("name");
    if (!name || name->empty()) return false;
    // The name closes its item; a record that ends in a later item makes
    // this one a title before it ("党组成员、副检察长乔卫东").
    if (ends_with(item.text, *name)) found = Named{*name, false, true};
    else if (auto dotted = dotted_name_at_end(item.text); !dotted.empty() && repair_name(dotted) == *name)
      found = Named{dotted, false, true};
    else if (span.end > item.end) found = Named{{}, true};
    // A title after the name, the record's or one more: "綦振东院长到会讲话", "法学院院长黎国栋教授".
    else if (const std::size_t at = item.text.find(*name); span.begin >= item.begin && at != std::string_view::npos &&
             (span.end == item.end || is_title(ctx, item.text.substr(at + name->size()))))
      found = Named{*name, false, true};
    // Some words after the name leave it the item's person: "主任牛振宇等检委会委员", "麻爱华陪同听证员".
    else if (span.begin >= item.begin && !is_counted(ctx, item.text) &&
             starts_with_any(item.text.substr(span.end - item.begin), words.name_followers))
      found = Named{*name, false, true};
    return found.has_value();
  });
  if (found) return *found;
  // The titles in the item, in the word list's order and then by position.
  std::string_view text = item.text;
  std::vector<std::pair<std::size_t, std::size_t>> titles;  // (title index, position)
  words.title_set.scan(text, [&](std::size_t i, std::size_t at) {
    titles.emplace_back(i, at);
    return true;
  });
  std::sort(titles.begin(), titles.end());
  bool title_only = false;
  for (auto [i, at] : titles) {
    std::string_view rest = text.substr(at + words.titles[i].size());
    if (rest.empty()) title_only = true;
    std::size_t n = char_count(rest);
    if (n >= 2 && n <= 6 && all_han(rest) && !is_group_word_end(words, rest) && kind_of(ctx, rest).empty())
      return {repair_name(rest), false};
    if (!rest.empty() && dotted_name_at_end(rest) == rest) return {std::string(rest), false};
  }
  return {{}, title_only};
}

// True when `text` is a body's name: something before one of the pack's org suffixes ("区林业局").
bool ends_in_org_suffix(const StageContext& ctx, std::string_view text) {
  const std::string_view suffix = longest_tail(ctx.lexicon("org_suffix"), text);
  return !suffix.empty() && suffix.size() < text.size();
}

// True when `text` names a body: a body's name, a department ("市中院立案庭"), or a
// word for bodies ("各审判执行部门").
bool names_a_body(const StageContext& ctx, std::string_view text) {
  return ends_in_org_suffix(ctx, text) || !longest_tail(ctx.lexicon("department"), text).empty() ||
         !longest_tail(ctx.lexicon("body_word"), text).empty();
}

// True when `text` names a body by its place and kind ("齐河县人民法院"), not a
// department of the convener's ("第一检察部") nor the convener itself ("该院").
bool names_an_outside_body(const StageContext& ctx, std::string_view text) {
  return ends_in_org_suffix(ctx, text) && lookup(ctx.lexicon("org_reference"), text).empty() &&
         lookup(ctx.lexicon("org_self_reference"), text).empty();
}

// True when every item of the 、 list `text` names a body and none its people
// ("镇综治中心、司法所").
bool names_bodies_only(const StageContext& ctx, const MeetingWords& words, std::string_view text) {
  if (text.empty()) return false;
  for (std::size_t start = 0;;) {
    const std::size_t at = text.find("、", start);
    const std::string_view item = text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    if (item.empty() || !names_a_body(ctx, item) || is_group_word_end(words, item)) return false;
    if (at == std::string_view::npos) return true;
    start = at + std::string_view("、").size();
  }
}

// True when `text` opens with a head count ("15名茶企", "3家单位").
bool opens_with_count(const StageContext& ctx, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), std::min<std::size_t>(text.size(), 24)),
                           ctx.pattern("meetings.count_first"));
}

// The item that closes a list of units opened at item `i` as one group: no
// item names a person, only the last ends in a group word (or in a body word after
// 等: "…等部门"), and it holds 等
// ("…立案庭等部门负责人") or the items before it are bodies ("区林业局、区水利局
// 有关负责同志"), the first of them perhaps counted ("15名茶企、茶农代表", but
// not "3名人民监督员、2名人大代表"). `i` itself when there is none.
std::size_t group_closing(const StageContext& ctx, const MeetingWords& words, const std::vector<Piece>& items,
                          const std::vector<Named>& named, std::size_t i) {
  for (std::size_t j = i; j < items.size() && named[j].name.empty(); ++j) {
    // Bodies listed up to 等 and a body word close a group too: "水利、生态环境、农业农村等部门".
    const bool and_others = items[j].text.find("等") != std::string_view::npos;
    if (!is_group_word_end(words, items[j].text) && !(j > i && and_others && names_a_body(ctx, items[j].text))) continue;
    if (j == i) return i;
    if (and_others) return j;
    // A counted head names bodies, not people ("12家商会会长及企业代表" are two groups).
    const bool counted_head = opens_with_count(ctx, items[i].text) && !opens_with_count(ctx, items[j].text) &&
                              longest_tail(ctx.lexicon("title"), items[i].text).empty() &&
                              ctx.doc.text().substr(items[i].end, items[i + 1].begin - items[i].end) == "、";
    for (std::size_t k = i; k < j; ++k)
      if (!names_a_body(ctx, items[k].text) && !(k == i && counted_head)) return i;
    return j;
  }
  return i;
}

// The people and groups of a "who" phrase: "党组成员、副检察长乔卫东及各部门负责人"
// gives 乔卫东 and 各部门负责人; a counted group is a single item.
// One item of a "who" phrase: a person's name, a group of people ("各部门负责人",
// "12位人大代表") or other words.
struct WhoItem {
  std::string text;
  bool person = false, group = false;
  bool recorded = false;  // see Named
};

std::vector<WhoItem> who_items(const StageContext& ctx, const PersonIndex& people, const MeetingWords& words,
                               std::string_view text, std::size_t offset) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view word : words.who_trailing)  // plain suffix tests: a regex cost more than the rest
      if (ends_with(text, word)) {
        text.remove_suffix(word.size());
        stripped = true;
        break;
      }
  }
  // Where a group took part ("…负责人在本院视频会场"): told apart by RE2's DFA alone first,
  // as few phrases end so and placing the capture costs more.
  const RE2& venue = ctx.pattern("meetings.venue_after");
  if (re2::StringPiece who; RE2::FullMatch(re2::StringPiece(text.data(), text.size()), venue) &&
                            RE2::FullMatch(re2::StringPiece(text.data(), text.size()), venue, &who))
    text = std::string_view(who.data(), who.size());
  for (std::string_view opener : words.who_openers)
    if (starts_with(text, opener)) {
      offset += opener.size();
      text.remove_prefix(opener.size());
      break;
    }
  std::vector<WhoItem> out;
  if (text.empty()) return out;
  if (is_counted(ctx, text)) {
    // "以及" joins whole items: "21个镇街政法委员以及“共享法庭”庭务主任代表" is two groups;
    // so does "及" before a counted item ("…等8家单位负责同志及12名企业代表"), but
    // not before the last item of a list a closing count covers ("各部门负责人及业务骨干40余人").
    // So does "和" before bodies with their people: "3名听证员和县水利局、县自然资源局工作人员",
    // and "、" between counted items ("3名人民监督员、2名市人大代表"), not before one
    // the count covers ("15名茶企、茶农代表").
    const std::size_t text_end = offset + text.size();
    const auto parts = split_at(text, offset, {"以及", "及", "和", "、"}, [&](std::size_t pos) {
      const std::string_view rest = std::string_view(ctx.doc.text()).substr(pos, text_end - pos);
      if (people.covers(pos) || inside_org_name(ctx, words, pos)) return true;
      // A person named before it is an item of his own: "村党支部书记鱼长安和村民代表30余人".
      if (pos > offset && people.covers(pos - 1) && !starts_with(rest, "、")) return false;
      if (starts_with(rest, "和")) {
        const std::string_view after = rest.substr(std::string_view("和").size());
        const std::string_view before = std::string_view(ctx.doc.text()).substr(offset, pos - offset);
        // Bodies before it are of the people after it: "镇综治中心、司法所和13个村调委会负责人".
        if (names_bodies_only(ctx, words, before) && is_group_word_end(words, after)) return true;
        // A group with its own count or its own 各 opens a new item: "5家企业负责人和10余名
        // 种植户代表", "12家民营企业的负责人和各县(区)检察院分管副检察长".
        if (opens_with_count(ctx, after) || starts_with(after, "各")) return false;
        // What comes before is a group its own count closes, not one a count opening
        // the phrase governs ("15名人大代表、政协委员和人民陪审员" stays one).
        if (!opens_with_count(ctx, before) && (is_group_word_end(words, after) || is_counted(ctx, after)) &&
            RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), ctx.pattern("meetings.closed_group")))
          return false;
        // What follows names bodies and then their people: "县水利局、县自然资源局工作人员",
        // "州林业局有关负责同志".
        std::string_view first_item = after.substr(0, after.find("、"));
        if (first_item.size() == after.size()) first_item = after.substr(0, first_entry_in(ctx.lexicon("body_people_lead"), after));
        return !(first_item.size() < after.size() && names_a_body(ctx, first_item) && is_group_word_end(words, after));
      }
      if (starts_with(rest, "、")) return !opens_with_count(ctx, rest.substr(std::string_view("、").size()));
      return starts_with(rest, "及") && !opens_with_count(ctx, rest.substr(std::string_view("及").size()));
    });
    if (parts.size() > 1) {
      for (const Piece& part : parts) {
        auto items = who_items(ctx, people, words, part.text, part.begin);
        std::move(items.begin(), items.end(), std::back_inserter(out));
      }
      return out;
    }
    // Named members before 等 are people of their own: "董事长X、总经理Y等6名民营企业负责人";
    // the members after the last of them stay with the count: "主席X、宣威市人民检察院等5个基层院负责人".
    re2::StringPiece members, counted_group;
    if (RE2::FullMatch(re2::StringPiece(text.data(), text.size()), ctx.pattern("meetings.members_then_count"), &members,
                       &counted_group)) {
      const std::string_view listed(members.data(), members.size());
      const auto member_items = split_at(listed, offset, {"、"}, [&](std::size_t pos) { return people.covers(pos); });
      std::size_t persons_end = 0;  // the end of the last member who is a person, in `listed`
      for (const Piece& item : member_items)
        if (!name_in_item(ctx, people, words, item).name.empty()) persons_end = item.end - offset;
      if (persons_end > 0) {
        auto items = who_items(ctx, people, words, listed.substr(0, persons_end), offset);
        std::move(items.begin(), items.end(), std::back_inserter(out));
        std::string_view trailing = listed.substr(persons_end);
        if (starts_with(trailing, "、")) trailing.remove_prefix(std::string_view("、").size());
        std::string group = trailing.empty() ? std::string() : std::string(trailing) + "等";
        out.push_back({group + std::string(counted_group), false, true});
        return out;
      }
    }
    // A head count closing the group with 共 is no part of who they are: "…人民法庭庭长共40余人".
    std::string group(text);
    RE2::FullMatch(group, ctx.pattern("meetings.closing_count"), &group);
    out.push_back({std::move(group), false, true});
    return out;
  }
  auto items = split_at(text, offset, {"、", "以及", "及", "和", "与"}, [&](std::size_t pos) {
    // 被害人及其近亲属: their own relatives; but 井海涛及其他委员 lists others.
    const std::string_view rest = std::string_view(ctx.doc.text()).substr(pos, 9);
    return people.covers(pos) || inside_org_name(ctx, words, pos) || (starts_with(rest, "及其") && rest != "及其他");
  });
  std::vector<Named> named;
  for (const auto& item : items) named.push_back(name_in_item(ctx, people, words, item));
  // Places listed before their count and kind are one item: "布尔津、哈巴河、福海三县法院";
  // so are places listed before the last one's body: "沙县区、永安市、将乐县人民法院".
  auto matches = [&](const Piece& item, std::string_view pattern) {
    return RE2::PartialMatch(re2::StringPiece(item.text.data(), item.text.size()), ctx.pattern(pattern));
  };
  const bool shared_kind =
      items.size() > 1 && (matches(items.back(), "meetings.counted_places") ||
                           (matches(items.back(), "meetings.place_body") &&
                            std::all_of(items.begin(), items.end() - 1,
                                        [&](const Piece& item) { return matches(item, "meetings.listed_place"); })));
  if (shared_kind && std::all_of(named.begin(), named.end(), [](const Named& n) { return n.name.empty(); })) {
    out.push_back({std::string(ctx.doc.text().substr(items.front().begin, items.back().end - items.front().begin)), false, false});
    return out;
  }
  // Units listed before the people the last of them names are one group: "沅陵、辰溪、
  // 通道5县法院立案庭负责人", "第一、第二检察部全体员额检察官", "双方法制、刑侦部门负责人".
  const auto bare_unit = [&](std::size_t k) {
    return named[k].name.empty() && !named[k].title_only && !is_group_word_end(words, items[k].text);
  };
  bool units_then_people = items.size() > 1 && named.back().name.empty() && is_group_word_end(words, items.back().text);
  for (std::size_t k = 0; units_then_people && k + 1 < items.size(); ++k) units_then_people = bare_unit(k);
  if (units_then_people) {
    out.push_back({std::string(ctx.doc.text().substr(items.front().begin, items.back().end - items.front().begin)), false, true});
    return out;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    // Units listed before "等…负责人" are one group: "民二庭、执行局、立案庭等部门负责人".
    if (std::size_t j = group_closing(ctx, words, items, named, i); j > i) {
      out.push_back({std::string(ctx.doc.text().substr(items[i].begin, items[j].end - items[i].begin)), false, true});
      i = j;
      continue;
    }
    // A title or the person's court before a name belongs to that name.
    bool prefix_of_next = i + 1 < items.size() && !named[i + 1].name.empty() && named[i].name.empty() &&
                          (named[i].title_only || !is_group_word_end(words, items[i].text));
    if (prefix_of_next) continue;
    if (!named[i].name.empty()) out.push_back({named[i].name, true, false, named[i].recorded});
    else out.push_back({std::string(items[i].text), false, is_group_word_end(words, items[i].text)});
  }
  return out;
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

struct Frame {
  std::vector<std::string> presiders, attendees, speakers;
};

// The text before the first occurrence of any of `words` (what the regex
// "^(.*?)(?:w1|w2|...)" captures), or nothing when none occurs. A plain search:
// this runs on every clause after every meeting.
std::optional<std::string_view> before_first(std::string_view text, std::span<const std::string_view> words) {
  std::size_t first = std::string_view::npos;
  for (std::string_view w : words) first = std::min(first, text.find(w));
  if (first == std::string_view::npos) return std::nullopt;
  return text.substr(0, first);
}

// The same for the words of a set, found in one scan.
std::optional<std::string_view> before_first(std::string_view text, const text::LiteralSet& words) {
  const std::size_t first = words.first_in(text);
  if (first == std::string_view::npos) return std::nullopt;
  return text.substr(0, first);
}


// The same, skipping the words inside a person's mention: the 发言 of "新闻发言人云志清"
// is part of his title, not what he does. `begin`: where `text` starts in the document.
std::optional<std::string_view> before_first_outside_people(std::string_view text, std::size_t begin,
                                                            const text::LiteralSet& words, const PersonIndex& people) {
  std::size_t first = std::string_view::npos;
  words.scan(text, [&](std::size_t, std::size_t pos) {
    if (pos < first && !people.covers(begin + pos)) first = pos;
    return true;
  });
  if (first == std::string_view::npos) return std::nullopt;
  return text.substr(0, first);
}

// Where "X担任听证主持人" names who presided: the 担任 before a 主持人 that closes
// the clause; npos when there is none.
std::size_t serves_as_presider(std::string_view text) {
  constexpr std::string_view role = "主持人", serves = "担任";
  if (!ends_with(text, role)) return std::string_view::npos;
  return text.rfind(serves);
}

// "主持" followed by what is presided over, or ending the clause, or "主持召开", or after
// "召集并": "主持会议", "主持召开推进会", "X主持", "X召集并主持…学习会", and "X担任(听证)主持人".
// Not "主持审理".
bool says_presides(const MeetingWords& words, std::string_view text) {
  const std::span<const std::string_view> what = words.presided;
  constexpr std::string_view verb = "主持";
  for (auto at = text.find(verb); at != std::string_view::npos; at = text.find(verb, at + 1)) {
    std::string_view rest = text.substr(at + verb.size());
    if (rest.empty() || starts_with_any(rest, what)) return true;
    if (starts_with(rest, "召开")) return true;  // "主持召开审判执行质效推进会": whatever it convenes
    if (text.substr(0, at).ends_with("召集并")) return true;  // "召集并主持党组…学习会": whatever it calls
  }
  return serves_as_presider(text) != std::string_view::npos;
}

// The roles one clause gives: "X主持会议并讲话", "X出席座谈会并讲话",
// "X参加会议", "X作交流发言".
// `waiting` holds the people and groups of clauses that named only them,
// without a verb: "副院长韩建军、刘雅琴，政治部主任高振海出席会议" lists three
// attendees across a comma. The next clause's attending verb takes them; any
// other clause of the sentence lets them go.
// Whether an attending verb at the start of `rest` is said of the meeting
// itself: it closes the clause, names the meeting or says why ("列席",
// "参加座谈", "到场参加听证", "到会指导"), unlike "列席同级法院审判委员会会议23次"
// in a later summary.
bool attends_this_meeting(const MeetingWords& words, std::string_view rest) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view verb : words.attend_verbs)
      if (starts_with(rest, verb)) {
        rest.remove_prefix(verb.size());
        if (starts_with(rest, "了")) rest.remove_prefix(std::string_view("了").size());  // "旁听了听证会"
        stripped = true;
      }
  }
  return rest.empty() || starts_with_any(rest, words.presided) || starts_with_any(rest, words.attend_ends);
}

// Whether a speaking verb at the start of `rest` names what a clause quotes
// rather than someone speaking: "…座谈会上的重要讲话精神".
bool quotes_a_speech(const StageContext& ctx, const MeetingWords& words, std::string_view rest) {
  std::size_t verb = 0;
  for (std::string_view w : words.speech_verbs)
    if (starts_with(rest, w)) verb = std::max(verb, w.size());
  return !longest_head(ctx.lexicon("cited_word"), rest.substr(verb)).empty();
}

// `later`: a clause after the meeting's own sentences, where the report may
// have moved on. It names no presider, its attendees must attend this meeting
// (attends_this_meeting), and its people must be the people stage's (a title
// before two characters is not enough there). `own_sentence`: the meeting's own
// sentence, where who is invited (邀请…) attends. `on_floor`: the clause's
// sentence opens at the meeting ("会上，"), where a clause that ends with a
// word of telling ("…院长某某介绍") is someone speaking there.
void read_clause(const StageContext& ctx, const PersonIndex& index, const MeetingWords& words, const Piece& clause,
                 Frame& frame, std::vector<std::string>& waiting, bool later, bool own_sentence, bool on_floor) {
  const std::string_view text = clause.text;
  auto people = [&](std::string_view who_text, bool groups_too) {
    std::vector<std::string> names;
    for (auto& item : who_items(ctx, index, words, who_text, clause.begin))
      if (item.person ? item.recorded || !later : groups_too) names.push_back(std::move(item.text));
    return names;
  };
  const bool presides = !later && says_presides(words, text);
  // "该院邀请区司法局、区工商联相关负责同志和…成员，召开…": who is invited attends.
  bool invites = false;
  if (own_sentence)
    if (const std::size_t at = first_entry_in(ctx.lexicon("meeting_invite_verb"), text);
        at != std::string_view::npos && !before_first(text, words.attend_set) && !before_first(text, words.speech_set)) {
      std::string_view invited = text.substr(at + longest_head(ctx.lexicon("meeting_invite_verb"), text.substr(at)).size());
      invited = invited.substr(0, first_entry_in(ctx.lexicon("invite_end"), invited));
      invites = true;
      for (auto& item : who_items(ctx, index, words, invited, clause.begin + (invited.data() - text.data())))
        if (item.person || item.group) add_unique(frame.attendees, item.text);
    }
  // "…召开座谈会，听取院长某某关于…的汇报": whose report is heard attends.
  re2::StringPiece heard;
  if (text.find("汇报") != std::string_view::npos &&
      RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), ctx.pattern("meetings.heard_report"), &heard)) {
    const std::size_t heard_begin = clause.begin + static_cast<std::size_t>(heard.data() - text.data());
    for (auto& item : who_items(ctx, index, words, std::string_view(heard.data(), heard.size()), heard_begin))
      if (item.person && (item.recorded || !later)) add_unique(frame.attendees, item.text);
  }
  auto attends = before_first_outside_people(text, clause.begin, words.attend_set, index);
  if (!own_sentence && attends && !attends_this_meeting(words, text.substr(attends->size()))) attends.reset();
  auto said = before_first_outside_people(text, clause.begin, words.speech_set, index);
  if (later && said && quotes_a_speech(ctx, words, text.substr(said->size()))) said.reset();
  if (!said && on_floor)
    for (std::string_view verb : words.floor_speech_verbs)
      if (ends_with(text, verb) && text.size() > verb.size()) {
        said = text.substr(0, text.size() - verb.size());
        break;
      }
  if (!presides && !attends && !said) {
    if (invites) {  // the clause that invites names no one else
      waiting.clear();
      return;
    }
    const auto items = who_items(ctx, index, words, text, clause.begin);
    const bool only_people = !items.empty() && std::all_of(items.begin(), items.end(), [](const WhoItem& i) { return i.person || i.group; });
    if (!only_people) waiting.clear();
    for (const auto& item : items)
      if (only_people) waiting.push_back(item.text);
    return;
  }
  // People listed before the clause with their verb: "副检察长X，…主任Y作交流发言".
  for (const auto& n : waiting) add_unique(attends ? frame.attendees : frame.speakers, n);
  waiting.clear();
  if (presides) {
    const std::size_t serves = serves_as_presider(text);
    auto who = serves != std::string_view::npos ? std::optional<std::string_view>(text.substr(0, serves))
                                                : before_first(text, std::array<std::string_view, 2>{"召集并主持", "主持"});
    if (who)
      for (auto& n : people(*who, false)) add_unique(frame.presiders, n);
  }
  if (attends)
    for (auto& n : people(*attends, true)) add_unique(frame.attendees, n);
  if (said) {
    // "X主持会议并讲话": the speaker is the subject before the first verb.
    std::string_view who = *said;
    if (auto subject = before_first(who, words.subject_ends))
      who = *subject;
    // A group or a body that speaks at the meeting attends it: "…等5个基层院负责人先后作交流发言",
    // "齐河县人民法院、乐陵市人民法院先后作交流发言".
    for (auto& item : who_items(ctx, index, words, who, clause.begin)) {
      if (item.person && (item.recorded || !later)) add_unique(frame.speakers, item.text);
      else if (!item.person && ((!later && item.group && is_group_word_end(words, item.text)) ||
                                 names_an_outside_body(ctx, item.text)))
        add_unique(frame.attendees, item.text);
    }
  }
}

// A sentence that starts the meeting's content ("会议指出", "会上") ends the
// part of the report that says who took part; one that opens a who phrase
// ("会议由X主持") still says who took part.
bool starts_content(const MeetingWords& words, std::string_view sentence) {
  return starts_with_any(sentence, words.content_starts) && !starts_with_any(sentence, words.who_openers);
}

// A press conference's questions come at the end of its article, after the
// answers have told of other meetings: each reporter who asks one there
// ("贺州日报记者岑晓岚：…", "【揭阳日报记者巫思琪】…") attends it. The questions
// run to the article's next press conference.
void add_questioners(const StageContext& ctx, const PersonIndex& people, const WorkRecord& m, Frame& frame) {
  const RE2& press = ctx.pattern("meetings.press_conference");
  if (!RE2::PartialMatch(text_field(m, "kind"), press)) return;
  const std::string_view text = ctx.doc.text();
  const std::size_t from = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)].normalized.end;
  std::size_t to = text.size();
  for (const WorkRecord& r : ctx.records)
    if (r.type == "meeting" && !r.dropped && r.article == m.article && r.span.begin >= from &&
        RE2::PartialMatch(kind_of(ctx, text_field(r, "name")), press)) {
      to = r.span.begin;
      break;
    }
  constexpr std::size_t kAfterName = 128;  // a colon, or what is asked about and the verb
  people.near(from, to, [&](const WorkRecord& p, const Span& span) {
    if (span.begin >= from && p.article == m.article && text_field(p, "role") == "reporter") {
      const std::string_view after = text.substr(span.end, std::min(kAfterName, text.size() - span.end));
      if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), ctx.pattern("meetings.asks_question")))
        add_unique(frame.attendees, text_field(p, "name"));
    }
    return false;
  });
}

// "出席今天发布会的有：副院长某某，庭长某某…" (meetings.roll_call): who the sentence names
// after it attends. False when the sentence holds no roll call.
bool read_roll_call(const StageContext& ctx, const PersonIndex& people, int sentence, Frame& frame) {
  const std::string_view text = ctx.sentence_text(sentence);
  re2::StringPiece input(text.data(), text.size());
  if (!RE2::FindAndConsume(&input, ctx.pattern("meetings.roll_call"))) return false;
  const std::size_t begin = static_cast<std::size_t>(input.data() - ctx.doc.text().data());
  const std::size_t end = begin + input.size();
  people.near(begin, end, [&](const WorkRecord& p, const Span& span) {
    if (span.begin >= begin && span.end <= end) add_unique(frame.attendees, text_field(p, "name"));
    return false;
  });
  return true;
}

// The meeting's own sentences (its paragraph, or the lead under its headline),
// then, read as later clauses, the rest of its article up to the next meeting.
Frame read_frame(StageContext& ctx, const PersonIndex& people, const MeetingWords& words, const WorkRecord& m,
                 const std::vector<int>& frame_starts) {
  Frame frame;
  const auto& sentences = ctx.doc.sentences();
  int next_trigger = static_cast<int>(sentences.size());
  for (int s : frame_starts)
    if (s > m.sentence) {
      next_trigger = s;
      break;
    }
  auto clauses = [&](int s) {
    return split_at(ctx.sentence_text(s), sentences[static_cast<std::size_t>(s)].normalized.begin, {"，", ",", "；", ";", "。"});
  };
  int s = m.sentence;
  int paragraph = m.paragraph;
  for (; s < next_trigger; ++s) {
    const auto& seg = sentences[static_cast<std::size_t>(s)];
    bool same_paragraph = seg.paragraph == m.paragraph;
    // A headline's frame is in the lead paragraph right after it.
    bool headline_lead = seg.paragraph == m.paragraph + 1 && sentences[static_cast<std::size_t>(s - 1)].paragraph == m.paragraph &&
                         s - 1 == m.sentence;
    if (!same_paragraph && !headline_lead) break;
    paragraph = seg.paragraph;
    if (s > m.sentence && starts_content(words, ctx.sentence_text(s))) break;
    if (read_roll_call(ctx, people, s, frame)) continue;
    std::vector<std::string> waiting;  // people named in clauses before their verb
    for (const auto& clause : clauses(s)) read_clause(ctx, people, words, clause, frame, waiting, false, s == m.sentence, false);
  }
  const auto article_of = [&](int p) {
    return static_cast<std::size_t>(p) < ctx.paragraph_article.size() ? ctx.paragraph_article[static_cast<std::size_t>(p)] : -1;
  };
  // A news item tells who took part within a few paragraphs; a long report
  // that mentions a meeting has moved on by then.
  constexpr int kLaterParagraphs = 8;
  const int article = article_of(paragraph);
  const int last_paragraph = paragraph + kLaterParagraphs;
  int floor_paragraph = -1;  // the paragraph of the last sentence that opened at the meeting
  for (; s < next_trigger && sentences[static_cast<std::size_t>(s)].paragraph <= last_paragraph &&
         article_of(sentences[static_cast<std::size_t>(s)].paragraph) == article;
       ++s) {
    // Most later sentences say nothing of who took part: one look for a verb
    // spares reading their clauses.
    const std::string_view sentence = ctx.sentence_text(s);
    // The floor holds to the end of its paragraph: "会上，…作交流发言。X检察长某某介绍，…"
    const int paragraph_now = sentences[static_cast<std::size_t>(s)].paragraph;
    if (paragraph_now != floor_paragraph) floor_paragraph = -1;
    if (RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), ctx.pattern("meetings.on_the_floor")))
      floor_paragraph = paragraph_now;
    const bool on_floor = floor_paragraph == paragraph_now;
    if (!on_floor && !words.verb_set.any_in(sentence)) continue;
    if (read_roll_call(ctx, people, s, frame)) continue;
    std::vector<std::string> waiting;
    for (const auto& clause : clauses(s)) read_clause(ctx, people, words, clause, frame, waiting, true, false, on_floor);
  }
  return frame;
}

// The last day (a point date of day granularity) told before `m` in its article, looked
// for among the few records before it.
std::optional<std::string> day_told_before(const StageContext& ctx, const WorkRecord& m) {
  constexpr std::size_t kLookback = 64;  // records: a day is told a few sentences before
  auto it = std::lower_bound(ctx.records.begin(), ctx.records.end(), m.span.begin,
                             [](const WorkRecord& r, std::size_t pos) { return r.span.begin < pos; });
  for (std::size_t seen = 0; it != ctx.records.begin() && seen < kLookback; ++seen) {
    --it;
    if (it->article != m.article) break;
    if (it->type != "date" || it->dropped || text_field(*it, "granularity") != "day" || text_field(*it, "kind") != "point")
      continue;
    if (const std::string value = text_field(*it, "value"); value.size() == 10) return value;
  }
  return std::nullopt;
}

// The day after an ISO day: "2025-09-30" -> "2025-10-01"; nullopt for no such day.
std::optional<std::string> day_after(std::string_view iso) {
  int year = 0;
  unsigned month = 0, day = 0;
  auto read = [&](std::size_t from, std::size_t size, auto& value) {
    return std::from_chars(iso.data() + from, iso.data() + from + size, value).ptr == iso.data() + from + size;
  };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !read(0, 4, year) || !read(5, 2, month) || !read(8, 2, day))
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  const std::chrono::year_month_day next{std::chrono::sys_days{ymd} + std::chrono::days{1}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
                     static_cast<unsigned>(next.day()));
}

// ---- a press conference's transcript ---------------------------------------------

// What a transcript's labelled fields tell of its press conference ("时间：…",
// "主持人：…", "发布人：…", "参会媒体：…"): its day, who presided, who took part.
struct TranscriptFields {
  std::optional<std::string> date;
  std::vector<std::string> presiders, attendees;
};

// The fields of one run of field paragraphs (meetings.header_line, and the lines that
// continue a field: meetings.header_continuation), each from its label
// (meetings.header_field) to the next. `found_people`: whether a field names who presided
// or took part, which tells a transcript's header from a web page's stamp ("发布时间：…").
TranscriptFields read_fields(const StageContext& ctx, const PersonIndex& people, std::size_t block_begin, std::size_t block_end,
                             bool& found_people) {
  TranscriptFields fields;
  const std::string_view text = ctx.doc.text();
  const RE2& label = ctx.pattern("meetings.header_field");
  enum Kind { kTime = 1, kPageTime, kPresider, kGuest, kMedia, kKinds };
  struct Field {
    Kind kind;
    std::size_t begin, end;  // the field's text, after its label
  };
  std::vector<Field> read;
  const re2::StringPiece block(text.data() + block_begin, block_end - block_begin);
  std::array<re2::StringPiece, kKinds> found;
  for (std::size_t at = 0; at < block.size() && label.Match(block, at, block.size(), RE2::UNANCHORED, found.data(), kKinds);) {
    const std::size_t label_begin = static_cast<std::size_t>(found[0].data() - block.data());
    const std::size_t label_end = label_begin + found[0].size();
    if (!read.empty()) read.back().end = block_begin + label_begin;
    Kind kind = kKinds;
    for (int k = kTime; k < kKinds; ++k)
      if (found[static_cast<std::size_t>(k)].data() != nullptr) kind = static_cast<Kind>(k);
    read.push_back({kind, block_begin + label_end, block_end});
    at = std::max(label_end, at + 1);
  }

  found_people = false;
  std::optional<std::string> page_time;
  for (const Field& f : read) {
    switch (f.kind) {
      case kTime:
      case kPageTime: {
        auto it = std::lower_bound(ctx.records.begin(), ctx.records.end(), f.begin,
                                   [](const WorkRecord& r, std::size_t pos) { return r.span.begin < pos; });
        for (; it != ctx.records.end() && it->span.begin < f.end; ++it)
          if (it->type == "date" && !it->dropped && text_field(*it, "granularity") == "day") {
            auto& slot = f.kind == kTime ? fields.date : page_time;
            if (!slot) slot = text_field(*it, "value");
            break;
          }
        break;
      }
      case kPresider:
      case kGuest:
        found_people = true;
        people.near(f.begin, f.end, [&](const WorkRecord& p, const Span& span) {
          if (span.begin >= f.begin && span.end <= f.end)
            add_unique(f.kind == kPresider ? fields.presiders : fields.attendees, text_field(p, "name"));
          return false;
        });
        break;
      case kMedia:
        for (const Piece& item : split_at(text.substr(f.begin, f.end - f.begin), f.begin, {"、"}))
          if (all_han(item.text)) add_unique(fields.attendees, std::string(item.text));
        break;
      case kKinds:
        break;
    }
  }
  if (!fields.date) fields.date = page_time;
  return fields;
}

// The transcript's header: the first run of field paragraphs that names who presided or
// took part, in the meeting's article, from some paragraphs above the meeting to a few
// past it (a title names the conference above its fields).
std::optional<TranscriptFields> transcript_fields(const StageContext& ctx, const PersonIndex& people, const WorkRecord& m) {
  const auto& paragraphs = ctx.doc.paragraphs();
  const std::string_view text = ctx.doc.text();
  const auto matches = [&](int p, const char* pattern) {
    const Span& s = paragraphs[static_cast<std::size_t>(p)].normalized;
    return RE2::PartialMatch(re2::StringPiece(text.data() + s.begin, s.size()), ctx.pattern(pattern));
  };
  // A transcript's fields stand above the host's words and the pages' repeated titles that
  // name the conference, or right below its first title; the search is bounded so that a
  // long article with many conferences is not read again for each.
  constexpr int kFieldsAboveMention = 60, kFieldsBelowTitle = 6;  // paragraphs
  const int article_first = static_cast<std::size_t>(m.article) < ctx.articles.size()
                                ? ctx.articles[static_cast<std::size_t>(m.article)].first_paragraph
                                : m.paragraph;
  const int first = std::max(article_first, m.paragraph - kFieldsAboveMention);
  const int last = std::min(static_cast<int>(paragraphs.size()) - 1, m.paragraph + kFieldsBelowTitle);
  for (int p = first; p <= last; ++p) {
    if (!matches(p, "meetings.header_line")) continue;
    int block_last = p;
    while (block_last < last && (matches(block_last + 1, "meetings.header_line") || matches(block_last + 1, "meetings.header_continuation")))
      ++block_last;
    bool found_people = false;
    TranscriptFields fields = read_fields(ctx, people, paragraphs[static_cast<std::size_t>(p)].normalized.begin,
                                          paragraphs[static_cast<std::size_t>(block_last)].normalized.end, found_people);
    if (found_people) return fields;
    p = block_last;
  }
  return std::nullopt;
}

// ---- merging -------------------------------------------------------------------

// True when the record's paragraph is a headline: a short line without a full stop.
bool is_headline(const StageContext& ctx, const WorkRecord& r) {
  const Span& p = ctx.doc.paragraphs()[static_cast<std::size_t>(r.paragraph)].normalized;
  std::string_view line = std::string_view(ctx.doc.text()).substr(p.begin, p.size());
  return char_count(line) <= 60 && line.find("。") == std::string_view::npos;
}

// The signer of a report given at a session ("——…在X第N届人民代表大会第N次会议上"
// and, on a line of its own below, "X人民法院院长　某某"), who attends the
// session; empty when no person's line follows the subtitle.
std::string report_signer(const StageContext& ctx, const WorkRecord& m) {
  auto it = std::lower_bound(ctx.records.begin(), ctx.records.end(), m.span.end,
                             [](const WorkRecord& r, std::size_t pos) { return r.span.begin < pos; });
  for (; it != ctx.records.end() && it->paragraph <= m.paragraph + 2; ++it)
    if (it->type == "person" && !it->dropped && it->paragraph > m.paragraph && is_headline(ctx, *it))
      return text_field(*it, "name");
  return {};
}

// True when the characters of `shorter` appear in `longer` in the same order.
bool is_subsequence(std::string_view shorter, std::string_view longer) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < shorter.size();) {
    std::size_t n = 1;
    while (i + n < shorter.size() && (static_cast<unsigned char>(shorter[i + n]) & 0xC0) == 0x80) ++n;
    at = longer.find(shorter.substr(i, n), at);
    if (at == std::string_view::npos) return false;
    at += n;
    i += n;
  }
  return true;
}

// What two mentions of a meeting are compared by, worked out once per
// mention (and again when a merge renames it), not once per pair.
struct MeetingIdentity {
  std::string date, key, kind;
};

MeetingIdentity identity_of(const StageContext& ctx, const WorkRecord& m) {
  const std::string name = text_field(m, "name");
  return {text_field(m, "date"), merge_key(ctx, name), kind_of(ctx, name)};
}

// Both mentions have specific names (is_specific).
bool same_meeting(const StageContext& ctx, const WorkRecord& a, const MeetingIdentity& ia, const WorkRecord& b,
                  const MeetingIdentity& ib) {
  if (!ia.date.empty() && !ib.date.empty() && ia.date != ib.date) return false;
  const std::string& ka = ia.key;
  const std::string& kb = ib.key;
  if (ka == kb) return true;
  // Within one article a headline may shorten the name the lead gives in full:
  // "诉源治理推进会" for "2025年诉源治理工作推进会", the same kind with words left out.
  // A headline above a byline is counted in the article before the byline's.
  const WorkRecord& first = a.span.begin <= b.span.begin ? a : b;
  const WorkRecord& second = a.span.begin <= b.span.begin ? b : a;
  if (first.article != second.article && !(second.article == first.article + 1 && is_headline(ctx, first)))
    return false;
  if (ka.find(kb) != std::string::npos || kb.find(ka) != std::string::npos) return true;
  const std::string& shorter = ka.size() < kb.size() ? ka : kb;
  const std::string& longer = ka.size() < kb.size() ? kb : ka;
  return ia.kind == ib.kind && 2 * char_count(shorter) >= char_count(longer) && is_subsequence(shorter, longer);
}

void merge_into(WorkRecord& keep, WorkRecord& other) {
  // The mention that reports the meeting with its day (the lead, not the
  // headline or a list of levels) gives the name and the convener.
  bool keep_listed = rule_name(keep) == "coordinated";
  bool other_listed = rule_name(other) == "coordinated";
  bool other_leads = (keep_listed && !other_listed) || (text_field(keep, "date").empty() && !text_field(other, "date").empty());
  if (other_leads) {
    keep.fields.set("name", text_field(other, "name"));
    for (std::string_view field : {"organizer", "kind"})
      if (!text_field(other, field).empty()) keep.fields.set(field, text_field(other, field));
    keep.rule = other.rule;
  }
  for (std::string_view field : {"date", "organizer", "location", "kind"})
    if (text_field(keep, field).empty() && !text_field(other, field).empty())
      keep.fields.set(field, text_field(other, field));
  for (std::string_view field : {"presiders", "attendees", "speakers"}) {
    auto list = keep.fields.list(field);
    for (const auto& item : other.fields.list(field)) add_unique(list, item);
    keep.fields.set(field, list);
  }
  keep.mentions.push_back(other.span);
  keep.mentions.insert(keep.mentions.end(), other.mentions.begin(), other.mentions.end());
  other.dropped = true;
}

// True when [begin, end) lies inside one of `spans` (sorted by begin; meeting records
// hardly overlap, so the last one starting at or before `begin` is the one to check).
bool inside_any(const std::vector<Span>& spans, std::size_t begin, std::size_t end) {
  auto it = std::upper_bound(spans.begin(), spans.end(), begin, [](std::size_t pos, const Span& s) { return pos < s.begin; });
  return it != spans.begin() && std::prev(it)->end >= end;
}

// Later mentions of named meetings ("贯彻落实市委政法工作会议精神") are spans of them.
void add_name_mentions(StageContext& ctx, const std::vector<Span>& meeting_spans, const std::vector<std::size_t>& meetings) {
  std::vector<WorkRecord*> named;
  std::vector<std::string> names;
  for (std::size_t i : meetings) {
    WorkRecord& m = ctx.records[i];
    std::string name = text_field(m, "name");
    if (m.dropped || !is_specific(ctx, name)) continue;
    named.push_back(&m);
    names.push_back(std::move(name));
  }
  const auto found = text::occurrences(ctx.doc.text(), names);
  auto by_position = [](const Span& a, const Span& b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); };
  for (std::size_t k = 0; k < named.size(); ++k) {
    WorkRecord& m = *named[k];
    std::size_t next = 0;  // mentions of one name do not overlap
    for (std::size_t at : found[k]) {
      if (at < next) continue;
      next = at + names[k].size();
      Span span{at, next};
      if (!inside_any(meeting_spans, span.begin, span.end)) m.mentions.push_back(span);
    }
    std::sort(m.mentions.begin(), m.mentions.end(), by_position);
    m.mentions.erase(std::unique(m.mentions.begin(), m.mentions.end()), m.mentions.end());
  }
}

}  // namespace

void link_meetings(StageContext& ctx) {
  std::vector<std::string> full_names;  // few, however long the document
  for (const auto& o : ctx.org_mentions)
    if (!o.canonical.empty()) full_names.push_back(o.canonical);
  std::sort(full_names.begin(), full_names.end());
  full_names.erase(std::unique(full_names.begin(), full_names.end()), full_names.end());

  // Coordinated names first: each level is a meeting of its own. The parts
  // take their record's place, filled in from the back so that the records
  // stay in text order without a second copy of them all.
  std::vector<std::pair<std::size_t, std::vector<WorkRecord>>> splits;
  std::size_t added = 0;
  for (std::size_t i = 0; i < ctx.records.size(); ++i) {
    const WorkRecord& r = ctx.records[i];
    if (r.type != "meeting" || r.dropped || rule_name(r) != "coordinated") continue;
    auto parts = split_coordinated(ctx, r);  // never empty
    added += parts.size() - 1;
    if (parts.size() > 1) splits.emplace_back(i, std::move(parts));
  }
  if (added > 0) {
    std::size_t read = ctx.records.size();
    ctx.records.resize(read + added);
    std::size_t write = ctx.records.size();
    for (auto split = splits.rbegin(); split != splits.rend(); ++split) {
      while (read > split->first + 1) ctx.records[--write] = std::move(ctx.records[--read]);
      for (auto part = split->second.rbegin(); part != split->second.rend(); ++part) ctx.records[--write] = std::move(*part);
      --read;  // the record the parts replace
    }
  }

  std::vector<int> frame_starts;
  for (const auto& r : ctx.records)
    if (r.type == "meeting" && !r.dropped && opens_frame(ctx, r)) frame_starts.push_back(r.sentence);
  std::sort(frame_starts.begin(), frame_starts.end());
  frame_starts.erase(std::unique(frame_starts.begin(), frame_starts.end()), frame_starts.end());

  const PersonIndex people(ctx.records);
  const MeetingWords words(ctx);
  std::optional<std::pair<int, std::string>> previous_day;  // the article and day of the last meeting dated to a day
  for (auto& m : ctx.records) {
    if (m.type != "meeting" || m.dropped) continue;
    auto rule = rule_name(m);
    if (rule == "took_place" || rule == "held_at") split_leading_convener(ctx, m, full_names);
    std::string written = text_field(m, "organizer");
    if (RE2::PartialMatch(written, ctx.pattern("meetings.partner_lead"))) written.clear();
    std::string organizer = organizer_of(ctx, m, written, full_names);
    if (const std::string_view text = ctx.text(m);
        !organizer.empty() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), ctx.pattern("meetings.partner_self")))
      if (const std::string& own = ctx.org_of_article(m.article); !own.empty()) organizer = own;
    if (organizer.empty() && rule == "convened") organizer = earlier_convener(ctx, m);
    // "6月，召开全省法院…座谈会": a clause that convenes with no subject at all
    // is the article's own court speaking.
    if (organizer.empty() && rule == "convened" && opens_its_clause(ctx, m)) organizer = ctx.org_of_article(m.article);
    if (organizer.empty() && (rule == "convened" || rule == "called_and_presided"))
      organizer = presiding_convener_body(ctx, people, m);
    // The head who calls a meeting calls it for the body whose article this is.
    if (organizer.empty() && rule == "called_and_presided") organizer = ctx.org_of_article(m.article);
    if (organizer.empty()) organizer = stated_host(ctx, m);
    if (organizer.empty()) organizer = level_host(ctx, m);
    if (organizer.empty()) m.fields.erase("organizer");
    else m.fields.set("organizer", organizer);

    if (text_field(m, "kind").empty()) m.fields.set("kind", kind_of(ctx, text_field(m, "name")));

    // A press conference's transcript tells its day, presider and speakers in fields; a
    // line that names a conference is its transcript's title only above such fields (not a
    // section's heading: "瑶山发布会").
    std::optional<TranscriptFields> transcript;
    if (RE2::PartialMatch(text_field(m, "kind"), ctx.pattern("meetings.press_conference")))
      transcript = transcript_fields(ctx, people, m);
    if (rule == "transcript_title" && !transcript) {
      m.dropped = true;
      ctx.note("meeting '{}' is no transcript's title: no fields below it", text_field(m, "name"));
      continue;
    }

    // The date of the meeting's own clause, before its name (the record's
    // span starts with it); a date inside the name ("上半年…会商会") is not
    // the day it met. Else a date between the name and the verb ("…现场会6月在
    // 我市召开"), else the day that opens the sentence ("12月4日，该院邀请…，召开…座谈会")
    // or stands right before the record.
    std::string_view record_text = ctx.text(m);
    auto name_at = record_text.rfind(text_field(m, "name"));
    std::size_t name_begin = m.span.begin + (name_at == std::string_view::npos ? record_text.size() : name_at);
    const std::size_t name_end = name_begin + text_field(m, "name").size();
    const std::size_t sentence_begin = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)].normalized.begin;
    const std::size_t sentence_end = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)].normalized.end;
    std::optional<std::string> date = point_date_within(ctx, m.span.begin, name_begin);
    if (!date) date = point_date_within(ctx, name_end, m.span.end);
    if (!date) date = point_date_within(ctx, sentence_begin, m.span.begin, DatePlace::opening);
    if (!date) date = point_date_within(ctx, sentence_begin, m.span.begin, DatePlace::adjacent);  // "本报讯（…）7月11日，X召开"
    // "当天下午，市中院召开…": the day told last before it in its article (a meeting's, a
    // visit's: "11月19日，…到我院调研。…当天下午，…召开座谈会"), else the day of the
    // meeting told before it.
    const std::string_view lead = std::string_view(ctx.doc.text()).substr(sentence_begin, name_begin - sentence_begin);
    if (!date && RE2::PartialMatch(re2::StringPiece(lead.data(), lead.size()), ctx.pattern("meetings.same_day"))) {
      date = day_told_before(ctx, m);
      if (!date && previous_day && previous_day->first == m.article) date = previous_day->second;
    }
    // "次日上午，该院召开听证会": the day after the one told last before it.
    if (!date && RE2::PartialMatch(re2::StringPiece(lead.data(), lead.size()), ctx.pattern("meetings.next_day")))
      if (const auto before = day_told_before(ctx, m)) date = day_after(*before);
    // "该院随即召开复盘会", "随后，调研组召开座谈会": the day told last before it in its article.
    if (!date && RE2::PartialMatch(re2::StringPiece(lead.data(), lead.size()), ctx.pattern("meetings.right_after")))
      date = day_told_before(ctx, m);
    // "…现场推进会放在我市举办，2025年5月22日，…出席": the day that opens the clause right after it.
    if (!date) {
      const std::size_t next = m.span.end + 1;  // past the comma that ends the record's clause
      constexpr std::size_t kDayBytes = 16 * 3;  // a day written out is shorter
      if (next < sentence_end && ctx.doc.text()[m.span.end] == ',')
        if (auto after = point_date_within(ctx, next, std::min(sentence_end, next + kDayBytes), DatePlace::opening);
            after && after->size() == 10)
          date = after;
    }
    if (!date && transcript) date = transcript->date;
    if (date && date->size() == 10) previous_day = {m.article, *date};
    if (date) m.fields.set("date", *date);
    else m.fields.set("date", Value{});

    Frame frame;
    if (opens_frame(ctx, m)) {
      frame = read_frame(ctx, people, words, m, frame_starts);
      add_questioners(ctx, people, m, frame);
    }
    if (transcript) {
      if (frame.presiders.empty()) frame.presiders = transcript->presiders;
      for (const auto& a : transcript->attendees) add_unique(frame.attendees, a);
    }
    m.fields.set("presiders", frame.presiders);
    // A presider who also "出席" is listed once, as presider; who speaks at the meeting attends it.
    std::vector<std::string> attendees;
    for (const auto* list : {&frame.attendees, &frame.speakers})
      for (const auto& a : *list)
        if (std::find(frame.presiders.begin(), frame.presiders.end(), a) == frame.presiders.end()) add_unique(attendees, a);
    if (rule == "session_report") add_unique(attendees, report_signer(ctx, m));
    m.fields.set("attendees", attendees);
    m.fields.set("speakers", frame.speakers);
    ctx.note("meeting '{}' ({}): date {}, organizer {}, {} presiders, {} attendees, {} speakers", text_field(m, "name"),
             rule, text_field(m, "date").empty() ? "-" : text_field(m, "date"), organizer.empty() ? "-" : organizer,
             frame.presiders.size(), attendees.size(), frame.speakers.size());
  }

  // One record per meeting: merge later mentions into the first. Only
  // specific names merge; merged ones start no search of their own, so this
  // costs distinct meetings x mentions, each comparison of precomputed keys.
  std::vector<std::size_t> meetings, mergeable;
  for (std::size_t i = 0; i < ctx.records.size(); ++i) {
    const WorkRecord& r = ctx.records[i];
    if (r.type != "meeting" || r.dropped) continue;
    meetings.push_back(i);
    if (is_specific(ctx, text_field(r, "name"))) mergeable.push_back(i);
  }
  std::vector<MeetingIdentity> identities;
  for (std::size_t i : mergeable) identities.push_back(identity_of(ctx, ctx.records[i]));
  for (std::size_t a = 0; a < mergeable.size(); ++a) {
    auto& keep = ctx.records[mergeable[a]];
    if (keep.dropped) continue;
    for (std::size_t b = a + 1; b < mergeable.size(); ++b) {
      auto& other = ctx.records[mergeable[b]];
      if (other.dropped || !same_meeting(ctx, keep, identities[a], other, identities[b])) continue;
      ctx.note("meeting '{}' merged into '{}'", text_field(other, "name"), text_field(keep, "name"));
      merge_into(keep, other);
      identities[a] = identity_of(ctx, keep);  // the merge may have given it a name or a date
    }
  }
  // "今天，我们召开新闻发布会": a press conference named by its kind alone is the one its
  // article names in full (a transcript's title), when the article names one.
  const RE2& press = ctx.pattern("meetings.press_conference");
  std::map<int, std::pair<std::size_t, int>> named_press;  // article -> its named press conference, how many
  for (std::size_t j : mergeable)
    if (const WorkRecord& r = ctx.records[j]; !r.dropped && RE2::PartialMatch(text_field(r, "kind"), press)) {
      auto& [record, count] = named_press[r.article];
      record = j;
      ++count;
    }
  for (std::size_t i : meetings) {
    WorkRecord& bare = ctx.records[i];
    if (bare.dropped || is_specific(ctx, text_field(bare, "name")) || !RE2::PartialMatch(text_field(bare, "kind"), press))
      continue;
    const auto named = named_press.find(bare.article);
    if (named == named_press.end() || named->second.second != 1) continue;
    WorkRecord& conference = ctx.records[named->second.first];
    ctx.note("meeting '{}' merged into '{}'", text_field(bare, "name"), text_field(conference, "name"));
    merge_into(conference, bare);
  }
  std::vector<Span> meeting_spans;
  for (std::size_t i : meetings) meeting_spans.push_back(ctx.records[i].span);
  std::sort(meeting_spans.begin(), meeting_spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  add_name_mentions(ctx, meeting_spans, meetings);
}

}  // namespace reportex::internal
