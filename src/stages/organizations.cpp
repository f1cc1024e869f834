// The organizations stage: turns the organization mentions the rules found
// into canonical names, using the pack's word lists (org_alias, org_suffix,
// places, place_stems) and the full forms the document itself gives:
//   "赤峰市中院"   -> 赤峰市中级人民法院 (suffix alias)
//   "九原区法院"   -> 包头市九原区人民法院 when the document names it so
//   "省法院"       -> 吉林省高级人民法院 when the document names it so
//   "鄂尔多斯法院" -> nothing: the courts of a city together are no one body
//   "该院"         -> the court or procuratorate mentioned last in its article
// It fills ctx.org_mentions and ctx.article_org for the later stages and
// keeps one organization record per body and document.

#include "stages/stage.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace reportex::internal {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool is_court_or_procuratorate(std::string_view kind) { return kind == "court" || kind == "procuratorate"; }

// A single level word: "市中院", "省法院" name the body only relative to the page.
bool is_bare_level(std::string_view place) {
  for (std::string_view level : {"市", "州", "区", "县", "旗", "盟", "省", "地区"})
    if (place == level) return true;
  return false;
}

// What the wording of one mention says about the body, before the document is consulted.
struct Reading {
  std::string candidate;       // the full name the words spell out, or empty
  bool needs_full_form = false;  // resolvable only through a longer full form in the document
  std::string stem{};          // an unlisted place named without its unit ("牡丹江" of "牡丹江中院")
  std::string level{};         // the level alone that names the place ("区" of "区人大常委会")
  std::string body{};          // the full form of the suffix ("人民代表大会常务委员会")
  bool listed_stem = false;    // named by a listed city's stem ("娄底中院"): as good as written in full
  bool placeless = false;      // named with no place at all ("常委会"): the body the document names nearest
};

// The full name of a body of `place`: the place before the body's name, or
// in the body's name where it says {place} ("中国人民政治协商会议{place}委员会").
std::string named_at(std::string_view place, std::string_view body) {
  constexpr std::string_view kSlot = "{place}";
  if (const std::size_t at = body.find(kSlot); at != std::string_view::npos)
    return std::string(body.substr(0, at)) + std::string(place) + std::string(body.substr(at + kSlot.size()));
  return std::string(place) + std::string(body);
}

Reading read_mention(const StageContext& ctx, std::string_view surface);

// "团县委": a mark before a party committee's short form makes it another body's
// (lexicons/org_prefixes.tsv), read as the committee with the mark's full form for 中共.
std::optional<Reading> read_prefixed(const StageContext& ctx, std::string_view surface) {
  constexpr std::string_view kParty = "中共";
  const std::string_view mark = longest_head(ctx.lexicon("org_prefix"), surface);
  if (mark.empty() || mark.size() == surface.size()) return std::nullopt;
  Reading r = read_mention(ctx, surface.substr(mark.size()));
  if (!r.candidate.starts_with(kParty)) return std::nullopt;
  const std::string full = lookup(ctx.lexicon("org_prefix"), mark);
  r.candidate = full + r.candidate.substr(kParty.size());
  if (r.body.starts_with(kParty)) r.body = full + r.body.substr(kParty.size());
  return r;
}

Reading read_mention(const StageContext& ctx, std::string_view surface) {
  if (auto prefixed = read_prefixed(ctx, surface)) return *prefixed;
  // "常委会副主任…": a body named with no place at all, the one the document names in full.
  if (std::string body = lookup(ctx.lexicon("placeless_body"), surface); !body.empty()) {
    Reading r{std::move(body), true};
    r.placeless = true;
    return r;
  }
  const Lexicon* aliases = ctx.lexicon("org_alias");
  if (std::string whole = lookup(aliases, surface); !whole.empty() && whole != surface) return {whole, false};
  if (lookup(aliases, surface) == surface) return {std::string(surface), false};  // a national body as written

  const std::string_view suffix = longest_tail(ctx.lexicon("org_suffix"), surface);
  if (suffix.empty() || suffix.size() == surface.size()) return {};
  const std::string_view place = surface.substr(0, surface.size() - suffix.size());
  std::string full_suffix = lookup(aliases, suffix);
  if (full_suffix.empty()) full_suffix = std::string(suffix);
  // A company's or a school's name is its own: "云南大学" is no body of a place
  // ("峨眉山景区管委会" is 峨眉山景区管理委员会).
  if (!lookup(ctx.lexicon("self_named_kind"), lookup(ctx.lexicon("org_suffix"), suffix)).empty())
    return {std::string(place) + full_suffix, false};
  const bool short_court = suffix == "法院" || suffix == "检察院";

  // "县茶业协会", "县苹果产业发展中心": a body named by its place's level alone and a
  // name of its own (lexicons/level_named_kinds.txt).
  if (!lookup(ctx.lexicon("level_named_kind"), lookup(ctx.lexicon("org_suffix"), suffix)).empty()) {
    const std::size_t level_size = text::decode_utf8(place, 0).length;
    if (place.size() > level_size && is_bare_level(place.substr(0, level_size))) {
      const std::string body = std::string(place.substr(level_size)) + full_suffix;
      return {named_at(place.substr(0, level_size), body), true, {}, std::string(place.substr(0, level_size)), body};
    }
  }
  // "市公安局德城分局": a body of the place named by its level, and that body's branch.
  {
    const std::size_t level_size = text::decode_utf8(place, 0).length;
    const std::string_view level = place.substr(0, std::min(level_size, place.size()));
    const std::string_view body = place.substr(level.size());
    if (!body.empty() && is_bare_level(level) && full_suffix == "分局" &&
        !longest_head(ctx.lexicon("local_body"), body).empty()) {
      const std::string branch = std::string(body) + full_suffix;
      return {named_at(level, branch), true, {}, std::string(level), branch};
    }
  }
  if (is_bare_level(place)) {
    // A province's single court is its high court: "省法院" -> "…省高级人民法院".
    if (place == "省" && suffix == "法院") full_suffix = "高级人民法院";
    return {named_at(place, full_suffix), true, {}, std::string(place), full_suffix};
  }
  if (std::string city = lookup(ctx.lexicon("place_stems"), place); !city.empty()) {
    // "赤峰中院" is one court; "赤峰法院" is all the courts of the city. A
    // prefecture written with its 州 has one procuratorate: "黔南州检察院".
    constexpr std::string_view kPrefecture = "州";
    if (full_suffix == "中级人民法院" ||
        (place.ends_with(kPrefecture) && full_suffix == "人民检察院"))
      return {city + full_suffix, false, {}, {}, {}, true};
    return {};
  }
  const std::string_view last_place = longest_tail(ctx.lexicon("places"), place);
  // "牡丹江中院", "迪庆州中院": a city the word lists do not know, named by its
  // stem; only an intermediate court of the document's own naming resolves it.
  if (last_place.empty() && suffix != full_suffix && full_suffix == "中级人民法院")
    return {named_at(place, full_suffix), true, std::string(place)};
  const std::string level = last_place.empty() ? std::string() : lookup(ctx.lexicon("places"), last_place);
  // "包头市法院" is the city's courts together unless the page names such a court in full.
  if (short_court && (level == "prefecture" || level == "province") && suffix == "法院")
    return {named_at(place, full_suffix), true};
  return {named_at(place, full_suffix), false};
}

// The full forms the document gives ("包头市九原区人民法院"), each with the
// positions it is mentioned at, to resolve short forms without rescanning.
using FullForms = std::map<std::string, std::vector<std::size_t>>;

// A full form, held in FullForms or pointed to.
const FullForms::value_type& form_of(const FullForms::value_type& form) { return form; }
const FullForms::value_type& form_of(const FullForms::value_type* form) { return *form; }

// Of the full forms in `forms` that `fits` (called with a name and its
// positions), the one mentioned last before `pos`, else the first after it.
template <typename Forms, typename Fits>
std::string nearest_full_form(const Forms& forms, std::size_t pos, Fits&& fits) {
  std::string before, after;
  std::size_t before_at = 0, after_at = 0;
  for (const auto& form : forms) {
    const auto& [name, positions] = form_of(form);
    if (!fits(name, positions)) continue;
    auto next = std::lower_bound(positions.begin(), positions.end(), pos);
    if (next != positions.begin() && (before.empty() || *std::prev(next) > before_at)) {
      before = name;
      before_at = *std::prev(next);
    }
    if (next != positions.end() && (after.empty() || *next < after_at)) {
      after = name;
      after_at = *next;
    }
  }
  return !before.empty() ? before : after;
}

// True when `candidate` is `full` with the peoples of an autonomous county,
// prefecture or banner left out, as reports write them: "巍山县人民法院" for
// "巍山彝族回族自治县人民法院".
bool autonomous_short_form(std::string_view full, std::string_view candidate) {
  constexpr std::string_view kAutonomous = "自治";
  for (std::string_view level : {"县", "州", "旗"}) {
    const std::size_t at = candidate.find(level);
    if (at == std::string_view::npos || at < 2 * level.size()) continue;  // a stem of two characters at least
    const std::string_view stem = candidate.substr(0, at), tail = candidate.substr(at);
    if (full.size() <= tail.size() + kAutonomous.size() || !ends_with(full, tail) ||
        full.substr(full.size() - tail.size() - kAutonomous.size(), kAutonomous.size()) != kAutonomous)
      continue;
    const std::string_view head = full.substr(0, full.size() - tail.size() - kAutonomous.size());
    const std::size_t s = head.rfind(stem);
    if (s == std::string_view::npos) continue;
    const std::string_view peoples = head.substr(s + stem.size());
    if (ends_with(peoples, "族") && peoples.size() <= 8 * level.size()) return true;
  }
  return false;
}

// The full forms that end with `candidate` and are longer ("包头市九原区人民法院"
// for "九原区人民法院"), or name the peoples `candidate` leaves out, in
// FullForms order.
// What a longer form adds before a court's or a procuratorate's name: a place's
// stem before a level ("江北" of "江北市中级人民法院" for "市中级人民法院"), or a
// whole place before a named one ("潮州市" before "饶平县人民检察院"); the verb of
// "走进饶平县人民检察院" is neither. (Other bodies' short forms drop names of
// every kind: "景区管理处" of "禄丰恐龙谷景区管理处".)
bool adds_place(std::string_view added, std::string_view candidate) {
  if (!ends_with(candidate, "法院") && !ends_with(candidate, "检察院")) return true;
  for (std::string_view level : {"市", "州", "区", "县", "旗", "盟", "省", "地区", "自治"})
    if (candidate.starts_with(level) || ends_with(added, level)) return true;
  return false;
}

std::vector<const FullForms::value_type*> longer_full_forms(const FullForms& full_forms, std::string_view candidate) {
  std::vector<const FullForms::value_type*> out;
  for (const auto& form : full_forms)
    if (form.first.size() > candidate.size() &&
        ((ends_with(form.first, candidate) &&
          adds_place(std::string_view(form.first).substr(0, form.first.size() - candidate.size()), candidate)) ||
         autonomous_short_form(form.first, candidate)))
      out.push_back(&form);
  return out;
}

// Of `longer` (see longer_full_forms), one the article [from, to) names if
// any, else the nearest.
std::string longer_full_form(const std::vector<const FullForms::value_type*>& longer, std::size_t pos,
                             std::size_t from = 0, std::size_t to = 0) {
  if (from < to) {
    const std::string in_article = nearest_full_form(longer, pos, [&](const std::string&, const auto& at) {
      const auto first = std::lower_bound(at.begin(), at.end(), from);  // positions in text order
      return first != at.end() && *first < to;
    });
    if (!in_article.empty()) return in_article;
  }
  return nearest_full_form(longer, pos, [](const std::string&, const auto&) { return true; });
}

// The intermediate court named in full whose place starts with the end of
// `stem`, itself without a unit: "牡丹江市中级人民法院" for "牡丹江",
// "迪庆藏族自治州中级人民法院" for "迪庆州".
std::string stem_full_form(const FullForms& full_forms, std::string_view stem, std::size_t pos) {
  constexpr std::string_view kIntermediate = "中级人民法院";
  // The stem with its unit and without: 州 closes 湖州 and 迪庆州 alike.
  std::string_view bare = stem;
  for (std::string_view unit : {"市", "州", "盟"})
    if (ends_with(bare, unit) && bare.size() > unit.size()) bare.remove_suffix(unit.size());
  auto opens = [](std::string_view place, std::string_view stem) {
    // The stem's last two characters or more open the place, which goes on with its unit.
    for (std::size_t from = 0; stem.size() - from >= 6; from += text::decode_utf8(stem, from).length)
      if (place.size() > stem.size() - from && place.starts_with(stem.substr(from))) return true;
    return false;
  };
  return nearest_full_form(full_forms, pos, [&](const std::string& name, const auto&) {
    if (!ends_with(name, kIntermediate)) return false;
    const std::string_view place = std::string_view(name).substr(0, name.size() - kIntermediate.size());
    return opens(place, stem) || opens(place, bare);
  });
}

// The bytes [from, to) of an article of the document, or [0, 0) for none.
std::pair<std::size_t, std::size_t> article_bytes(const StageContext& ctx, int article) {
  if (article < 0 || static_cast<std::size_t>(article) >= ctx.articles.size()) return {0, 0};
  const auto& a = ctx.articles[static_cast<std::size_t>(article)];
  const auto& paragraphs = ctx.doc.paragraphs();
  return {paragraphs[static_cast<std::size_t>(a.first_paragraph)].normalized.begin,
          paragraphs[static_cast<std::size_t>(a.last_paragraph)].normalized.end};
}

// The place an article's dateline names at `level` ("**凤凰讯**" and "县": "凤凰县"),
// when the article writes it so; else "". A dateline names its place without
// the level, which the article's own words tell.
std::string dateline_place(const StageContext& ctx, int article, std::string_view level) {
  const auto [from, to] = article_bytes(ctx, article);
  auto first = std::lower_bound(ctx.records.begin(), ctx.records.end(), from,
                                [](const WorkRecord& r, std::size_t pos) { return r.span.begin < pos; });
  for (auto it = first; it != ctx.records.end() && it->span.begin < to; ++it) {
    const WorkRecord& r = *it;
    if (r.type != "article_start" || r.fields.text("kind") != "dateline") continue;
    std::string_view stem = ctx.text(r);
    while (stem.starts_with("*")) stem.remove_prefix(1);
    while (stem.ends_with("*")) stem.remove_suffix(1);
    constexpr std::string_view kMark = "讯";
    if (!stem.ends_with(kMark)) return {};
    stem.remove_suffix(kMark.size());
    const std::string place = std::string(stem) + std::string(level);
    return std::string_view(ctx.doc.text()).substr(from, to - from).find(place) != std::string_view::npos ? place
                                                                                                         : std::string();
  }
  return {};
}

// A body named with its province before a place of its own ("江苏省苏州市吴江区人民检察院",
// "湖北省来凤县人民检察院") is named without the province, as reports name it
// elsewhere; a municipality (重庆市, a province-level city) stays.
std::string without_province(const StageContext& ctx, const std::string& name) {
  const Lexicon* places = ctx.lexicon("places");
  const std::string_view province = longest_head(places, name);
  if (province.empty() || lookup(places, province) != "province" || ends_with(province, "市")) return name;
  const std::string_view rest = std::string_view(name).substr(province.size());
  const std::string_view suffix = longest_tail(ctx.lexicon("org_suffix"), rest);
  if (suffix.empty() || suffix.size() + 6 > rest.size()) return name;  // the province's own body, or a one-character place
  return std::string(rest);
}

constexpr std::array<std::string_view, 2> kCityBodies = {"中级人民法院", "人民检察院"};

// The place of a city's own court or procuratorate ("大连市" of "大连市人民检察院"),
// or nothing: a place of one level, ending in 市. A city's basic court ("扶余市人民法院")
// is a county-level city's, which has no districts: it names no page city.
std::string_view city_of_body(std::string_view name) {
  for (std::string_view body : kCityBodies)
    if (ends_with(name, body)) {
      const std::string_view place = name.substr(0, name.size() - body.size());
      const bool one_level = place.find("区") == std::string_view::npos && place.find("县") == std::string_view::npos &&
                             place.find("省") == std::string_view::npos;
      return ends_with(place, "市") && place.size() > 3 && place.find("市") == place.size() - 3 && one_level
                 ? place
                 : std::string_view{};
    }
  return {};
}

// True when the places word list gives `place` as a prefecture-level city.
bool is_prefecture(const StageContext& ctx, std::string_view place) {
  return lookup(ctx.lexicon("places"), place) == "prefecture";
}

// The one city whose court or procuratorate the page names, or nothing when
// it names none or several. County-level cities (青州市 beside 潍坊市) do not
// count when the places word list knows the page's prefecture.
std::string single_city(const StageContext& ctx) {
  const auto& mentions = ctx.org_mentions;
  const bool knows_prefecture = std::any_of(mentions.begin(), mentions.end(), [&](const OrgMention& m) {
    const std::string_view c = city_of_body(m.canonical);
    return !c.empty() && is_prefecture(ctx, c);
  });
  std::string city;
  for (const auto& m : mentions) {
    const std::string_view c = city_of_body(m.canonical);
    if (c.empty() || (knows_prefecture && !is_prefecture(ctx, c))) continue;
    if (!city.empty() && city != c) return {};
    city = std::string(c);
  }
  return city;
}

// The districts the page names after a listed city ("日照市岚山区人民法院"),
// each with its city, or with "" when the page puts it in two.
std::map<std::string, std::string> districts_placed(const StageContext& ctx) {
  constexpr std::string_view kDistrict = "区";
  constexpr std::size_t kLongestDistrict = 5 * 3;  // bytes: a stem of four characters and 区
  std::map<std::string, std::string> placed;
  for (const auto& m : ctx.org_mentions) {
    std::string_view name = m.canonical;
    if (name.starts_with("中共")) name.remove_prefix(std::string_view("中共").size());
    const std::string_view city = longest_head(ctx.lexicon("places"), name);
    if (city.empty() || !is_prefecture(ctx, city)) continue;
    const std::string_view rest = name.substr(city.size());
    const std::size_t at = rest.find(kDistrict);
    if (at == std::string_view::npos || at == 0 || at + kDistrict.size() > kLongestDistrict) continue;
    const auto [it, fresh] = placed.try_emplace(std::string(rest.substr(0, at + kDistrict.size())), city);
    if (!fresh && it->second != city) it->second.clear();
  }
  return placed;
}

// A district's court, procuratorate or other body of its own (民政局, 人大常委会) named
// without the city it is in.
bool is_bare_district_body(const StageContext& ctx, std::string_view name) {
  constexpr std::string_view kDistrict = "区";
  const std::size_t at = name.find(kDistrict);
  if (at == std::string_view::npos) return false;
  const std::string_view place = name.substr(0, at + kDistrict.size()), body = name.substr(place.size());
  if (body != "人民法院" && body != "人民检察院" && lookup(ctx.lexicon("local_body"), body).empty()) return false;
  if (place.size() < 9) return !lookup(ctx.lexicon("short_district"), place).empty();  // 城区, not 该区
  // A county that became a district keeps 县 in its name: 沙县区.
  constexpr std::string_view kCountyDistrict = "县区";
  const std::string_view stem =
      ends_with(place, kCountyDistrict) ? place.substr(0, place.size() - kCountyDistrict.size()) : place;
  // 州 alone is in names: 金州区; 自治区 is a region; a reclamation area (垦区) is the Corps', in no city.
  for (std::string_view level : {"市", "省", "自治", "盟", "县", "垦"})
    if (stem.find(level) != std::string_view::npos) return false;
  return true;
}

// The place of a court's full name up to the given level: "重庆市綦江区人民法院"
// at "区" is "重庆市綦江区", at "市" "重庆市"; empty when it has none.
std::string place_at_level(std::string_view court, std::string_view level) {
  if (level.empty()) return {};
  for (std::string_view body : {"高级人民法院", "中级人民法院", "人民法院", "人民检察院分院", "人民检察院", "人民代表大会常务委员会"})
    if (ends_with(court, body)) {
      const std::string_view place = court.substr(0, court.size() - body.size());
      const std::size_t at = level == "市" ? place.find(level) : place.rfind(level);
      return at == std::string_view::npos ? std::string() : std::string(place.substr(0, at + level.size()));
    }
  return {};
}

// The place at `level` a local body's name opens with: "蒙城县委政法委" and
// "中共蒙城县委政法委员会" -> "蒙城县", "宿州市人民代表大会常务委员会" at 市 -> "宿州市"; empty
// when the name opens with the level alone ("县委政法委").
constexpr std::string_view kLocalLevels[] = {"市", "县", "区", "旗", "州", "盟"};

std::string place_at_level_of_body(std::string_view name, std::string_view level) {
  if (level.empty()) return {};
  if (name.starts_with("中共")) name.remove_prefix(std::string_view("中共").size());
  const std::size_t at = name.find(level);
  if (at == std::string_view::npos || at == 0) return {};
  if (name.substr(at + level.size()).starts_with("场")) return {};  // 市场监督管理局: no city
  return std::string(name.substr(0, at + level.size()));
}

// The place at `level` of the court or procuratorate named last before
// mention `i` in its article (with `same_sentence`, in its sentence only): a city court's article that turns to a county's
// ("吉安县人民法院召开…，县工商联副主席…") names the county's bodies so.
std::string place_of_court_before(const StageContext& ctx, std::size_t i, std::string_view level, bool same_sentence = false) {
  const int article = ctx.org_mentions[i].article;
  for (std::size_t k = i; k-- > 0 && ctx.org_mentions[k].article == article;) {
    const OrgMention& o = ctx.org_mentions[k];
    if (same_sentence && o.sentence != ctx.org_mentions[i].sentence) break;
    if (!is_court_or_procuratorate(o.kind) || o.canonical.empty() || o.cited) continue;
    if (std::string place = place_at_level(o.canonical, level); !place.empty()) return place;
  }
  return {};
}

// The province or region the page is in, by level ("省", "自治区"): of the
// city of an article's court, else of the first body of a listed city the
// document names ("石嘴山市人民检察院" -> "宁夏回族自治区"). The document's own
// is looked up once, so that many mentions cost one scan.
class PageProvince {
 public:
  explicit PageProvince(const StageContext& ctx)
      : ctx_(ctx), places_(ctx.lexicon("places")), provinces_(ctx.lexicon("place_province")) {}

  std::string at(int article, std::string_view level) {
    if (level != "省" && level != "自治区") return {};
    std::string province;
    if (article >= 0 && static_cast<std::size_t>(article) < ctx_.article_org.size())
      province = of(ctx_.article_org[static_cast<std::size_t>(article)]);
    if (province.empty()) {
      if (!document_.has_value()) {
        document_.emplace();
        for (const auto& m : ctx_.org_mentions)
          if (!(*document_ = of(m.canonical)).empty()) break;
      }
      province = *document_;
    }
    return ends_with(province, level) ? province : std::string();
  }

 private:
  // The province of the listed place `name` opens with, or "".
  std::string of(std::string_view name) const { return lookup(provinces_, longest_head(places_, name)); }

  const StageContext& ctx_;
  const Lexicon* places_;
  const Lexicon* provinces_;
  std::optional<std::string> document_;
};

// The national bodies end in no listed suffix of a placed body.
std::string national_kind(std::string_view name) {
  if (ends_with(name, "法院")) return "court";
  if (ends_with(name, "检察院")) return "procuratorate";
  return {};
}

// A mention between a citing verb and a cited word of one clause
// ("深入学习贯彻最高人民法院院长在…上的讲话精神"). The clause is looked at no
// further than kCitationWindowBytes on each side, so that a sentence without
// punctuation costs linear time however many mentions it holds.
constexpr std::size_t kCitationWindowBytes = 120 * 3;

bool is_cited(const StageContext& ctx, const OrgMention& m) {
  const Span& s = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)].normalized;
  const std::string_view sentence = ctx.sentence_text(m.sentence);
  const std::size_t begin = m.span.begin - s.begin, end = m.span.end - s.begin;
  auto is_clause_mark = [](std::string_view ch) {
    return ch == "，" || ch == "," || ch == "；" || ch == ";" || ch == "：" || ch == ":" || ch == "。";
  };
  std::size_t clause_begin = begin;
  while (clause_begin > 0 && begin - clause_begin < kCitationWindowBytes) {
    std::size_t prev = clause_begin - 1;
    while (prev > 0 && (static_cast<unsigned char>(sentence[prev]) & 0xC0) == 0x80) --prev;
    if (is_clause_mark(sentence.substr(prev, clause_begin - prev))) break;
    clause_begin = prev;
  }
  std::size_t clause_end = end;
  while (clause_end < sentence.size() && clause_end - end < kCitationWindowBytes) {
    const std::size_t n = text::decode_utf8(sentence, clause_end).length;
    if (is_clause_mark(sentence.substr(clause_end, n))) break;
    clause_end += n;
  }
  return first_entry_in(ctx.lexicon("citing_verb"), sentence.substr(clause_begin, begin - clause_begin)) != std::string_view::npos &&
         first_entry_in(ctx.lexicon("cited_word"), sentence.substr(end, clause_end - end)) != std::string_view::npos;
}

// A body named as the org of a person who comes to a meeting: "绍兴市中级人民法院
// 知识产权审判庭副庭长楼晓晨到会", "…法院环境资源审判庭庭长隆德明、…应邀出席". A
// title stands between the body and an attending verb later in its sentence.
constexpr std::size_t kVisitWindowBytes = 160 * 3;

bool is_visiting(const StageContext& ctx, const OrgMention& m) {
  const Span& s = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)].normalized;
  std::string_view after = ctx.sentence_text(m.sentence).substr(m.span.end - s.begin);
  if (after.size() > kVisitWindowBytes) {
    std::size_t cut = kVisitWindowBytes;
    while (cut > 0 && (static_cast<unsigned char>(after[cut]) & 0xC0) == 0x80) --cut;
    after = after.substr(0, cut);
  }
  if (!longest_head(ctx.lexicon("visit_here"), after).empty()) return true;  // "…法院在我县召开"
  const std::size_t verb = first_entry_in(ctx.lexicon("meeting_attend_verb"), after);
  if (verb == std::string_view::npos) return false;
  const std::string_view before_verb = after.substr(0, verb);
  const std::size_t title = first_entry_in(ctx.lexicon("title"), before_verb);
  // Nothing but the person's department and title between the body and the
  // person: "…法院召开会议，院长某某出席" is the body acting, not visiting.
  return title != std::string_view::npos && before_verb.substr(0, title).find("，") == std::string_view::npos &&
         before_verb.substr(0, title).find(",") == std::string_view::npos;
}

}  // namespace

std::span<const OrgMention> org_mentions_near(const StageContext& ctx, std::size_t begin, std::size_t end) {
  auto starting_from = [&](std::size_t pos) {
    return std::lower_bound(ctx.org_mentions.begin(), ctx.org_mentions.end(), pos,
                            [](const OrgMention& m, std::size_t p) { return m.span.begin < p; });
  };
  auto first = starting_from(begin > ctx.longest_org_mention ? begin - ctx.longest_org_mention : 0);
  auto last = std::max(first, starting_from(end));
  return {first, last};
}

std::string body_at_article_place(const StageContext& ctx, int article, std::string_view leveled_body, std::size_t pos) {
  const std::size_t level_size = text::decode_utf8(leveled_body, 0).length;  // the level opens the body's name
  const std::string_view level = leveled_body.substr(0, level_size);
  std::string place = place_at_level(ctx.org_of_article(article), level);
  if (place.empty() && pos != std::string::npos)
    if (const OrgMention* court = court_before(ctx, pos, article); court != nullptr && !court->canonical.empty())
      place = place_at_level(court->canonical, level);
  return place.empty() ? std::string() : named_at(place, leveled_body.substr(level_size));
}

namespace {

// The county of a basic court's or procuratorate's full name ("德州市陵城区人民法院"
// -> "德州市陵城区"); empty for another body: an intermediate court's or a listed
// city's procuratorate's city holds many counties.
std::string county_of(const StageContext& ctx, std::string_view body) {
  if (ends_with(body, "中级人民法院") || ends_with(body, "高级人民法院")) return {};
  for (std::string_view kind : {"人民法院", "人民检察院"})
    if (ends_with(body, kind)) {
      const std::string_view place = body.substr(0, body.size() - kind.size());
      if (kind == "人民检察院" && is_prefecture(ctx, place)) return {};  // a city's court is 中级, 儋州市人民法院 a basic one
      for (std::string_view level : {"县", "区", "市", "旗"})
        if (ends_with(place, level)) return std::string(place);
    }
  return {};
}

}  // namespace

std::string town_body_name(const StageContext& ctx, std::size_t pos, int article, std::string_view town,
                           std::string_view body) {
  // The county of the court named last before the town, else of the article's own.
  const OrgMention* before = court_before(ctx, pos, article);
  std::string county = before != nullptr ? county_of(ctx, before->canonical) : std::string();
  if (county.empty()) county = county_of(ctx, ctx.org_of_article(article));
  // A town written after its county ("隆阳区潞江镇") names it: the county's full
  // form where it is the one found, else the words as they stand. (The level in
  // 旧县镇 is the town's own stem.)
  std::string_view stem = town;
  for (std::string_view unit : {"苏木", "街道", "镇", "乡"})
    if (ends_with(stem, unit)) {
      stem.remove_suffix(unit.size());
      break;
    }
  std::size_t own_county = 0;
  for (std::string_view level : {"县", "区", "市", "旗"})
    if (const std::size_t at = stem.rfind(level); at != std::string_view::npos && at + level.size() < stem.size())
      own_county = std::max(own_county, at + level.size());
  if (own_county > 0) {
    const std::string_view written = town.substr(0, own_county);
    if (!ends_with(county, written)) return named_at(town, body);
    town.remove_prefix(own_county);
  }
  return county.empty() ? std::string() : named_at(county + std::string(town), body);
}

const OrgMention* court_before(const StageContext& ctx, std::size_t pos, int article) {
  auto it = std::lower_bound(ctx.org_mentions.begin(), ctx.org_mentions.end(), pos,
                             [](const OrgMention& m, std::size_t p) { return m.span.begin < p; });
  if (it == ctx.org_mentions.begin()) return nullptr;
  --it;
  if (it->article != article || it->last_named_court < 0) return nullptr;
  return &ctx.org_mentions[static_cast<std::size_t>(it->last_named_court)];
}

const OrgMention* court_before(const StageContext& ctx, std::size_t pos, int article, std::string_view kind) {
  const OrgMention* m = court_before(ctx, pos, article);
  // Back along the chain of named courts and procuratorates of the article.
  while (m != nullptr && !kind.empty() && m->kind != kind) {
    const std::size_t i = static_cast<std::size_t>(m - ctx.org_mentions.data());
    if (i == 0) return nullptr;
    const OrgMention& previous = ctx.org_mentions[i - 1];
    if (previous.article != article || previous.last_named_court < 0) return nullptr;
    m = &ctx.org_mentions[static_cast<std::size_t>(previous.last_named_court)];
  }
  return m;
}

// True when `between` holds a clause mark: what stands on either side is not one phrase.
bool crosses_clause(std::string_view between) {
  for (std::string_view mark : {",", "，", "。", ";", "；"})
    if (between.find(mark) != std::string_view::npos) return true;
  return false;
}

// In a transcript, the speaker whose turn holds `m` and the speaker's court: the turn
// opens with the speaker's label ("【辜晓岚】"), and the speaker was introduced earlier in
// the article after a court's name ("普宁市人民法院副院长辜晓岚").
struct Turn {
  bool named = false;              // `m` is in a turn of a speaker named alone
  const OrgMention* court = nullptr;  // the speaker's court, when the article tells it
};

Turn turn_of(const StageContext& ctx, const OrgMention& m) {
  const auto& paragraphs = ctx.doc.paragraphs();
  if (m.article < 0 || static_cast<std::size_t>(m.article) >= ctx.articles.size()) return {};
  const int first = ctx.articles[static_cast<std::size_t>(m.article)].first_paragraph;
  const int here = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)].paragraph;
  constexpr int kTurnParagraphs = 12;  // a turn is a few paragraphs long
  std::string label;
  std::size_t label_at = 0;
  for (int p = here; p >= first && p > here - kTurnParagraphs && label.empty(); --p) {
    const Span& span = paragraphs[static_cast<std::size_t>(p)].normalized;
    const std::string_view paragraph = std::string_view(ctx.doc.text()).substr(span.begin, span.size());
    if (RE2::PartialMatch(re2::StringPiece(paragraph.data(), paragraph.size()), ctx.pattern("organizations.turn_label"), &label))
      label_at = span.begin;
  }
  // The nearest label opens the turn; one that is no bare name (the host's, a reporter's) names no court.
  if (label.empty() || !RE2::FullMatch(label, ctx.pattern("organizations.speaker_name"))) return {};
  // Where the article introduced the speaker: a court or procuratorate named a few
  // characters (the titles) before the name, in the same sentence.
  const Span& article_start = paragraphs[static_cast<std::size_t>(first)].normalized;
  const std::string_view text = ctx.doc.text();
  constexpr std::size_t kTitleBytes = 14 * 3;
  for (std::size_t at = text.find(label, article_start.begin); at != std::string_view::npos && at < label_at;
       at = text.find(label, at + label.size())) {
    const OrgMention* found = nullptr;
    for (const auto& o : org_mentions_near(ctx, at > kTitleBytes ? at - kTitleBytes : 0, at))
      if (o.span.end <= at && at - o.span.end <= kTitleBytes && is_court_or_procuratorate(o.kind) && !o.canonical.empty() &&
          !crosses_clause(text.substr(o.span.end, at - o.span.end)))
        found = &o;
    if (found != nullptr) return {true, found};
  }
  return {true, nullptr};
}

void resolve_organizations(StageContext& ctx) {
  std::vector<WorkRecord*> records;
  for (auto& r : ctx.records)
    if (!r.dropped && (r.type == "organization" || r.type == "org_reference")) records.push_back(&r);

  // Mentions as written, with what their words say.
  ctx.org_mentions.clear();
  ctx.longest_org_mention = 0;
  std::vector<Reading> readings;
  for (WorkRecord* r : records) {
    OrgMention m;
    m.span = r->span;
    m.surface = r->fields.text("name").value_or(std::string(ctx.text(*r)));
    m.kind = r->fields.text("kind").value_or("other");
    m.sentence = r->sentence;
    m.article = r->article;
    Reading reading = m.kind == "reference" ? Reading{} : read_mention(ctx, m.surface);
    if (!reading.needs_full_form) m.canonical = reading.candidate;
    // The kind follows from the full name: "最高法" is a court.
    if (m.kind != "reference" && !reading.candidate.empty()) {
      const std::string_view suffix = longest_tail(ctx.lexicon("org_suffix"), reading.candidate);
      if (std::string kind = lookup(ctx.lexicon("org_suffix"), suffix); !kind.empty()) m.kind = kind;
      else if (std::string kind = national_kind(reading.candidate); !kind.empty()) m.kind = kind;
    }
    m.cited = m.kind != "reference" && is_cited(ctx, m);
    if (m.cited) ctx.note("organizations: '{}' at {} is cited, not acting", m.surface, m.span.begin);
    ctx.longest_org_mention = std::max(ctx.longest_org_mention, m.span.size());
    ctx.org_mentions.push_back(std::move(m));
    readings.push_back(std::move(reading));
  }

  // "沾益区院": the body of that place of the same kind as the article's own
  // (its first court or procuratorate), or nothing in an article without one.
  std::map<int, std::string> home_kinds;
  for (const auto& m : ctx.org_mentions)
    if (is_court_or_procuratorate(m.kind) && !m.canonical.empty()) home_kinds.try_emplace(m.article, m.kind);
  // Read so, it is a short form as any other: "市院" is "市人民检察院", whose
  // full form the document gives.
  for (std::size_t i = 0; i < ctx.org_mentions.size(); ++i) {
    OrgMention& m = ctx.org_mentions[i];
    if (m.kind != "branch") continue;
    const auto home = home_kinds.find(m.article);
    const std::string& written = readings[i].candidate;
    const std::string place = written.substr(0, written.size() - std::string_view("院").size());
    m.kind = home == home_kinds.end() ? std::string("other") : home->second;
    const std::string body = m.kind == "court" ? "人民法院" : "人民检察院";
    const std::string named = home == home_kinds.end() ? std::string() : place + body;
    if (readings[i].needs_full_form) {
      readings[i] = {named, true, {}, readings[i].level, body};
    } else {
      m.canonical = named;
    }
    ctx.note("organizations: '{}' is '{}'", m.surface, named);
  }

  // Short forms take the longer full form the document gives, written out or
  // named by a listed place's stem ("娄底中院": "市中院" after it is that court).
  FullForms full_forms;
  for (std::size_t i = 0; i < ctx.org_mentions.size(); ++i) {
    const OrgMention& m = ctx.org_mentions[i];
    const bool stem_named = readings[i].listed_stem && m.canonical == readings[i].candidate;
    if (!m.canonical.empty() && (m.surface == m.canonical || stem_named)) full_forms[m.canonical].push_back(m.span.begin);
  }
  std::unordered_map<std::string, std::vector<const FullForms::value_type*>> longer_forms;  // by candidate
  std::map<std::pair<int, std::string>, std::string> dateline_places;  // by article and level
  auto dateline_place_of = [&](int article, const std::string& level) -> const std::string& {
    const std::pair<int, std::string> key{article, level};
    auto found = dateline_places.find(key);
    if (found == dateline_places.end()) found = dateline_places.emplace(key, dateline_place(ctx, article, level)).first;
    return found->second;
  };
  for (std::size_t i = 0; i < ctx.org_mentions.size(); ++i) {
    OrgMention& m = ctx.org_mentions[i];
    if (m.kind == "reference" || readings[i].candidate.empty()) continue;
    std::string longer;
    if (!readings[i].stem.empty()) {
      longer = stem_full_form(full_forms, readings[i].stem, m.span.begin);
    } else if (readings[i].level == "市") {
      // "市检察院" on a page that names a county-level city's too (宣威市) is the prefecture's;
      // in a work report, the reporting body's (named first) over a neighbour city's named near.
      auto fits = [&](const std::string& name, const auto&) {
        return name.size() > readings[i].candidate.size() && ends_with(name, readings[i].candidate) &&
               is_prefecture(ctx, std::string_view(name).substr(0, name.size() - readings[i].body.size()));
      };
      longer = ctx.work_report ? nearest_full_form(full_forms, 0, fits) : nearest_full_form(full_forms, m.span.begin, fits);
    }
    if (longer.empty() && readings[i].stem.empty()) {
      const auto [from, to] = article_bytes(ctx, m.article);
      auto found = longer_forms.find(readings[i].candidate);
      if (found == longer_forms.end())
        found = longer_forms.emplace(readings[i].candidate, longer_full_forms(full_forms, readings[i].candidate)).first;
      longer = longer_full_form(found->second, m.span.begin, from, to);
    }
    // "县人民检察院" in an article datelined "凤凰讯" that writes 凤凰县 is that county's,
    // not another county's the page names in full (来凤县人民检察院). Each article and
    // level is looked up once: the article's text is searched for the place.
    if (!longer.empty() && !readings[i].level.empty() && readings[i].level != "省" && readings[i].level != "自治区")
      if (const std::string& place = dateline_place_of(m.article, readings[i].level); !place.empty()) {
        const std::string_view stem = std::string_view(place).substr(0, place.size() - readings[i].level.size());
        if (longer.find(stem) == std::string::npos) longer = named_at(place, readings[i].body);
      }
    if (!longer.empty()) {
      ctx.note("organizations: '{}' is '{}' (full form in the document)", m.surface, longer);
      m.canonical = std::move(longer);
    } else if (readings[i].needs_full_form) {
      ctx.note("organizations: '{}' names no single body the document identifies", m.surface);
    }
  }

  for (auto& m : ctx.org_mentions)
    if (is_court_or_procuratorate(m.kind) && !m.canonical.empty()) m.canonical = without_province(ctx, m.canonical);

  // A district's court named without its city ("金州区人民检察院") on the
  // page of one city's bodies takes that city: the text lets it be known. On a
  // page of several cities, it takes the one city whose bodies its article names
  // ("拉萨市人民检察院…城关区人民检察院" in an article that names no other city's).
  const std::string page_city = single_city(ctx);
  std::map<int, std::string> article_city;  // article -> its one city, or "" for several
  if (page_city.empty())
    for (const auto& m : ctx.org_mentions)
      if (const std::string_view c = city_of_body(m.canonical); !c.empty() && is_prefecture(ctx, c))
        if (auto [it, fresh] = article_city.try_emplace(m.article, c); !fresh && it->second != c) it->second.clear();
  for (auto& m : ctx.org_mentions) {
    if (!is_bare_district_body(ctx, m.canonical)) continue;
    const auto own = article_city.find(m.article);
    const std::string city = !page_city.empty() ? page_city : own != article_city.end() ? own->second : std::string();
    if (city.empty()) continue;
    ctx.note("organizations: '{}' is of {}, the {}", m.canonical, city, page_city.empty() ? "one city its article names" : "page's city");
    m.canonical = city + m.canonical;
  }
  // A district the page places in one city anywhere ("拉萨市城关区人民检察院",
  // "日照市岚山区人民法院") is of that city also where its article names none, as are its
  // party committees ("中共岚山区委政法委员会"); one the page places nowhere (or in two
  // cities) is of the city the word list places it in (lexicons/district_cities.tsv:
  // "临渭区人民法院" is 渭南市临渭区人民法院).
  const std::map<std::string, std::string> district_city = districts_placed(ctx);
  constexpr std::string_view kParty = "中共";
  for (auto& m : ctx.org_mentions) {
    const std::string_view name = std::string_view(m.canonical).substr(m.canonical.starts_with(kParty) ? kParty.size() : 0);
    const std::size_t at = name.find("区");
    if (at == std::string_view::npos) continue;
    if (!is_bare_district_body(ctx, name) && !(m.canonical.starts_with(kParty) && name.substr(at).starts_with("区委")))
      continue;
    const std::string district(name.substr(0, at + std::string_view("区").size()));
    const auto placed = district_city.find(district);
    const bool on_page = placed != district_city.end() && !placed->second.empty();
    const std::string city = on_page ? placed->second : lookup(ctx.lexicon("district_city"), district);
    if (city.empty()) continue;
    ctx.note("organizations: '{}' is of {}, where the {} places its district", m.canonical, city, on_page ? "page" : "word list");
    m.canonical = std::string(m.canonical.substr(0, m.canonical.size() - name.size())) + city + std::string(name);
  }

  // The article's court: its first court or procuratorate mention, not
  // counting the signature of a quote at the head of the page ("——…检察长某某").
  ctx.article_org.assign(ctx.articles.size(), std::string());
  std::vector<char> article_seen(ctx.articles.size(), 0);
  std::vector<std::string> home_kind(ctx.articles.size());  // article index -> its court's kind
  auto in_signature = [&](const OrgMention& m) {
    const auto& sentence = ctx.doc.sentences()[static_cast<std::size_t>(m.sentence)];
    const Span& p = ctx.doc.paragraphs()[static_cast<std::size_t>(sentence.paragraph)].normalized;
    return std::string_view(ctx.doc.text()).substr(p.begin, p.size()).starts_with("——");
  };
  for (std::size_t i = 0; i < ctx.org_mentions.size(); ++i) {
    const OrgMention& m = ctx.org_mentions[i];
    if (m.article < 0 || static_cast<std::size_t>(m.article) >= ctx.articles.size()) continue;
    // A court named by its level alone and not yet placed ("县人民法院" in a congress's
    // report) is none the article is by; the courts of a city together ("鄂尔多斯法院") are.
    if (!is_court_or_procuratorate(m.kind) || m.cited || article_seen[static_cast<std::size_t>(m.article)] != 0 ||
        in_signature(m) || (m.canonical.empty() && !readings[i].level.empty()))
      continue;
    article_seen[static_cast<std::size_t>(m.article)] = 1;
    ctx.article_org[static_cast<std::size_t>(m.article)] = m.canonical;
    home_kind[static_cast<std::size_t>(m.article)] = m.kind;
  }

  PageProvince page_province(ctx);
  // Each article's first local party or government body named with its place (a congress
  // standing committee, a party committee's commission: "蒙城县委政法委"), and the
  // document's, for the courts such a body's page names by level alone.
  std::map<int, std::string> local_body_of_article;
  std::string local_body_of_page;
  for (const auto& m : ctx.org_mentions)
    if ((m.kind == "party" || m.kind == "government") && !m.canonical.empty() && !m.cited &&
        std::any_of(std::begin(kLocalLevels), std::end(kLocalLevels),
                    [&](std::string_view level) { return !place_at_level_of_body(m.canonical, level).empty(); })) {
      local_body_of_article.try_emplace(m.article, m.canonical);
      if (local_body_of_page.empty()) local_body_of_page = m.canonical;
    }
  // "区人大常委会", "市人社局": a body of the place its article's court is of,
  // at the level named ("重庆市綦江区人民法院" -> "重庆市綦江区人民代表大会常务委员会").
  // So is the other branch ("市人民检察院" in a court's article); the court's own
  // branch at a level ("市法院") is left to the stages that know the page.
  for (std::size_t i = 0; i < ctx.org_mentions.size(); ++i) {
    OrgMention& m = ctx.org_mentions[i];
    // (A province's own branch is another body all the same: "省人民检察院" in a city procuratorate's article.)
    const bool province = readings[i].level == "省";
    if (!m.canonical.empty() || !readings[i].needs_full_form || m.article < 0 ||
        static_cast<std::size_t>(m.article) >= ctx.article_org.size() ||
        (is_court_or_procuratorate(m.kind) && m.kind == home_kind[static_cast<std::size_t>(m.article)] && !province))
      continue;
    // The court that convenes in the mention's own sentence comes first ("桂平市人民法院召开…，
    // 市工商联副主席…参加": 桂平市's), then the article's own.
    std::string place = place_of_court_before(ctx, i, readings[i].level, true);
    if (place.empty()) place = place_at_level(ctx.article_org[static_cast<std::size_t>(m.article)], readings[i].level);
    if (place.empty()) place = place_of_court_before(ctx, i, readings[i].level);
    // A congress's report, or a party commission's page, names no court of its own: the
    // place of the body whose page it is, and the courts it reports on are no guests there.
    bool reported_on = false;
    if (place.empty()) {
      const auto home = local_body_of_article.find(m.article);
      const std::string& body = home != local_body_of_article.end() ? home->second : local_body_of_page;
      reported_on = !(place = place_at_level_of_body(body, readings[i].level)).empty();
    }
    if (place.empty()) place = page_province.at(m.article, readings[i].level);
    if (place.empty()) continue;
    m.canonical = named_at(place, readings[i].body);
    m.guest = is_court_or_procuratorate(m.kind) && !reported_on;
    ctx.note("organizations: '{}' is of the article's place: '{}'", m.surface, m.canonical);
  }

  // "常委会副主任…": the body with that name's end the document names nearest before
  // it (its place found above, "市人大常委会" included), else nearest after it.
  for (std::size_t i = 0; i < ctx.org_mentions.size(); ++i) {
    OrgMention& m = ctx.org_mentions[i];
    if (!readings[i].placeless || !m.canonical.empty()) continue;
    const auto names_it = [&](std::size_t j) { return ends_with(ctx.org_mentions[j].canonical, readings[i].candidate); };
    std::optional<std::size_t> found;
    for (std::size_t j = i; j-- > 0 && !found;)
      if (names_it(j)) found = j;
    for (std::size_t j = i + 1; j < ctx.org_mentions.size() && !found; ++j)
      if (names_it(j)) found = j;
    if (!found) continue;
    m.canonical = ctx.org_mentions[*found].canonical;
    ctx.note("organizations: '{}' is '{}', the one the document names nearest", m.surface, m.canonical);
  }

  // "自治区人民检察院": the region the page is about, named when the city of a
  // body the document names lets it be known.
  constexpr std::string_view kRegion = "自治区";
  for (auto& m : ctx.org_mentions)
    if (m.canonical.starts_with(kRegion))
      if (const std::string region = page_province.at(m.article, kRegion); !region.empty()) {
        m.canonical = region + m.canonical.substr(kRegion.size());
        ctx.note("organizations: '{}' is of the page's region: '{}'", m.surface, m.canonical);
      }

  // A court that only sends a person to a meeting ("…中级人民法院副庭长某某到会")
  // or comes to the writer's place ("州中院在我县召开…", named or not) is a
  // guest in another court's article.
  for (auto& m : ctx.org_mentions)
    if (!m.guest && is_court_or_procuratorate(m.kind) && m.article >= 0 &&
        static_cast<std::size_t>(m.article) < ctx.article_org.size() &&
        m.canonical != ctx.article_org[static_cast<std::size_t>(m.article)] && is_visiting(ctx, m)) {
      m.guest = true;
      ctx.note("organizations: '{}' at {} only sends a person or visits: a guest", m.surface, m.span.begin);
    }

  // "该院", "院党组": the last court named before it in the article, else the
  // article's court; "我院", "本院" (org_self_reference): the article's court.
  // One pass in text order, which also records for each mention the last
  // named court up to it (for court_before).
  std::vector<std::string> article_kind(ctx.articles.size(), "court");
  for (const auto& m : ctx.org_mentions)
    if (m.kind != "reference" && m.article >= 0 && static_cast<std::size_t>(m.article) < ctx.articles.size() &&
        !m.canonical.empty() && m.canonical == ctx.article_org[static_cast<std::size_t>(m.article)])
      article_kind[static_cast<std::size_t>(m.article)] = m.kind;
  int last_named = -1;
  int last_article = -1;
  for (std::size_t i = 0; i < ctx.org_mentions.size(); ++i) {
    OrgMention& m = ctx.org_mentions[i];
    if (m.article != last_article) last_named = -1;
    last_article = m.article;
    if (m.kind == "reference") {
      const bool in_range = m.article >= 0 && static_cast<std::size_t>(m.article) < ctx.article_org.size();
      const bool own = in_range && !ctx.article_org[static_cast<std::size_t>(m.article)].empty() &&
                       !lookup(ctx.lexicon("org_self_reference"), m.surface).empty();
      // "【辜晓岚】…我院…": the court of who speaks, else (a speaker whose court the
      // article does not tell) the article's own.
      const Turn turn = !lookup(ctx.lexicon("org_self_reference"), m.surface).empty() ? turn_of(ctx, m) : Turn{};
      if (turn.court != nullptr) {
        m.canonical = turn.court->canonical;
        m.kind = turn.court->kind;
      } else if (last_named >= 0 && !own && !(turn.named && in_range && !ctx.article_org[static_cast<std::size_t>(m.article)].empty())) {
        const OrgMention& antecedent = ctx.org_mentions[static_cast<std::size_t>(last_named)];
        m.canonical = antecedent.canonical;
        m.kind = antecedent.kind;
      } else if (in_range && !ctx.article_org[static_cast<std::size_t>(m.article)].empty()) {
        m.canonical = ctx.article_org[static_cast<std::size_t>(m.article)];
        m.kind = article_kind[static_cast<std::size_t>(m.article)];
      }
      ctx.note("organizations: '{}' at {} refers to '{}'", m.surface, m.span.begin, m.canonical);
    }
    if (!m.canonical.empty() && is_court_or_procuratorate(m.kind) && !m.cited && !m.guest) last_named = static_cast<int>(i);
    m.last_named_court = last_named;
  }

  // One record per body: its first named mention carries the spans of the
  // others, references included (they stay as internal records, resolved,
  // for `reportex explain`).
  std::map<std::string, WorkRecord*> first_of;
  std::map<std::string, std::vector<std::string>> aliases_of;
  for (std::size_t i = 0; i < records.size(); ++i) {
    WorkRecord* r = records[i];
    const OrgMention& m = ctx.org_mentions[i];
    const bool reference = r->type == "org_reference";
    if (m.canonical.empty()) {
      r->dropped = true;
      continue;
    }
    auto& aliases = aliases_of[m.canonical];
    if (m.surface != m.canonical && std::find(aliases.begin(), aliases.end(), m.surface) == aliases.end())
      aliases.push_back(m.surface);
    r->fields.set("name", m.canonical);
    r->fields.set("kind", m.kind);
    auto it = first_of.find(m.canonical);
    if (it != first_of.end()) {
      it->second->mentions.push_back(r->span);
      r->dropped = !reference;
    } else if (!reference) {
      first_of.emplace(m.canonical, r);
    }
  }
  for (auto& [name, r] : first_of) {
    const auto& aliases = aliases_of[name];
    if (aliases.empty()) r->fields.erase("aliases");
    else r->fields.set("aliases", aliases);
  }
}

}  // namespace reportex::internal
