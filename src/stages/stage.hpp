#pragma once
// Linking stages: small named steps that run after matching, over all the
// records of one document, each adding what one rule cannot see (the
// article's court, the year in force, a meeting's presider two sentences on).

#include "extract/matcher.hpp"
#include "rules/pack.hpp"

#include <reportex/document.hpp>

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace reportex::internal {

/// A record while the stages work on it; spans are in the normalized text.
struct WorkRecord {
  std::string type;
  Span span;
  int sentence = 0;
  int paragraph = 0;
  int article = 0;
  const Rule* rule = nullptr;
  Fields fields;
  std::vector<Span> mentions;  // further spans merged into this record
  bool dropped = false;        // removed by a stage (merged into another, or rejected)
};

/// A run of paragraphs that belong to one news item or signed article.
struct Article {
  int first_paragraph = 0;
  int last_paragraph = 0;  // inclusive
};

/// A mention of a court, procuratorate or other body, as the organizations
/// stage resolved it ("该院" resolves to the court it refers back to).
struct OrgMention {
  Span span;
  std::string surface;    // as written: "赤峰市中院", "该院"
  std::string canonical;  // full name, or empty when the text does not say which body
  std::string kind;       // court, procuratorate, party, government, other
  int sentence = 0;
  int article = 0;
  // Index in org_mentions of the last court or procuratorate mention with a
  // canonical name at or before this one in its article (-1: none); what
  // court_before() reads, so that it takes logarithmic time.
  int last_named_court = -1;
  // Quoted as the source of guidance ("学习贯彻最高人民法院…讲话精神"): not the
  // body acting, so neither an antecedent of "该院" nor the article's court.
  bool cited = false;
  // The other branch named by its level alone ("区人民检察院" in a court's
  // article), placed at the article's place: a guest, never the antecedent of "该院".
  bool guest = false;
};

struct StageContext {
  StageContext(const Document& d, const RuleSet::Impl& p, std::vector<WorkRecord>& r) : doc(d), pack(p), records(r) {}

  const Document& doc;
  const RuleSet::Impl& pack;
  std::vector<WorkRecord>& records;  // sorted by span.begin
  std::vector<Article> articles;
  std::vector<int> paragraph_article;  // paragraph index -> article index
  std::vector<std::string>* log = nullptr;  // set by Extractor::explain

  // Filled by the organizations stage, sorted by span.begin.
  std::vector<OrgMention> org_mentions;
  std::size_t longest_org_mention = 0;  // bytes, for org_mentions_near()
  std::vector<std::string> article_org;  // article index -> its court (or empty)
  /// The court of an article, or "" for none (or no such article).
  const std::string& org_of_article(int article) const {
    static const std::string kNone;
    return article >= 0 && static_cast<std::size_t>(article) < article_org.size() ? article_org[static_cast<std::size_t>(article)]
                                                                                  : kNone;
  }

  // Filled by the dates stage for the stages after it.
  std::optional<CivilDate> reference_date;
  int reference_year = 0;
  bool year_inferred = false;
  bool work_report = false;  // "…法院工作报告": the reporting body speaks of itself throughout

  std::string_view text(const WorkRecord& r) const { return std::string_view(doc.text()).substr(r.span.begin, r.span.size()); }
  std::string_view sentence_text(int sentence) const {
    const Span& s = doc.sentences()[static_cast<std::size_t>(sentence)].normalized;
    return std::string_view(doc.text()).substr(s.begin, s.size());
  }
  const Lexicon* lexicon(std::string_view name) const { return pack.lexicon(name); }
  /// A pattern of the pack's [stages.STAGE] table: "meetings.count_first".
  const RE2& pattern(std::string_view name) const { return pack.stage_pattern(name); }

  /// Records a linking decision for `reportex explain`.
  template <typename... Args>
  void note(fmt::format_string<Args...> format, Args&&... args) {
    if (log != nullptr) log->push_back(fmt::format(format, std::forward<Args>(args)...));
  }
};

/// The kept candidates as the stages take them: in text order (records that
/// start together in the pack order of their rules). Their fields are moved
/// out unless `keep_fields` (an explanation still lists the candidates).
std::vector<WorkRecord> work_records(const Document& doc, std::vector<MatchCandidate>& candidates, bool keep_fields);

/// True when the date `date` is one a figure is compared with or changed from
/// ("较2019年增长", "由去年底的112个增至147个"): the words before it say so (the
/// pack's dates.comparison_before). The text does not go on in its year, and the
/// figures after it are not of its period (dates.cpp).
bool is_base_of_comparison(const StageContext& ctx, const WorkRecord& date);

/// The most recent court or procuratorate mention with a canonical name that
/// starts before `pos` in article `article` ("该院" mentions count, resolved to
/// their antecedent); nullptr when there is none. Valid after the
/// organizations stage (organizations.cpp).
const OrgMention* court_before(const StageContext& ctx, std::size_t pos, int article);
// The same, of one kind ("court", "procuratorate"; empty: either): a 检察长 after a list
// that ends with a court is of the procuratorate named before it.
const OrgMention* court_before(const StageContext& ctx, std::size_t pos, int article, std::string_view kind);

/// The org mentions that may overlap [begin, end), in text order: those
/// starting before `end` and not so early that they must end before `begin`.
/// Valid after the organizations stage (organizations.cpp).
std::span<const OrgMention> org_mentions_near(const StageContext& ctx, std::size_t begin, std::size_t end);

/// The full name of a body named with the level it is of ("区人民政府"): the body of
/// the place of article `article`'s court at that level ("重庆市綦江区人民政府"), else,
/// given `pos`, of the court or procuratorate the article names last before it (a
/// congress's report on "旗人民法院"); empty when neither has a place at that level.
/// Valid after the organizations stage (organizations.cpp).
std::string body_at_article_place(const StageContext& ctx, int article, std::string_view leveled_body,
                                  std::size_t pos = std::string::npos);

/// The full name of `body` ("司法所", "中共{place}委员会") of `town` ("水口镇"),
/// written at `pos` in article `article`, in the county of the basic court or
/// procuratorate named last before it, else of the article's own ("龙州县水口镇
/// 司法所"); empty when neither is a county's. Valid after the organizations
/// stage (organizations.cpp).
std::string town_body_name(const StageContext& ctx, std::size_t pos, int article, std::string_view town,
                           std::string_view body);

using StageFunction = void (*)(StageContext&);

struct Stage {
  const char* name;
  StageFunction run;
};

/// The stages, in the order they run.
const std::vector<Stage>& pipeline();

// Each stage lives in its own file under src/stages/, and runs in this order.
void split_articles(StageContext& ctx);       // articles.cpp
void resolve_organizations(StageContext& ctx);  // organizations.cpp: org_mentions, article_org, organization records
void resolve_dates(StageContext& ctx);        // dates.cpp: reference date, date values
void link_people(StageContext& ctx);          // people.cpp: person org, role, merging mentions
void attribute_counts(StageContext& ctx);     // attribution.cpp: org and period of counts
void link_meetings(StageContext& ctx);        // meetings.cpp: meeting frames across sentences

}  // namespace reportex::internal
