#pragma once
/// @file calendar.hpp
/// @brief Date expressions of Chinese reports: parsing and resolution to
/// the SCHEMA.md date values (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-H1, YYYY-Q1 ...).
///
/// Resolution choices that SCHEMA.md leaves open:
/// - 年初/年底/年末 resolve to the year itself ("2024年底" -> "2024", granularity
///   year); 6月初/6月底/6月中旬 resolve to the month ("2025-06", granularity month).
/// - A range's value is its first end ("1至5月" -> value "2025-01", start
///   "2025-01", end "2025-05"), except a range of quarters ("前三季度",
///   "二至三季度"), whose value is the year with granularity quarter and whose
///   start/end are the first and last months ("2025", "2025-01", "2025-09").
/// - since: start == value; until: end == value.
/// - year_source is empty when the year cannot be known (value is then empty).

#include <reportex/document.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace reportex::internal {

enum class CalendarKind { point, since, until, range };

/// 初 (start), 底/末 (end), 中/中旬 (middle) of a year or a month.
enum class PeriodEdge { none, start, middle, end };

/// One calendar point, as written. Zero means "not given".
struct CalendarPoint {
  std::optional<int> year;          ///< written year ("2025年", "二〇二四年")
  std::optional<int> year_offset;   ///< relative year: 今年 0, 去年 -1, 前年 -2, 明年 +1
  std::optional<int> month_offset;  ///< relative month: 本月 0, 上月 -1, 下月 +1
  int month = 0;
  int day = 0;
  int half = 0;     ///< 1 上半年, 2 下半年
  int quarter = 0;  ///< 1..4
  /// The edge of the month when one is given, else of the year.
  PeriodEdge edge = PeriodEdge::none;
  friend bool operator==(const CalendarPoint&, const CalendarPoint&) = default;
};

/// A parsed date expression. For a range, `end` holds the second point with
/// the fields it leaves out (year, month) already copied from `start`.
struct CalendarExpr {
  CalendarKind kind = CalendarKind::point;
  CalendarPoint start;
  std::optional<CalendarPoint> end;
  bool deadline = false;  ///< an until written as a deadline ("6月底前", not "截至6月底"): still to come when written
  friend bool operator==(const CalendarExpr&, const CalendarExpr&) = default;
};

/// Parses the whole text of one date expression; nullopt when it is not one
/// (durations, ordinals, anniversaries, plan names, bare numbers, ...).
std::optional<CalendarExpr> parse_calendar(std::string_view text);

/// True when the expression names its own year ("2025年6月", "二〇二四年三月八日").
bool has_explicit_year(const CalendarExpr& e) noexcept;

/// If the expression is a full date (year, month, day all explicit), that date.
std::optional<CivilDate> full_date(const CalendarExpr& e) noexcept;

struct DateReference {
  std::optional<CivilDate> date;  ///< publication/reference date when known
  int year = 0;                   ///< the year for yearless/relative expressions (0 = unknown)
  bool year_inferred = false;     ///< year came from the text, not from a given reference date
  bool deadlines_ahead = false;   ///< deadlines lie after the reference date (news; not a report on a past year)
};

struct ResolvedDate {
  std::string value, granularity, kind;   ///< value empty when the year cannot be known
  std::optional<std::string> start, end;  ///< for range/since/until, as value strings
  std::string year_source;                ///< explicit | reference | inferred ("" when unknown)
  int year = 0;                           ///< the year of value (0 when unknown)
};

/// Resolves against the reference: an explicit year wins; relative years are
/// the reference year plus the offset; a yearless month/day takes the
/// reference year unless, with a known reference date, it would fall more
/// than two months after that date, when it takes the year before.
ResolvedDate resolve(const CalendarExpr& e, const DateReference& ref);

}  // namespace reportex::internal
