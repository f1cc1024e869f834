// The people stage: checks each person's name, gives the person an
// organization and a role, and merges the mentions of one person.
//   org:  the org mention right before the offices ("赤峰市中院党组书记、院长梁建武",
//         "该院…" resolved by the organizations stage); offices held inside a
//         court with no org before them take the court in context; press
//         titles and offices elsewhere ("总书记") take none.
//   role: as the rule says (author), else from the press title (reporter,
//         correspondent), else official when an office is named, else other.
//   merge: one record per name and organization in a document, with the
//         richest titles and every span in `mentions`; the name's later bare
//         occurrences ("郝建军强调") are mentions too.

#include "stages/stage.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <unordered_map>

namespace reportex::internal {

namespace {

std::string lookup(const Lexicon* lexicon, std::string_view key) {
  if (lexicon == nullptr) return {};
  auto it = lexicon->canonical.find(std::string(key));
  return it == lexicon->canonical.end() ? std::string() : it->second;
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += text::decode_utf8(s, i).length) ++n;
  return n;
}

// A name of two to six characters, none of which is a place, org or function
// word, and not a common word ("项目").
bool plausible_name(std::string_view name, const Lexicon* stop_chars, const Lexicon* not_names) {
  const std::size_t n = char_count(name);
  if (n < 2 || n > 6) return false;
  if (not_names != nullptr && not_names->canonical.count(std::string(name)) != 0) return false;
  if (stop_chars != nullptr)
    for (const auto& ch : stop_chars->entries)
      if (name.find(ch) != std::string_view::npos) return false;
  return true;
}

int role_rank(std::string_view role) {
  for (int rank = 0; std::string_view r : {"other", "official", "correspondent", "reporter", "author"}) {
    if (r == role) return rank;
    ++rank;
  }
  return -1;
}

// The org mention that opens the person's mention: inside its span before the
// name, or ending where the span starts ("科尔沁区人民法院冀洪印庭长").
const OrgMention* org_prefix(const StageContext& ctx, const WorkRecord& r) {
  auto it = std::lower_bound(ctx.org_mentions.begin(), ctx.org_mentions.end(), r.span.end,
                             [](const OrgMention& m, std::size_t end) { return m.span.begin < end; });
  while (it != ctx.org_mentions.begin()) {
    --it;
    if (it->sentence != r.sentence) break;
    if (it->span.begin >= r.span.begin || it->span.end >= r.span.begin) return &*it;
    break;  // mentions further back end before the span
  }
  return nullptr;
}

struct PersonView {
  WorkRecord* record;
  std::string name;
  std::vector<std::string> titles;
  std::string org;
  std::string role;
};

void write_back(PersonView& p) {
  p.record->fields.set("name", p.name);
  p.record->fields.set("titles", p.titles);
  if (p.org.empty()) p.record->fields.erase("org");
  else p.record->fields.set("org", p.org);
  p.record->fields.set("role", p.role);
}

}  // namespace

void link_people(StageContext& ctx) {
  const Lexicon* title_scope = ctx.lexicon("title");
  const Lexicon* press_role = ctx.lexicon("press_role");
  const Lexicon* stop_chars = ctx.lexicon("name_stop_char");
  const Lexicon* not_names = ctx.lexicon("not_name");

  std::vector<PersonView> people;
  for (auto& r : ctx.records) {
    if (r.dropped || r.type != "person") continue;
    PersonView p{&r, r.fields.text("name").value_or(""), {}, {}, r.fields.text("role").value_or("")};
    if (!plausible_name(p.name, stop_chars, not_names)) {
      ctx.note("people: '{}' is no name; dropped", p.name);
      r.dropped = true;
      continue;
    }
    // "同志" is a form of address, not an office.
    for (auto& t : r.fields.list("titles"))
      if (!t.empty() && t != "同志") p.titles.push_back(t);

    std::string press;
    bool court_office = false;
    for (const auto& t : p.titles) {
      if (std::string role = lookup(press_role, t); !role.empty() && press.empty()) press = role;
      if (lookup(title_scope, t) == "court" || lookup(title_scope, t).empty()) court_office = true;
    }
    if (press.empty()) {
      if (const OrgMention* m = org_prefix(ctx, r)) {
        p.org = m->canonical;
      } else if (court_office && !p.titles.empty()) {
        if (const OrgMention* court = court_before(ctx, r.span.begin, r.article)) p.org = court->canonical;
        else if (r.article >= 0 && static_cast<std::size_t>(r.article) < ctx.article_org.size())
          p.org = ctx.article_org[static_cast<std::size_t>(r.article)];
      }
    }
    if (p.role.empty()) p.role = !press.empty() ? press : !p.titles.empty() ? "official" : "other";
    people.push_back(std::move(p));
  }

  // Merge mentions of one person: same name, and the same org or one unknown.
  std::vector<PersonView*> kept;
  std::unordered_map<std::string, std::vector<PersonView*>> kept_by_name;
  for (auto& p : people) {
    auto& namesakes = kept_by_name[p.name];
    auto same = std::find_if(namesakes.begin(), namesakes.end(), [&](const PersonView* k) {
      return k->org.empty() || p.org.empty() || k->org == p.org;
    });
    if (same == namesakes.end()) {
      kept.push_back(&p);
      namesakes.push_back(&p);
      continue;
    }
    PersonView& into = **same;
    if (p.titles.size() > into.titles.size()) into.titles = p.titles;
    if (into.org.empty()) into.org = p.org;
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
  for (PersonView* p : kept) {
    for (std::size_t at = text.find(p->name); at != std::string_view::npos; at = text.find(p->name, at + 1)) {
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
