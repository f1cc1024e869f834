// The dates stage: finds the document's reference date and resolves every
// `date` record against it, the way a reader of the report does.
//
// The reference comes from the caller when given (DocumentOptions), else from
// the document, in this order:
//   1. a page date: a full date printed with the page ("2025年06月27日 05版",
//      "发布时间：2025-06-16", a line holding only the date, or a date with its
//      clock time, as a WeChat article's stamp "2025年12月12日 18:06");
//   2. a dateline date ("**兴安讯** 7月3日，", "本报北京3月5日电"); a yearless
//      one takes its year from 3.-4.;
//   3. the explicit full dates of the text (the latest one in the text's year);
//   4. the years the text talks about: the most frequent explicit year, or a
//      year after it when the text names that too (a meeting that sums up
//      2023 and plans 2024 is reported in 2024).
// Page and dateline dates with their own year count as a given reference
// (year_source "reference"); everything found by 2.-4. otherwise is
// "inferred".
//
// A date whose year cannot be known (no reference and no year anywhere in
// the text) keeps its record with value null: SCHEMA.md says a field the
// extractor cannot determine is null, never guessed, and the record still
// tells the reader that a date was mentioned and of which granularity.
#include "convert/calendar.hpp"
#include "stages/stage.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reportex::internal {
namespace {

struct DateMentionAt {
  WorkRecord* record;
  CalendarExpr expr;
};

std::string_view sentence_before(const StageContext& ctx, const WorkRecord& r) {
  const Span& s = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  return std::string_view(ctx.doc.text()).substr(s.begin, r.span.begin - s.begin);
}

std::string_view sentence_after(const StageContext& ctx, const WorkRecord& r) {
  const Span& s = ctx.doc.sentences()[static_cast<std::size_t>(r.sentence)].normalized;
  return std::string_view(ctx.doc.text()).substr(r.span.end, s.end - r.span.end);
}

// True when `r` stands in a section heading: a short line of its own with no clause
// mark ("二、今年工作安排", "2026年工作打算").
bool in_heading(const StageContext& ctx, const WorkRecord& r) {
  constexpr std::size_t kMaxHeadingBytes = 24 * 3;
  const auto& sentences = ctx.doc.sentences();
  const std::size_t k = static_cast<std::size_t>(r.sentence);
  const bool alone = (k == 0 || sentences[k - 1].paragraph != sentences[k].paragraph) &&
                     (k + 1 == sentences.size() || sentences[k + 1].paragraph != sentences[k].paragraph);
  const std::string_view line = std::string_view(ctx.doc.text()).substr(sentences[k].normalized.begin, sentences[k].normalized.size());
  return alone && line.size() <= kMaxHeadingBytes && line.find(',') == std::string_view::npos &&
         line.find("。") == std::string_view::npos;
}

// Where the clause holding `r` ends: at the first comma or semicolon after it
// in its sentence, or with the sentence.
std::size_t clause_end(const StageContext& ctx, const WorkRecord& r) {
  const std::string_view after = sentence_after(ctx, r);
  std::size_t end = after.size();
  for (std::string_view mark : {"，", ",", "；", ";"}) end = std::min(end, after.find(mark));
  return r.span.end + end;
}

bool partial_match(std::string_view text, const RE2& re) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

// The date closing a bulletin's issue line after the issuing body and wide
// spacing, or alone on its line under the issuing body's, read on the printed lines.
bool is_issue_line_date(const StageContext& ctx, const WorkRecord& r) {
  const std::string_view original = ctx.doc.original();
  const Span at = ctx.doc.original_span(r.span);
  auto line_start = [&](std::size_t pos) {
    const std::size_t nl = pos == 0 ? std::string_view::npos : original.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  const std::size_t line_begin = line_start(at.begin);
  const std::size_t line_end = std::min(original.find('\n', at.end), original.size());
  const std::string_view before = original.substr(line_begin, at.begin - line_begin);
  if (!partial_match(original.substr(at.end, line_end - at.end), ctx.pattern("dates.issuer_line_after"))) return false;
  if (partial_match(before, ctx.pattern("dates.issuer_line_before"))) return true;
  if (line_begin == 0 || !partial_match(before, ctx.pattern("dates.issuer_line_after"))) return false;
  const std::size_t above = line_start(line_begin - 1);
  std::string_view signer = original.substr(above, line_begin - 1 - above);
  if (signer.ends_with('\r')) signer.remove_suffix(1);
  return partial_match(signer, ctx.pattern("dates.signer_line"));
}

// A full date printed as the page's or the web page's date (the words around
// it are the pack's: [stages.dates] in dates.toml).
bool is_page_date(const StageContext& ctx, const WorkRecord& r) {
  // The date alone on its line, maybe with the weekday or brackets around it.
  static const RE2 alone_before(R"(^[\s(]*$)");
  // A publication stamp: the date with its clock time ("原创 织金法院 2025年12月12日 18:06 贵州").
  static const RE2 clock_after(R"(^\s*[0-2]?[0-9]:[0-5][0-9])");
  // A report's subtitle: the day it was delivered, dashes before it (its title may
  // stand before them in the same sentence: "…法院工作报告——2025年1月8日在…会议上").
  static const RE2 subtitle_before(R"([—–-]+\s*$)");
  std::string_view before = sentence_before(ctx, r), after = sentence_after(ctx, r);
  return partial_match(after, ctx.pattern("dates.page_number_after")) ||
         partial_match(before, ctx.pattern("dates.label_before")) || partial_match(after, clock_after) ||
         (partial_match(before, subtitle_before) && partial_match(after, ctx.pattern("dates.session_after"))) ||
         (partial_match(before, alone_before) && partial_match(after, ctx.pattern("dates.alone_after"))) ||
         partial_match(after, ctx.pattern("dates.issued_after")) ||
         is_issue_line_date(ctx, r);
}

// The date right after a dateline mark ("**兴安讯** 7月3日") or before 电
// ("新华社北京3月5日电").
bool is_dateline_date(const StageContext& ctx, const WorkRecord& r) {
  return partial_match(sentence_after(ctx, r), ctx.pattern("dates.news_agency_after")) ||
         partial_match(sentence_before(ctx, r), ctx.pattern("dates.dateline_mark_before"));
}

// A date a thing is to be done by ("2026年1月31日前"), not one a figure runs to ("截至2025年9月底").
bool is_deadline(const StageContext& ctx, const DateMentionAt& d) {
  constexpr std::string_view kBefore = "前";
  const std::string_view text = ctx.text(*d.record);
  return d.expr.kind == CalendarKind::until && text.size() >= kBefore.size() &&
         text.substr(text.size() - kBefore.size()) == kBefore;
}

// The year the text talks about: the most frequent explicit year (the later
// one on a tie), or the latest year named at most one year after it. A
// deadline ("2026年1月31日前") tells what is still to come, not when the text is.
int year_of_text(const StageContext& ctx, const std::vector<DateMentionAt>& dates) {
  std::map<int, int> count;
  for (const auto& d : dates)
    if (d.expr.start.year && !is_deadline(ctx, d)) ++count[*d.expr.start.year];
  if (count.empty()) return 0;
  int frequent = 0, best = 0;
  for (const auto& [year, n] : count)
    if (n >= best) frequent = year, best = n;
  int year = frequent;
  for (const auto& entry : count)
    if (entry.first == frequent + 1) year = entry.first;
  return year;
}

struct FoundReference {
  DateReference ref;
  std::string how;
};

FoundReference find_reference(const StageContext& ctx, const std::vector<DateMentionAt>& dates) {
  FoundReference found;
  if (const auto& given = ctx.doc.reference_date()) {
    found.ref = DateReference{*given, given->year, false};
    found.how = "given by the caller";
    return found;
  }
  for (const auto& d : dates) {
    if (auto date = full_date(d.expr); date && d.expr.kind == CalendarKind::point && is_page_date(ctx, *d.record)) {
      found.ref = DateReference{*date, date->year, false};
      found.how = fmt::format("page date '{}'", ctx.text(*d.record));
      return found;
    }
  }
  const DateMentionAt* dateline = nullptr;
  for (const auto& d : dates) {
    const CalendarPoint& p = d.expr.start;
    if (d.expr.kind == CalendarKind::point && p.month && p.day && !p.year_offset && !p.month_offset &&
        is_dateline_date(ctx, *d.record)) {
      dateline = &d;
      break;
    }
  }
  if (dateline != nullptr) {
    if (auto date = full_date(dateline->expr)) {
      found.ref = DateReference{*date, date->year, false};
      found.how = fmt::format("dateline date '{}'", ctx.text(*dateline->record));
      return found;
    }
  }
  int year = year_of_text(ctx, dates);
  if (year == 0) {
    found.how = "none: no page date, dateline or year in the text";
    return found;
  }
  found.ref.year = year;
  found.ref.year_inferred = true;
  if (dateline != nullptr) {
    const CalendarPoint& p = dateline->expr.start;
    found.ref.date = CivilDate{year, p.month, p.day};
    found.how = fmt::format("dateline date '{}' in the text's year {}", ctx.text(*dateline->record), year);
    return found;
  }
  std::optional<CivilDate> latest;
  const WorkRecord* latest_record = nullptr;
  for (const auto& d : dates) {
    auto date = is_deadline(ctx, d) ? std::nullopt : full_date(d.expr);
    if (date && date->year == year && (!latest || *date > *latest)) latest = date, latest_record = d.record;
  }
  if (latest) {
    found.ref.date = latest;
    found.how = fmt::format("latest full date '{}' of the text's year {}", ctx.text(*latest_record), year);
    return found;
  }
  found.how = fmt::format("the year the text talks about, {}", year);
  return found;
}

std::string quarter_label(const std::string& year_month, int quarter) {
  return year_month.substr(0, 4) + "-Q" + std::to_string(quarter);
}

// Writes the resolution into the record's fields. A range's value is its
// last point, in one of the output contract's formats ("前三季度" is 2025-Q3,
// reported through its third quarter); start and end give the interval, each
// in the granularity written: "1至5月" starts 2025-01 and ends 2025-05.
void set_fields(WorkRecord& r, const CalendarExpr& e, ResolvedDate d) {
  if (e.kind == CalendarKind::range && !d.value.empty() && d.start && d.end) {
    if (e.start.quarter && e.end && e.end->quarter) {
      d.start = quarter_label(*d.start, e.start.quarter);
      d.end = quarter_label(*d.end, e.end->quarter);
    }
    d.value = *d.end;
  }
  auto set_or_erase = [&r](std::string_view field, const std::optional<std::string>& value) {
    if (value && !value->empty()) r.fields.set(field, Value{*value});
    else r.fields.erase(field);
  };
  set_or_erase("value", d.value);
  set_or_erase("granularity", d.granularity);
  set_or_erase("kind", d.kind);
  set_or_erase("start", d.start);
  set_or_erase("end", d.end);
  set_or_erase("year_source", d.year_source);
}

}  // namespace

bool is_base_of_comparison(const StageContext& ctx, const WorkRecord& date) {
  // The words of comparison stand right before the date: a short look back is enough
  // (cutting into a character is harmless, the pattern reads the end).
  constexpr std::size_t kComparisonBytes = 24;
  std::string_view lead = sentence_before(ctx, date);
  lead.remove_prefix(lead.size() > kComparisonBytes ? lead.size() - kComparisonBytes : 0);
  return partial_match(lead, ctx.pattern("dates.comparison_before"));
}

void resolve_dates(StageContext& ctx) {
  std::vector<DateMentionAt> dates;
  for (auto& r : ctx.records) {
    if (r.type != "date" || r.dropped) continue;
    auto written = r.fields.text("value");
    auto expr = written ? parse_calendar(*written) : std::nullopt;
    if (!expr) {  // the calendar converter accepted it, so only a rule without value= gets here
      r.dropped = true;
      continue;
    }
    dates.push_back({&r, *expr});
  }

  FoundReference found = find_reference(ctx, dates);
  ctx.reference_date = found.ref.date;
  ctx.reference_year = found.ref.year;
  ctx.year_inferred = found.ref.year_inferred;
  ctx.note("reference: {} (date {}, year {})", found.how,
           found.ref.date ? found.ref.date->to_string() : std::string("unknown"),
           found.ref.year != 0 ? std::to_string(found.ref.year) : std::string("unknown"));

  // "同年10月" and "次年3月" take the year of the date told just before in
  // their article, not the reference year. A date that states no year takes
  // the year another date earlier in its sentence states, when that is not
  // the reference year ("自去年一季度起…，上半年即…" is last year's first half).
  // A quarter, half year or month goes further: it takes the year last written
  // out in its article ("一、2024年主要工作 … 第一季度，…" in a report of 2025),
  // as statistics run on in the year they started with (so does a part of a
  // month, "3月中旬"); an event's day does not, news being about days of its own
  // year, except in a work report, which tells the days of the year it reports on.
  // Reports on a past year come out in the first months of the next; later in
  // the year a yearless quarter is of the page's own year ("要在第三季度完成").
  const bool in_report_season = !found.ref.date || found.ref.date->month <= 3;
  // A work report ("…法院工作报告", found by the articles stage) tells the days of the
  // year it reports on, too.
  const bool work_report = ctx.work_report;
  // A report on a past year tells the deadlines that year had; news tells deadlines still to come.
  found.ref.deadlines_ahead = !work_report;
  // A page of several items, each with its own publication stamp ("发布时间：2025-12-24"):
  // the text after a stamp is of its day, up to the next one.
  // (A reference date the caller gives holds for the whole page.)
  std::vector<std::pair<std::size_t, CivilDate>> stamps;
  for (const auto& d : dates)
    if (auto date = full_date(d.expr); date && d.expr.kind == CalendarKind::point && is_page_date(ctx, *d.record))
      stamps.emplace_back(d.record->span.begin, *date);
  const bool items = stamps.size() > 1;
  std::size_t next_stamp = 0, printed_at = 0;
  DateReference stamped = found.ref;
  auto reference_at = [&](std::size_t pos) {  // positions come in text order
    for (; items && !ctx.doc.reference_date() && next_stamp < stamps.size() && stamps[next_stamp].first <= pos;
         ++next_stamp)
      stamped.date = stamps[next_stamp].second, stamped.year = stamps[next_stamp].second.year, stamped.year_inferred = false;
    return stamped;
  };
  int previous_year = 0, previous_article = -1;
  int stated_year = 0, stated_sentence = -1, stated_paragraph = -1;
  bool stated_since = false;  // the stated year is one something runs since
  std::size_t stated_clause_end = std::string_view::npos;  // a relative year's reach for deadlines
  int written_year = 0, written_article = -1;
  int present_paragraph = -1;  // a paragraph that said 今年, where the written year gives way
  int present_section_article = -1;  // an article with a section headed by 今年: deadlines to come
  CivilDate last_day{};  // the last day resolved, for a day written alone
  int last_day_article = -1;
  for (auto& d : dates) {
    std::string_view written = ctx.text(*d.record);
    const DateReference here = reference_at(d.record->span.begin);
    const bool day_alone = d.expr.start.day && !d.expr.start.month && !d.expr.start.month_offset;
    if (day_alone) {
      // "15日上午": of the month of the day last named in its article ("11月27日…26日" is the
      // day before), or of the next when that is nearer ("9月28日…2日" is 2 October).
      if (last_day_article != d.record->article || last_day.month == 0) {
        ctx.note("date '{}': no month before it in its article; dropped", written);
        d.record->dropped = true;
        continue;
      }
      CivilDate day{last_day.year, last_day.month, d.expr.start.day};
      constexpr int kHalfMonth = 15;  // nearer the next month's start than the named day
      if (last_day.day - day.day > kHalfMonth) day.month == 12 ? (++day.year, day.month = 1) : ++day.month;
      d.expr.start.year = day.year;
      d.expr.start.month = day.month;
      ctx.note("date '{}': the day of {}-{:02}", written, day.year, day.month);
    }
    int years_after = written.starts_with("次年") ? 1 : written.starts_with("同年") || written.starts_with("当年") ? 0 : -1;
    bool follows_previous = years_after >= 0 && previous_year != 0 && previous_article == d.record->article;
    DateReference previous{std::nullopt, previous_year + std::max(years_after, 0), true};
    const CalendarPoint& point = d.expr.start;
    const bool states_year = (point.year || point.year_offset) && !day_alone;
    // What runs since a year runs on to the page's: "自2023年起…，截至10月底共有32名".
    const bool in_stated_year = !states_year && !point.month_offset && years_after < 0 &&
                                stated_sentence == d.record->sentence && stated_year != 0 && stated_year != here.year &&
                                (d.expr.kind != CalendarKind::until || (d.record->span.begin < stated_clause_end && !stated_since));
    const bool in_written_year = !in_stated_year && !states_year && !point.month_offset && years_after < 0 &&
                                 (point.quarter != 0 || point.half != 0 ||
                                  (point.month != 0 && (d.expr.kind == CalendarKind::point || d.expr.kind == CalendarKind::since) &&
                                   (point.day == 0 || work_report) &&
                                   (point.edge == PeriodEdge::none || written.find("旬") != std::string_view::npos))) &&
                                 written_article == d.record->article && stated_sentence != d.record->sentence &&
                                 written_year != 0 && written_year != here.year && in_report_season &&
                                 present_paragraph != d.record->paragraph;
    DateReference sentence_year{std::nullopt, in_stated_year ? stated_year : written_year, true};
    // A deadline in a paragraph that states the page's own year is still to come, also in a
    // report on the past year: "今年，…一是6月底前完成…；二是3月31日前出台…" in a work
    // report given in January.
    DateReference ahead = here;
    if (!states_year && d.expr.kind == CalendarKind::until &&
        ((stated_paragraph == d.record->paragraph && stated_year == here.year &&
          (stated_sentence != d.record->sentence || d.record->span.begin < stated_clause_end)) ||
         present_section_article == d.record->article)) {
      ahead.deadlines_ahead = true;
      if (!here.deadlines_ahead) ctx.note("date '{}': a deadline in a paragraph of the page's year, still to come", written);
    }
    ResolvedDate resolved =
        resolve(d.expr, follows_previous ? previous : in_stated_year || in_written_year ? sentence_year : ahead);
    if (in_stated_year) ctx.note("date '{}': the year {} its sentence states", written, stated_year);
    if (in_written_year) ctx.note("date '{}': the year {} its article last wrote out", written, written_year);
    set_fields(*d.record, d.expr, resolved);
    if (day_alone && resolved.value.empty()) {  // "31日" after a day of a 30-day month
      ctx.note("date '{}': no such day in {}-{:02}; dropped", written, *d.expr.start.year, d.expr.start.month);
      d.record->dropped = true;
      continue;
    }
    if (day_alone) d.record->fields.set("year_source", Value{std::string("inferred")});  // from the date before it
    // A year a figure is compared with ("较2019年增长41.6%") is no year the text goes on in;
    // nor is one that qualifies a thing ("…前完成2025年度积存案件清理，一季度实现…").
    if (is_base_of_comparison(ctx, *d.record)) {
      ctx.note("date '{}': a base of comparison; later dates do not take its year", written);
    } else if (partial_match(written, ctx.pattern("dates.attribute_year")) &&
               partial_match(sentence_after(ctx, *d.record), ctx.pattern("dates.attribute_after"))) {
      ctx.note("date '{}': the year of a thing; later dates do not take its year", written);
    } else {
      // A range of years runs on in its last: "2021年至2025年，…" is followed by 2025's days.
      int last_year = resolved.year;
      if (d.expr.kind == CalendarKind::range && resolved.end && resolved.end->size() >= 4)
        std::from_chars(resolved.end->data(), resolved.end->data() + 4, last_year);
      if (states_year && last_year != 0) {
        stated_year = last_year, stated_sentence = d.record->sentence, stated_paragraph = d.record->paragraph;
        stated_since = d.expr.kind == CalendarKind::since;
        // "明年上半年增设…，12月20日前开通…", "持续至2026年1月31日，…，12月20日前完成…": a
        // deadline in a later clause is not of a year said relative to the page's, nor of the
        // end of a run of days (news tells deadlines still to come in the page's year); any
        // other year written out holds for the whole sentence, and so does the page's own year
        // said as 今年 (a work report's plan: "今年，…一是6月底前完成…"), and a deadline that
        // writes its year out ("2026年3月底前实现…，6月30日前完成…").
        const bool holds_for_sentence =
            (point.year || point.year_offset == 0) && (d.expr.kind != CalendarKind::until || (point.year && is_deadline(ctx, d)));
        stated_clause_end = holds_for_sentence ? std::string_view::npos : clause_end(ctx, *d.record);
      }
      // A page's own date (its masthead, an issue line) is printed, not told: the year the
      // text goes on in is the one its title or its narrative writes ("2025年大事记" issued
      // in January 2026). On a page of several items, each stamp opens an item that has
      // written no year yet.
      while (printed_at < stamps.size() && stamps[printed_at].first < d.record->span.begin) ++printed_at;
      const bool printed = printed_at < stamps.size() && stamps[printed_at].first == d.record->span.begin;
      if (printed && items) written_year = 0;
      if (states_year && point.year && last_year != 0 && !printed)
        written_year = last_year, written_article = d.record->article;
      // "今年" takes the rest of its paragraph back to the page's year: "…2023年至2025年间批准。
      // ¶ 市住建局今年将对…排查，…在第三季度前全部完成" (a plan told in a review of the past year
      // leaves the review's year to the paragraphs after it).
      // Said in a section's heading ("二、今年工作安排") it holds for the section: the article
      // goes on in the page's year, and its deadlines are still to come.
      if (states_year && !point.year && point.year_offset == 0) {
        present_paragraph = d.record->paragraph;
        if (in_heading(ctx, *d.record)) {
          written_year = here.year, written_article = d.record->article;
          present_section_article = d.record->article;
          ctx.note("date '{}': a heading's; the article goes on in the page's year", written);
        }
      }
      if (resolved.year != 0) previous_year = resolved.year, previous_article = d.record->article;
    }
    // Only a day is an event's: a month or a run of months ("1至9月") counts figures.
    if (auto value = d.record->fields.text("value"); value && d.record->fields.text("granularity") == "day")
      if (auto at = CivilDate::parse(*value)) last_day = *at, last_day_article = d.record->article;
    if (resolved.value.empty())
      ctx.note("date '{}': year unknown, value left null", ctx.text(*d.record));
  }
}

}  // namespace reportex::internal
