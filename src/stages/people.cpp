// The people stage: checks each person's name, gives the person an
// organization and a role, and merges the mentions of one person.
//   org:  the org mention right before the offices ("赤峰市中院党组书记、院长梁建武",
//         "该院…" resolved by the organizations stage); offices held inside a
//         court with no org before them take the court in context; press
//         titles and offices elsewhere ("总书记") take none.
//   role: as the rule says (author), else from the press title (reporter,
//         correspondent), else official when an office is named, else other.
//   runs: a byline role followed by several names ("记者 韩冬 吴桐") comes
//         as one run; it is split at the page's spaces, else before surnames,
//         one record per name.
//   merge: one record per name and organization in a document, with the
//         richest titles and every span in `mentions`; the name's later bare
//         occurrences ("郝建军强调") are mentions too.

#include "stages/stage.hpp"
#include "text/occurrences.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace reportex::internal {

namespace {

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += text::decode_utf8(s, i).length) ++n;
  return n;
}

// A name of two to six characters (each part of a dotted name), none of which is a place, org or function
// word, and not a common word ("项目").
// The word lists a candidate name is checked against; any may be null.
struct NameChecks {
  const Lexicon* stop_chars;
  const Lexicon* not_names;
  const Lexicon* surnames;
  const Lexicon* ambiguous_surnames;  // function words too: read only where a rule allows them
  const Lexicon* translit_chars;
};

// A stop character opening a name of three or more characters is allowed when
// it is a surname too ("党晓峰"; "党组" stays out), and inside a dotted name or
// a name of three or more transliteration characters ("阿不都热依木·卡德尔",
// "满都拉") when it is one of them.
bool plausible_name(std::string_view name, const NameChecks& checks, bool dotted = false) {
  // A dotted name ("阿依努尔·吐尔逊") is checked part by part.
  if (const std::size_t dot = name.find("·"); dot != std::string_view::npos)
    return plausible_name(name.substr(0, dot), checks, true) &&
           plausible_name(name.substr(dot + std::string_view("·").size()), checks, true);
  const std::size_t n = char_count(name);
  if (n < 2 || n > 6) return false;
  if (checks.not_names != nullptr && checks.not_names->canonical.count(name) != 0) return false;
  std::string_view checked = name;
  std::string_view surname = longest_head(checks.surnames, name);
  if (surname.empty()) surname = longest_head(checks.ambiguous_surnames, name);
  if (!dotted && n >= 3 && !surname.empty()) checked.remove_prefix(surname.size());
  // Transliteration characters may stop Han names but not these: a dotted part, or a
  // name of three or more of them only.
  bool transliterated = dotted || n >= 3;
  for (std::size_t i = 0, len = 0; !dotted && transliterated && i < name.size(); i += len) {
    len = text::decode_utf8(name, i).length;
    transliterated = !lookup(checks.translit_chars, name.substr(i, len)).empty();
  }
  if (checks.stop_chars != nullptr)
    for (const auto& ch : checks.stop_chars->entries)
      if (checked.find(ch) != std::string_view::npos && !(transliterated && !lookup(checks.translit_chars, ch).empty()))
        return false;
  return true;
}

int role_rank(std::string_view role) {
  for (int rank = 0; std::string_view r : {"other", "official", "correspondent", "reporter", "author"}) {
    if (r == role) return rank;
    ++rank;
  }
  return -1;
}

// The body a page's article line names as its source, in the same sentence as
// the person: "来源：桂平市人民法院　作者：甘宇航", "来源｜某县人民检察院　撰稿｜…",
// or after the person ("作者：亢宁　来源：巴中市人民检察院").
const OrgMention* named_source(const StageContext& ctx, const WorkRecord& r) {
  // The line's labels stand close together: a bounded look around keeps a huge
  // sentence from being rescanned for every person in it.
  constexpr std::size_t kLookBytes = 256;
  const Span& sentence = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  const std::size_t start = std::max(sentence.begin, r.span.begin > kLookBytes ? r.span.begin - kLookBytes : 0);
  const std::size_t stop = std::min(sentence.end, r.span.end + kLookBytes);
  const std::string_view text = std::string_view(ctx.doc.text());
  const std::string_view before = text.substr(start, r.span.begin - start);
  const std::string_view after = text.substr(r.span.end, stop - r.span.end);
  std::size_t from = std::string_view::npos;  // where the source's name starts
  for (std::string_view mark : {"来源:", "来源|"})
    if (auto at = before.rfind(mark); at != std::string_view::npos && (from == std::string_view::npos || start + at + mark.size() > from))
      from = start + at + mark.size();
  if (from == std::string_view::npos)
    for (std::string_view mark : {"来源:", "来源|"})
      if (auto at = after.find(mark); at != std::string_view::npos && (from == std::string_view::npos || r.span.end + at + mark.size() < from))
        from = r.span.end + at + mark.size();
  if (from == std::string_view::npos) return nullptr;
  auto it = std::lower_bound(ctx.org_mentions.begin(), ctx.org_mentions.end(), from,
                             [](const OrgMention& m, std::size_t pos) { return m.span.begin < pos; });
  if (it == ctx.org_mentions.end() || it->span.begin > from + 1 || it->sentence != r.sentence || it->canonical.empty())
    return nullptr;
  return &*it;
}

// The org mention that opens the person's mention: inside its span before the
// name, or ending where the span starts ("科尔沁区人民法院冀洪印庭长").
const OrgMention* org_prefix(const StageContext& ctx, const WorkRecord& r) {
  auto it = std::lower_bound(ctx.org_mentions.begin(), ctx.org_mentions.end(), r.span.end,
                             [](const OrgMention& m, std::size_t end) { return m.span.begin < end; });
  // Mentions further back end before the span, unless the one at hand lies inside a
  // longer name that reaches it ("市公安局" of "大同市公安局云冈分局副局长…").
  const OrgMention* inner = nullptr;
  while (it != ctx.org_mentions.begin()) {
    --it;
    if (it->sentence != r.sentence) break;
    if (it->span.begin >= r.span.begin || it->span.end >= r.span.begin) return &*it;
    if (inner != nullptr && it->span.end < inner->span.end) break;
    if (inner == nullptr) inner = &*it;
  }
  return nullptr;
}

// The body a rule gives as written ("甲、乙为某县人民法院审判员" gives 甲 the court named
// after the names; "任命下列同志为某县人民法院人民陪审员：甲、乙" the court before them):
// a mention inside that text in the person's sentence, the nearest after, else before.
const OrgMention* org_as_written(const StageContext& ctx, const WorkRecord& r, std::string_view written) {
  constexpr int kNearest = 4;  // the body stands within a few mentions of the names
  auto names = [&](const OrgMention& m) {
    return m.sentence == r.sentence && !m.canonical.empty() && written.find(m.surface) != std::string_view::npos;
  };
  const auto first_after = std::lower_bound(ctx.org_mentions.begin(), ctx.org_mentions.end(), r.span.end,
                                            [](const OrgMention& m, std::size_t end) { return m.span.begin < end; });
  auto it = first_after;
  for (int k = 0; it != ctx.org_mentions.end() && it->sentence == r.sentence && k < kNearest; ++it, ++k)
    if (names(*it)) return &*it;
  it = first_after;
  for (int k = 0; it != ctx.org_mentions.begin() && k < kNearest; ++k) {
    --it;
    if (it->sentence != r.sentence) break;
    if (names(*it)) return &*it;
  }
  return nullptr;
}

// The text of at most `characters` characters before the person's mention, in
// its sentence: a place or a body named before a title is only a few
// characters long. Where it starts at the sentence's start, a ',' stands
// before it, so that patterns find the clause mark they want.
std::string text_before(const StageContext& ctx, const WorkRecord& r, std::size_t characters) {
  const Span& sentence = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  const std::size_t window = 3 * characters;
  std::size_t from = r.span.begin > sentence.begin + window ? r.span.begin - window : sentence.begin;
  while (from > sentence.begin && (static_cast<unsigned char>(ctx.doc.text()[from]) & 0xC0) == 0x80) --from;
  return (from == sentence.begin ? "," : "") + ctx.doc.text().substr(from, r.span.begin - from);
}

// "市人大代表、某某有限公司总经理张三": a title held elsewhere, written before the org
// that opens the person's offices, is the person's too, as written (its level kept).
std::string title_before_org(const StageContext& ctx, const WorkRecord& r, const OrgMention& org) {
  const Span& sentence = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  if (org.span.begin >= r.span.begin || org.span.begin <= sentence.begin) return {};
  // A title is a few characters long: the text before the org is read back no further
  // than kWindowBytes, so a huge sentence is not rescanned for every person in it.
  constexpr std::size_t kWindowBytes = 24 * 3;
  std::size_t from = org.span.begin > sentence.begin + kWindowBytes ? org.span.begin - kWindowBytes : sentence.begin;
  while (from > sentence.begin && (static_cast<unsigned char>(ctx.doc.text()[from]) & 0xC0) == 0x80) --from;
  std::string_view before = std::string_view(ctx.doc.text()).substr(from, org.span.begin - from);
  constexpr std::string_view kListMark = "、";
  if (!before.ends_with(kListMark)) return {};
  before.remove_suffix(kListMark.size());
  const std::string_view title = longest_tail(ctx.lexicon("title"), before);
  if (title.empty()) return {};
  // The level of a member's title ("市", "县") goes with it; before them stands the
  // sentence's start, a clause mark or a word that opens a list (people.title_list_start).
  std::string_view rest = before.substr(0, before.size() - title.size());
  std::size_t level = 0;  // bytes of the level character before the title, if any
  if (RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), ctx.pattern("people.title_level"))) {
    level = rest.size();
    do --level; while (level > 0 && (static_cast<unsigned char>(rest[level]) & 0xC0) == 0x80);
    level = rest.size() - level;
    rest.remove_suffix(level);
  }
  if (rest.empty() ? from != sentence.begin
                   : !RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), ctx.pattern("people.title_list_start")))
    return {};
  return std::string(before.substr(rest.size()));
}

// A town's body named before the titles ("水口镇司法所所长…"), or named by
// the last title that names one ("糜镇党委副书记、镇长…": the town's
// government), in the county of the article: its full name, or "".
std::string town_body_before(const StageContext& ctx, const WorkRecord& r, const std::vector<std::string>& titles) {
  std::string town, written;
  if (!RE2::PartialMatch(text_before(ctx, r, 16), ctx.pattern("people.town_body"), &town, &written)) return {};
  const Lexicon* bodies = ctx.lexicon("town_body");
  std::string body = lookup(bodies, written);
  for (auto t = titles.rbegin(); body.empty() && t != titles.rend(); ++t) body = lookup(bodies, longest_head(bodies, *t));
  return body.empty() ? std::string() : town_body_name(ctx, r.span.begin, r.article, town, body);
}

bool is_space(std::string_view ch) { return ch == " " || ch == "\t" || ch == "\u3000" || ch == "\u00a0"; }

// The characters of `s`, each as its UTF-8 bytes.
std::vector<std::string_view> characters(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = text::decode_utf8(s, i).length;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// Lengths (in characters) of the names a run without spaces holds: each a
// surname and one or two given-name characters; the fewest names, then the
// most of three characters. Empty when the run is no such sequence.
std::vector<std::size_t> split_at_surnames(const std::vector<std::string_view>& chars, const Lexicon* surnames) {
  if (surnames == nullptr) return {};
  auto surname_length = [&](std::size_t at, std::size_t n) {
    std::string key;
    for (std::size_t k = at; k < at + n && k < chars.size(); ++k) key.append(chars[k]);
    return at + n <= chars.size() && surnames->canonical.count(key) != 0;
  };
  struct Best {
    int names = 1 << 20;
    int off_three = 0;
    std::size_t first = 0;  // length of the first name
  };
  std::vector<Best> best(chars.size() + 1);
  best[chars.size()] = {0, 0, 0};
  for (std::size_t at = chars.size(); at-- > 0;) {
    for (std::size_t surname = 1; surname <= 2; ++surname) {
      if (!surname_length(at, surname)) continue;
      for (std::size_t given = 1; given <= 2; ++given) {
        const std::size_t next = at + surname + given;
        if (next > chars.size() || best[next].names >= (1 << 20)) continue;
        const int off = best[next].off_three + (surname + given == 3 ? 0 : 1);
        const int names = best[next].names + 1;
        if (names < best[at].names || (names == best[at].names && off < best[at].off_three))
          best[at] = {names, off, surname + given};
      }
    }
  }
  std::vector<std::size_t> lengths;
  if (best[0].names >= (1 << 20)) return lengths;
  for (std::size_t at = 0; at < chars.size(); at += best[at].first) lengths.push_back(best[at].first);
  return lengths;
}

// Doubled bold text prints each name of a credit twice ("农丽萍农丽萍郎杰郎杰",
// the page's padding spaces gone): the lengths (in characters) of the names a
// run opens with that are each printed twice.
std::vector<std::size_t> doubled_names(const std::vector<std::string_view>& chars) {
  constexpr std::size_t kShortest = 2, kLongest = 4;
  std::vector<std::size_t> lengths;
  for (std::size_t at = 0; at < chars.size();) {
    std::size_t found = 0;
    for (std::size_t n = kShortest; n <= kLongest && found == 0; ++n)
      if (at + 2 * n <= chars.size() && std::equal(chars.begin() + static_cast<std::ptrdiff_t>(at),
                                                   chars.begin() + static_cast<std::ptrdiff_t>(at + n),
                                                   chars.begin() + static_cast<std::ptrdiff_t>(at + n)))
        found = n;
    if (found == 0) break;
    lengths.push_back(found);
    at += 2 * found;
  }
  return lengths;
}

// The normalized spans of the names in a byline run, split at the spaces of
// the original page or else before surnames; nullopt when the run is one name.
std::optional<std::vector<Span>> split_name_run(const StageContext& ctx, Span run) {
  const std::string_view text = ctx.doc.text();
  const std::vector<std::string_view> chars = characters(text.substr(run.begin, run.size()));
  std::vector<Span> spans;
  std::size_t at = run.begin, k = 0;  // where the next name starts, in bytes and in characters
  // The next name, of `n` characters; one printed twice is passed over in its second print.
  auto take = [&](std::size_t n, bool printed_twice) {
    std::size_t bytes = 0;
    for (std::size_t end = k + n; k < end; ++k) bytes += chars[k].size();
    spans.push_back({at, at + bytes});
    at += printed_twice ? 2 * bytes : bytes;
    if (printed_twice) k += n;
  };
  // Names printed twice: the first print of each, then the names after them
  // ("仝欣仝欣尉迟岚": a second author set in plain type).
  if (const std::vector<std::size_t> doubled = doubled_names(chars); !doubled.empty()) {
    for (std::size_t n : doubled) take(n, true);
    const std::vector<std::string_view> rest(chars.begin() + static_cast<std::ptrdiff_t>(k), chars.end());
    constexpr std::size_t kLongestName = 4;
    std::vector<std::size_t> lengths;
    if (rest.size() >= 2 && rest.size() <= kLongestName) lengths = {rest.size()};
    else if (!rest.empty()) lengths = split_at_surnames(rest, ctx.lexicon("surname"));
    if (!rest.empty() && lengths.empty()) return std::vector<Span>{};  // no list of names
    for (std::size_t n : lengths) take(n, false);
    if (spans.size() >= 2) return spans;
    spans.clear();
    at = run.begin;
    k = 0;
  }
  const Span original = ctx.doc.original_span(run);
  std::vector<std::size_t> lengths;  // in characters
  std::size_t piece = 0, total = 0;
  for (std::string_view ch : characters(std::string_view(ctx.doc.original()).substr(original.begin, original.size()))) {
    if (is_space(ch)) {
      if (piece != 0) lengths.push_back(piece);
      piece = 0;
    } else {
      ++piece;
      ++total;
    }
  }
  if (piece != 0) lengths.push_back(piece);
  // Typesetting pads a two-character name to the width of three ("黄 韬"):
  // two single characters in a row are one name.
  for (std::size_t i = 0; i + 1 < lengths.size(); ++i)
    if (lengths[i] == 1 && lengths[i + 1] == 1) {
      lengths[i] = 2;
      lengths.erase(lengths.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  if (total != chars.size() || lengths.size() < 2) {
    // Short, or a transliterated name with its middle dot: one name.
    if (chars.size() <= 4 || std::find(chars.begin(), chars.end(), "·") != chars.end()) return std::nullopt;
    lengths = split_at_surnames(chars, ctx.lexicon("surname"));
    if (lengths.size() < 2) return std::vector<Span>{};  // a long run that is no list of names
  }
  for (std::size_t n : lengths) take(n, false);
  return spans;
}

// Byline runs (of people/press_byline and press_byline_marked) become one
// record per name: the first keeps the role word.
void split_byline_runs(StageContext& ctx) {
  const Lexicon* press_titles = ctx.lexicon("press_title");
  std::vector<WorkRecord> added;
  for (auto& r : ctx.records) {
    if (r.dropped || r.type != "person" || r.rule == nullptr ||
        !(r.rule->id.starts_with("people/press_byline") || r.rule->id == "people/author_line"))
      continue;
    const std::string_view rec = ctx.text(r);
    const std::string_view press = longest_head(press_titles, rec);
    std::size_t skip = press.size();
    while (rec.substr(skip, 3) == "●") skip += 3;
    while (skip < rec.size() && rec[skip] == ':') ++skip;
    const Span run{r.span.begin + skip, r.span.end};
    // A name printed twice (doubled bold text, "格桑卓玛格桑卓玛") is one name.
    const std::string name = r.fields.text("name").value_or("");
    if (!name.empty() && ctx.doc.text().substr(run.begin, run.size()) == name + name) {
      r.span.end = run.begin + name.size();
      continue;
    }
    std::optional<std::vector<Span>> names = split_name_run(ctx, run);
    if (!names) continue;
    if (names->empty()) {
      ctx.note("people: '{}' is no list of names; dropped", ctx.doc.text().substr(run.begin, run.size()));
      r.dropped = true;
      continue;
    }
    for (std::size_t i = 1; i < names->size(); ++i) {
      WorkRecord one = r;
      one.span = (*names)[i];
      one.fields.set("name", std::string(ctx.doc.text().substr(one.span.begin, one.span.size())));
      added.push_back(std::move(one));
    }
    r.span.end = names->front().end;
    r.fields.set("name", std::string(ctx.doc.text().substr(names->front().begin, names->front().size())));
    ctx.note("people: byline run at {} split into {} names", run.begin, names->size());
  }
  if (added.empty()) return;
  for (auto& one : added) ctx.records.push_back(std::move(one));
  std::stable_sort(ctx.records.begin(), ctx.records.end(),
                   [](const WorkRecord& a, const WorkRecord& b) { return a.span.begin < b.span.begin; });
}

// The body a WeChat post is published by: the court or procuratorate its
// stamp names at the head of the page ("原创　孝感中院　2025年12月12日"), or "".
std::string account_of(const StageContext& ctx) {
  constexpr std::size_t kHeadSentences = 8;  // the stamp stands under the headline
  const auto& sentences = ctx.doc.sentences();
  for (std::size_t i = 0; i < std::min(sentences.size(), kHeadSentences); ++i) {
    const std::string_view text = ctx.sentence_text(static_cast<int>(i));
    if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), ctx.pattern("people.account_stamp"))) continue;
    const Span& s = sentences[i].normalized;
    for (const auto& o : org_mentions_near(ctx, s.begin, s.end))
      if (o.span.begin >= s.begin && o.span.end <= s.end && !o.canonical.empty() &&
          (o.kind == "court" || o.kind == "procuratorate"))
        return o.canonical;
  }
  return {};
}

struct PersonView {
  WorkRecord* record;
  std::string name;
  std::vector<std::string> titles;
  std::string org;
  std::string role;
  bool org_told = true;  // false: the org is the court the text names before, not one the mention writes
};

void write_back(PersonView& p) {
  p.record->fields.set("name", p.name);
  p.record->fields.set("titles", p.titles);
  if (p.org.empty()) p.record->fields.erase("org");
  else p.record->fields.set("org", p.org);
  p.record->fields.set("role", p.role);
}

// Officials listed one a line with their body and office ("【发布人】" and the
// speakers under it) read like signed bylines, but a byline stands alone:
// such lines in paragraphs next to each other are a list, and their people
// take the role their offices give.
void unsign_listed_lines(StageContext& ctx) {
  std::vector<WorkRecord*> lines;  // in text order
  for (auto& r : ctx.records)
    if (!r.dropped && r.type == "person" && r.rule != nullptr && r.rule->id == "people/signed_byline") lines.push_back(&r);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool after = i > 0 && lines[i]->paragraph - lines[i - 1]->paragraph == 1;
    const bool before = i + 1 < lines.size() && lines[i + 1]->paragraph - lines[i]->paragraph == 1;
    if (after || before) {
      lines[i]->fields.erase("role");
      ctx.note("people: '{}' is one of a list of officials, no byline", lines[i]->fields.text("name").value_or(""));
    }
  }
}

}  // namespace

void link_people(StageContext& ctx) {
  split_byline_runs(ctx);
  unsign_listed_lines(ctx);
  const Lexicon* title_scope = ctx.lexicon("title");
  const Lexicon* press_role = ctx.lexicon("press_role");
  const NameChecks name_checks{ctx.lexicon("name_stop_char"), ctx.lexicon("not_name"), ctx.lexicon("surname"),
                               ctx.lexicon("ambiguous_surname"), ctx.lexicon("translit_char")};
  // "本报记者" is a reporter of the paper the page names, if it names one.
  std::string paper;
  for (const auto& r : ctx.records)
    if (r.type == "paper" && !r.dropped && paper.empty()) paper = r.fields.text("name").value_or("");
  // An account's staff (作者, 编辑, 审核) are of the body whose account it is.
  const std::string account = paper.empty() ? account_of(ctx) : std::string();

  std::vector<PersonView> people;
  for (auto& r : ctx.records) {
    if (r.dropped || r.type != "person") continue;
    // A rule may name the org (a reporter's outlet); the stage finds the others.
    PersonView p{&r, r.fields.text("name").value_or(""), {}, r.fields.text("org").value_or(""),
                 r.fields.text("role").value_or("")};
    if (!plausible_name(p.name, name_checks)) {
      ctx.note("people: '{}' is no name; dropped", p.name);
      r.dropped = true;
      continue;
    }
    // "同志" is a form of address, not an office.
    for (auto& t : r.fields.list("titles"))
      if (!t.empty() && t != "同志") p.titles.push_back(t);
    // A surname that is also a function word opens a name only after a head's office
    // or a byline's label ("作者：全晓琪").
    if (longest_head(name_checks.surnames, p.name).empty() &&
        !longest_head(name_checks.ambiguous_surnames, p.name).empty() && p.role != "author" &&
        (p.titles.empty() || !RE2::PartialMatch(p.titles.back(), ctx.pattern("people.ambiguous_name_office")))) {
      ctx.note("people: '{}' opens with a function word after no head's office; dropped", p.name);
      r.dropped = true;
      continue;
    }

    std::string press;
    bool court_office = false, office = false;  // a member (人大代表, 董事长) holds no public office
    std::string body_kind;                      // "court" or "procuratorate" where a title says which
    for (const auto& t : p.titles) {
      if (std::string role = lookup(press_role, t); !role.empty() && press.empty()) press = role;
      // A department's title is an office of the body it belongs to, unless it
      // ends with a post that is none ("法学院副教授").
      std::string scope = lookup(title_scope, t);
      const std::string tail_scope = lookup(title_scope, longest_tail(title_scope, t));
      if (scope.empty() && tail_scope == "member") scope = "member";
      if (scope.empty() || scope == "court" || scope == "procuratorate" || scope == "judicial") court_office = true;
      if (scope != "member") office = true;
      for (const std::string& s : {scope, tail_scope})
        if (body_kind.empty() && (s == "court" || s == "procuratorate")) body_kind = s;
    }
    // "本报记者…", or a reporter in the brackets of the dateline "本报讯（记者…）".
    const Lexicon* own_paper = ctx.lexicon("own_paper_mark");
    std::string_view before = std::string_view(ctx.doc.text()).substr(0, r.span.begin);
    // (The dateline may be set in bold: "**本报讯**（记者…".)
    std::string_view dateline = before.ends_with("(") ? before.substr(0, before.size() - 1) : std::string_view{};
    while (dateline.ends_with("*") || dateline.ends_with(" ")) dateline.remove_suffix(1);
    if (press == "reporter" &&
        (!longest_head(own_paper, ctx.text(r)).empty() || !longest_tail(own_paper, dateline).empty()))
      p.org = paper;
    // The page's staff are of its publisher: the paper it names, else the
    // court whose account or site it is. So is the writer an account's footer
    // names ("撰稿：…"; the label may stand before other names of its run).
    const std::string_view just_before = before.substr(before.size() - std::min<std::size_t>(before.size(), 8 * 3));
    const bool footer_writer = r.rule != nullptr && r.rule->id == "people/author_line" && paper.empty() &&
                               first_entry_in(ctx.lexicon("footer_writer_label"), just_before) != std::string_view::npos;
    if (press == "other" || footer_writer)
      p.org = !paper.empty() ? paper : !account.empty() ? account : ctx.org_of_article(r.article);
    // An author is of the body a page line names as the source, else of the account, else
    // of the article's court (a source that is no body, 来源：政治部, or no source at all).
    if ((press == "author" || p.role == "author") && p.org.empty()) {
      if (const OrgMention* source = named_source(ctx, r)) p.org = source->canonical;
      else p.org = !account.empty() ? account : ctx.org_of_article(r.article);
    }
    const OrgMention* written_org = p.org.empty() || !press.empty() ? nullptr : org_as_written(ctx, r, p.org);
    if (written_org != nullptr) p.org = written_org->canonical;
    if (press.empty() && written_org == nullptr) {
      std::string governed;  // "副区长": the government of the article's district
      for (const auto& t : p.titles)
        if (governed.empty()) governed = lookup(ctx.lexicon("government_head"), t);
      if (const OrgMention* m = org_prefix(ctx, r)) {
        p.org = m->canonical;
        // A body the offices open ("区海洋综合执法支队支队长") is the org, not part of the
        // title; a party committee stays in it ("市委常委").
        const std::string_view body = std::string_view(ctx.doc.text()).substr(m->span.begin, m->span.end - m->span.begin);
        if (m->span.begin >= r.span.begin && m->kind != "party" && !p.titles.empty() &&
            p.titles.front().size() > body.size() && p.titles.front().starts_with(body) &&
            lookup(title_scope, p.titles.front()).empty())  // a title known whole stays so ("常委会委员")
          p.titles.front().erase(0, body.size());
        // A party body whose name runs into the title: "县委政法委书记" is the 书记 of 县委政法委
        // (a deputy's seat stays whole: "县人大代表").
        if (m->kind == "party" && m->span.begin < r.span.begin && m->span.end > r.span.begin && !p.titles.empty()) {
          // A title that opens with the level is the committee's own ("县委常委").
          const std::string_view inside = std::string_view(ctx.doc.text()).substr(r.span.begin, m->span.end - r.span.begin);
          if (p.titles.front().size() > inside.size() && p.titles.front().starts_with(inside) &&
              !RE2::PartialMatch(re2::StringPiece(inside.data(), inside.size()), ctx.pattern("people.level_opening")))
            p.titles.front().erase(0, inside.size());
        }
        if (std::string title = title_before_org(ctx, r, *m); !title.empty()) p.titles.insert(p.titles.begin(), title);
      } else if (std::string town = town_body_before(ctx, r, p.titles); !town.empty()) {
        p.org = std::move(town);
      } else if (!governed.empty()) {
        const std::size_t level = text::decode_utf8(governed, 0).length;  // the level opens the body's name
        const std::string_view body = std::string_view(governed).substr(level);
        const std::string before = text_before(ctx, r, 8);
        std::string place, place_level;
        if (RE2::PartialMatch(before, ctx.pattern("people.governed_place"), &place, &place_level) &&
            place_level == governed.substr(0, level))
          p.org = place + std::string(body);  // "樟树市副市长": 樟树市人民政府
        else
          p.org = body_at_article_place(ctx, r.article, governed, r.span.begin);
      } else if (court_office && !p.titles.empty()) {
        // A work report's "院长", "副院长" are the reporting court's whatever court it named last.
        const std::string& own = ctx.org_of_article(r.article);
        const OrgMention* court = ctx.work_report && !own.empty() ? nullptr : court_before(ctx, r.span.begin, r.article, body_kind);
        p.org = court != nullptr ? court->canonical : own;
        p.org_told = false;
      } else if (p.role == "official" && p.titles.empty()) {
        // Named by the rule as the court's people without an office ("立案庭：某某、某某" in a
        // list of those commended, "某某、某某等3位院领导"): of the article's court.
        p.org = ctx.org_of_article(r.article);
        p.org_told = false;
      }
    }
    // A school's or a company's staff hold no public office, whatever their titles.
    const Lexicon* org_suffix = ctx.lexicon("org_suffix");
    if (office && !p.org.empty() &&
        !lookup(ctx.lexicon("private_kind"), lookup(org_suffix, longest_tail(org_suffix, p.org))).empty())
      office = false;
    if (p.role.empty()) p.role = !press.empty() ? press : office ? "official" : "other";
    // The second of two authors one credit names shares the court before the first:
    // "(某县人民法院 马骁 罗晓雯)".
    if (p.org.empty() && !people.empty()) {
      const PersonView& previous = people.back();
      if (previous.record->rule == r.rule && previous.record->span.end == r.span.begin && previous.role == p.role)
        p.org = previous.org;
    }
    people.push_back(std::move(p));
  }

  // A name read short where the text goes on from a longer one the page names: "孟和巴特尔检察长"
  // read as 巴特尔 after "检察长孟和巴特尔" is that person (a name without a Han surname may
  // open with characters that read as one). The longer name is looked up by the few characters
  // before the short one, so a roster of thousands stays linear.
  {
    constexpr std::size_t kMaxLeadChars = 6;
    const std::string_view text = ctx.doc.text();
    std::unordered_set<std::string> names;  // copies: a name may change below
    for (const auto& p : people) names.insert(p.name);
    for (auto& p : people) {
      const std::string_view span = text.substr(p.record->span.begin, p.record->span.size());
      const std::size_t in_span = span.find(p.name);
      if (in_span == std::string_view::npos) continue;
      const std::size_t at = p.record->span.begin + in_span;
      std::size_t from = at;
      for (std::size_t chars = 0; chars < kMaxLeadChars && from > 0; ++chars) {
        do --from;
        while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80);
        const auto longer = names.find(std::string(text.substr(from, at - from + p.name.size())));
        if (longer != names.end()) {
          ctx.note("people: '{}' at {} is '{}' read short", p.name, p.record->span.begin, *longer);
          p.name = *longer;
          break;
        }
      }
    }
  }

  // Merge mentions of one person: same name, and the same org, or one unknown
  // or only guessed from the court named before ("请赫连振东院长通报" after another court).
  std::vector<PersonView*> kept;
  std::unordered_map<std::string, std::vector<PersonView*>> kept_by_name;
  for (auto& p : people) {
    auto& namesakes = kept_by_name[p.name];
    auto same = std::find_if(namesakes.begin(), namesakes.end(), [&](const PersonView* k) {
      return k->org.empty() || p.org.empty() || k->org == p.org || !k->org_told || !p.org_told;
    });
    if (same == namesakes.end()) {
      kept.push_back(&p);
      namesakes.push_back(&p);
      continue;
    }
    PersonView& into = **same;
    if (p.titles.size() > into.titles.size()) into.titles = p.titles;
    if (into.org.empty() || (!into.org_told && p.org_told && !p.org.empty())) {
      into.org = p.org;
      into.org_told = p.org_told;
    }
    if (role_rank(p.role) > role_rank(into.role)) into.role = p.role;
    into.record->mentions.push_back(p.record->span);
    p.record->dropped = true;
    ctx.note("people: '{}' at {} merged into the mention at {}", p.name, p.record->span.begin, into.record->span.begin);
  }

  // Later bare occurrences of a name that is known to be a person ("郝建军强调").
  std::vector<Span> person_spans;  // every person mention, sorted
  for (const PersonView* p : kept) {
    person_spans.push_back(p->record->span);
    person_spans.insert(person_spans.end(), p->record->mentions.begin(), p->record->mentions.end());
  }
  std::sort(person_spans.begin(), person_spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  auto inside_person = [&](const Span& s) {
    auto next = std::upper_bound(person_spans.begin(), person_spans.end(), s.begin,
                                 [](std::size_t at, const Span& m) { return at < m.begin; });
    return next != person_spans.begin() && std::prev(next)->end >= s.end;
  };
  const Lexicon* doctrine_tails = ctx.lexicon("doctrine_tail");
  const std::string_view text = ctx.doc.text();
  std::vector<std::string> names;
  for (const PersonView* p : kept) names.push_back(p->name);
  const auto found = text::occurrences(text, names);
  for (std::size_t k = 0; k < kept.size(); ++k) {
    PersonView* p = kept[k];
    for (std::size_t at : found[k]) {
      const Span occurrence{at, at + p->name.size()};
      // A name inside a book title (《…》, a short run of text) is part of the title.
      constexpr std::size_t kBookTitleBytes = 100 * 3;
      const std::size_t window = at > kBookTitleBytes ? at - kBookTitleBytes : 0;
      const std::string_view lead = text.substr(window, at - window);
      const std::size_t open = lead.rfind("《");
      bool covered = inside_person(occurrence) ||
                     (open != std::string_view::npos && lead.find("》", open) == std::string_view::npos);
      if (doctrine_tails != nullptr)
        for (const auto& tail : doctrine_tails->entries)
          if (text.substr(occurrence.end, tail.size()) == tail) covered = true;
      if (!covered) p->record->mentions.push_back(occurrence);
    }
    std::sort(p->record->mentions.begin(), p->record->mentions.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    write_back(*p);
  }
}

}  // namespace reportex::internal
