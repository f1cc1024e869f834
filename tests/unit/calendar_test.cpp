#include <doctest/doctest.h>

#include "convert/calendar.hpp"

#include <string>

using reportex::CivilDate;
using namespace reportex::internal;

namespace {

// One expected resolution. start/end are nullptr when they must be absent.
struct Row {
  const char* text;
  const char* value;
  const char* granularity;
  const char* kind;
  const char* start;
  const char* end;
  const char* year_source;
};

void check_rows(const Row* rows, std::size_t count, const DateReference& ref) {
  for (std::size_t i = 0; i < count; ++i) {
    const Row& row = rows[i];
    std::string text = row.text;
    CAPTURE(text);
    auto expr = parse_calendar(row.text);
    REQUIRE(expr.has_value());
    ResolvedDate got = resolve(*expr, ref);
    CHECK(got.value == row.value);
    CHECK(got.granularity == row.granularity);
    CHECK(got.kind == row.kind);
    CHECK(got.start == (row.start ? std::optional<std::string>(row.start) : std::nullopt));
    CHECK(got.end == (row.end ? std::optional<std::string>(row.end) : std::nullopt));
    CHECK(got.year_source == row.year_source);
  }
}

// A report published on 2025-06-27.
const DateReference kMidYear{CivilDate{2025, 6, 27}, 2025, false};

constexpr const char* N = nullptr;

const Row kMidYearRows[] = {
    // Full dates in every written form
    {"2025年06月27日", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2025年6月27日", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2025.6.27", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2025.06.27", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2025-06-27", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2025-6-7", "2025-06-07", "day", "point", N, N, "explicit"},
    {"2025/6/27", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2025/06/27", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2024 03 08", "2024-03-08", "day", "point", N, N, "explicit"},
    {"二〇二四年三月八日", "2024-03-08", "day", "point", N, N, "explicit"},
    {"二零二三年十二月三十一日", "2023-12-31", "day", "point", N, N, "explicit"},
    {"二〇二五年一月二十日", "2025-01-20", "day", "point", N, N, "explicit"},
    {"两千零四年八月十五日", "2004-08-15", "day", "point", N, N, "explicit"},
    {"二零零四年八月十五", "2004-08-15", "day", "point", N, N, "explicit"},
    {"2024年2月29日", "2024-02-29", "day", "point", N, N, "explicit"},
    {"2024年12月1号", "2024-12-01", "day", "point", N, N, "explicit"},
    {"2024年10月9號", "2024-10-09", "day", "point", N, N, "explicit"},
    {"2025年3月15日上午", "2025-03-15", "day", "point", N, N, "explicit"},
    {"2025年5月8日下午", "2025-05-08", "day", "point", N, N, "explicit"},
    {"2025 年 6 月 27 日", "2025-06-27", "day", "point", N, N, "explicit"},
    {"2025年\n6月27日", "2025-06-27", "day", "point", N, N, "explicit"},
    {"２０２５年６月２７日", "2025-06-27", "day", "point", N, N, "explicit"},
    {"２０２５．６．２７", "2025-06-27", "day", "point", N, N, "explicit"},
    {"1999年12月20日", "1999-12-20", "day", "point", N, N, "explicit"},
    {"19年2月3日", "2019-02-03", "day", "point", N, N, "explicit"},
    {"98年7月", "1998-07", "month", "point", N, N, "explicit"},
    // Yearless days take the reference year
    {"6月25日", "2025-06-25", "day", "point", N, N, "reference"},
    {"6月25日上午", "2025-06-25", "day", "point", N, N, "reference"},
    {"6月25日下午", "2025-06-25", "day", "point", N, N, "reference"},
    {"6月25日晚", "2025-06-25", "day", "point", N, N, "reference"},
    {"6月25日晚上", "2025-06-25", "day", "point", N, N, "reference"},
    {"6月25日早间", "2025-06-25", "day", "point", N, N, "reference"},
    {"2月18日", "2025-02-18", "day", "point", N, N, "reference"},
    {"2 月 18 日", "2025-02-18", "day", "point", N, N, "reference"},
    {"２月１８日", "2025-02-18", "day", "point", N, N, "reference"},
    {"1月1日", "2025-01-01", "day", "point", N, N, "reference"},
    {"1月19号", "2025-01-19", "day", "point", N, N, "reference"},
    {"三月八日", "2025-03-08", "day", "point", N, N, "reference"},
    {"三月一号", "2025-03-01", "day", "point", N, N, "reference"},
    {"五月三十一日", "2025-05-31", "day", "point", N, N, "reference"},
    {"一月二十三", "2025-01-23", "day", "point", N, N, "reference"},
    {"二月十五號", "2025-02-15", "day", "point", N, N, "reference"},
    {"8月1日", "2025-08-01", "day", "point", N, N, "reference"},
    {"8月27日", "2025-08-27", "day", "point", N, N, "reference"},
    {"7月31日", "2025-07-31", "day", "point", N, N, "reference"},
    // ... unless they fall more than two months after the reference date
    {"8月28日", "2024-08-28", "day", "point", N, N, "reference"},
    {"9月1日", "2024-09-01", "day", "point", N, N, "reference"},
    {"12月30日", "2024-12-30", "day", "point", N, N, "reference"},
    {"十二月", "2024-12", "month", "point", N, N, "reference"},
    {"11月", "2024-11", "month", "point", N, N, "reference"},
    // Months
    {"3月", "2025-03", "month", "point", N, N, "reference"},
    {"3月份", "2025-03", "month", "point", N, N, "reference"},
    {"三月", "2025-03", "month", "point", N, N, "reference"},
    {"8月", "2025-08", "month", "point", N, N, "reference"},
    {"2024年3月", "2024-03", "month", "point", N, N, "explicit"},
    {"2024年12月", "2024-12", "month", "point", N, N, "explicit"},
    {"2018年十二月", "2018-12", "month", "point", N, N, "explicit"},
    {"2025年6月", "2025-06", "month", "point", N, N, "explicit"},
    {"2025年06月", "2025-06", "month", "point", N, N, "explicit"},
    {"二〇二四年三月", "2024-03", "month", "point", N, N, "explicit"},
    {"2024年10月份", "2024-10", "month", "point", N, N, "explicit"},
    {"6月底", "2025-06", "month", "point", N, N, "reference"},
    {"6月末", "2025-06", "month", "point", N, N, "reference"},
    {"6月初", "2025-06", "month", "point", N, N, "reference"},
    {"6月中旬", "2025-06", "month", "point", N, N, "reference"},
    {"5月上旬", "2025-05", "month", "point", N, N, "reference"},
    {"4月下旬", "2025-04", "month", "point", N, N, "reference"},
    {"2024年9月底", "2024-09", "month", "point", N, N, "explicit"},
    {"今年3月", "2025-03", "month", "point", N, N, "reference"},
    {"去年12月", "2024-12", "month", "point", N, N, "reference"},
    {"去年5月", "2024-05", "month", "point", N, N, "reference"},
    {"明年四月", "2026-04", "month", "point", N, N, "reference"},
    {"前年10月", "2023-10", "month", "point", N, N, "reference"},
    {"今年6月底", "2025-06", "month", "point", N, N, "reference"},
    {"本月", "2025-06", "month", "point", N, N, "reference"},
    {"上月", "2025-05", "month", "point", N, N, "reference"},
    {"上个月", "2025-05", "month", "point", N, N, "reference"},
    {"下个月", "2025-07", "month", "point", N, N, "reference"},
    {"本月十日", "2025-06-10", "day", "point", N, N, "reference"},
    {"去年本月十日", "2024-06-10", "day", "point", N, N, "reference"},
    {"今年3月15日", "2025-03-15", "day", "point", N, N, "reference"},
    {"去年12月30日", "2024-12-30", "day", "point", N, N, "reference"},
    // Years
    {"2024年", "2024", "year", "point", N, N, "explicit"},
    {"2025年", "2025", "year", "point", N, N, "explicit"},
    {"2025年度", "2025", "year", "point", N, N, "explicit"},
    {"2025 年度", "2025", "year", "point", N, N, "explicit"},
    {"２０２３年", "2023", "year", "point", N, N, "explicit"},
    {"二〇二四年", "2024", "year", "point", N, N, "explicit"},
    {"二零一六年", "2016", "year", "point", N, N, "explicit"},
    {"两千年", "2000", "year", "point", N, N, "explicit"},
    {"今年", "2025", "year", "point", N, N, "reference"},
    {"去年", "2024", "year", "point", N, N, "reference"},
    {"前年", "2023", "year", "point", N, N, "reference"},
    {"大前年", "2022", "year", "point", N, N, "reference"},
    {"明年", "2026", "year", "point", N, N, "reference"},
    {"后年", "2027", "year", "point", N, N, "reference"},
    {"本年度", "2025", "year", "point", N, N, "reference"},
    {"本年", "2025", "year", "point", N, N, "reference"},
    {"上年", "2024", "year", "point", N, N, "reference"},
    {"上年度", "2024", "year", "point", N, N, "reference"},
    {"今年度", "2025", "year", "point", N, N, "reference"},
    {"年初", "2025", "year", "point", N, N, "reference"},
    {"年底", "2025", "year", "point", N, N, "reference"},
    {"年末", "2025", "year", "point", N, N, "reference"},
    {"年中", "2025", "year", "point", N, N, "reference"},
    {"今年年底", "2025", "year", "point", N, N, "reference"},
    {"今年底", "2025", "year", "point", N, N, "reference"},
    {"去年底", "2024", "year", "point", N, N, "reference"},
    {"去年年初", "2024", "year", "point", N, N, "reference"},
    {"2024年底", "2024", "year", "point", N, N, "explicit"},
    {"2024年末", "2024", "year", "point", N, N, "explicit"},
    {"2025年初", "2025", "year", "point", N, N, "explicit"},
    // Halves and quarters
    {"上半年", "2025-H1", "half", "point", N, N, "reference"},
    {"下半年", "2025-H2", "half", "point", N, N, "reference"},
    {"今年上半年", "2025-H1", "half", "point", N, N, "reference"},
    {"去年下半年", "2024-H2", "half", "point", N, N, "reference"},
    {"明年上半年", "2026-H1", "half", "point", N, N, "reference"},
    {"2024年下半年", "2024-H2", "half", "point", N, N, "explicit"},
    {"2024年上半年", "2024-H1", "half", "point", N, N, "explicit"},
    {"二〇二四年上半年", "2024-H1", "half", "point", N, N, "explicit"},
    {"2018年前半年", "2018-H1", "half", "point", N, N, "explicit"},
    {"今年后半年", "2025-H2", "half", "point", N, N, "reference"},
    {"一季度", "2025-Q1", "quarter", "point", N, N, "reference"},
    {"第一季度", "2025-Q1", "quarter", "point", N, N, "reference"},
    {"二季度", "2025-Q2", "quarter", "point", N, N, "reference"},
    {"第四季度", "2025-Q4", "quarter", "point", N, N, "reference"},
    {"今年一季度", "2025-Q1", "quarter", "point", N, N, "reference"},
    {"去年第四季度", "2024-Q4", "quarter", "point", N, N, "reference"},
    {"2025年第二季度", "2025-Q2", "quarter", "point", N, N, "explicit"},
    {"2024年三季度", "2024-Q3", "quarter", "point", N, N, "explicit"},
    {"2024年第3季度", "2024-Q3", "quarter", "point", N, N, "explicit"},
    {"前三季度", "2025", "quarter", "range", "2025-01", "2025-09", "reference"},
    {"今年前三季度", "2025", "quarter", "range", "2025-01", "2025-09", "reference"},
    {"2024年前三季度", "2024", "quarter", "range", "2024-01", "2024-09", "explicit"},
    {"前两季度", "2025", "quarter", "range", "2025-01", "2025-06", "reference"},
    {"一至三季度", "2025", "quarter", "range", "2025-01", "2025-09", "reference"},
    {"二至四季度", "2025", "quarter", "range", "2025-04", "2025-12", "reference"},
    // Ranges
    {"1至5月", "2025-01", "month", "range", "2025-01", "2025-05", "reference"},
    {"1—5月", "2025-01", "month", "range", "2025-01", "2025-05", "reference"},
    {"1-5月", "2025-01", "month", "range", "2025-01", "2025-05", "reference"},
    {"1~5月", "2025-01", "month", "range", "2025-01", "2025-05", "reference"},
    {"1到5月", "2025-01", "month", "range", "2025-01", "2025-05", "reference"},
    {"1-5月份", "2025-01", "month", "range", "2025-01", "2025-05", "reference"},
    {"今年1至5月", "2025-01", "month", "range", "2025-01", "2025-05", "reference"},
    {"去年1-11月", "2024-01", "month", "range", "2024-01", "2024-11", "reference"},
    {"2024年1至10月", "2024-01", "month", "range", "2024-01", "2024-10", "explicit"},
    {"2024年1月至10月", "2024-01", "month", "range", "2024-01", "2024-10", "explicit"},
    {"2024年11月至2025年2月", "2024-11", "month", "range", "2024-11", "2025-02", "explicit"},
    {"2024年11月至2月", "2024-11", "month", "range", "2024-11", "2025-02", "explicit"},
    {"三月到五月", "2025-03", "month", "range", "2025-03", "2025-05", "reference"},
    {"3月21日至22日", "2025-03-21", "day", "range", "2025-03-21", "2025-03-22", "reference"},
    {"3月21日—22日", "2025-03-21", "day", "range", "2025-03-21", "2025-03-22", "reference"},
    {"5月30日至6月2日", "2025-05-30", "day", "range", "2025-05-30", "2025-06-02", "reference"},
    // A range of days timed at both ends (an auction's window): the hours are read past.
    {"3月11日10时至12日10时", "2025-03-11", "day", "range", "2025-03-11", "2025-03-12", "reference"},
    {"2024年6月1日9点30分至6月3日17:00", "2024-06-01", "day", "range", "2024-06-01", "2024-06-03", "explicit"},
    {"2024年6月1日-6月30日", "2024-06-01", "day", "range", "2024-06-01", "2024-06-30", "explicit"},
    {"2024年6月1日至2025年1月3日", "2024-06-01", "day", "range", "2024-06-01", "2025-01-03", "explicit"},
    {"从一月十日到十二日", "2025-01-10", "day", "range", "2025-01-10", "2025-01-12", "reference"},
    {"2023年至2025年", "2023", "year", "range", "2023", "2025", "explicit"},
    // A range is as fine as its last point, the value it is given in the output.
    {"2023年至2025年6月", "2023", "month", "range", "2023", "2025-06", "explicit"},
    {"2023至2025年", "2023", "year", "range", "2023", "2025", "explicit"},
    {"2023-2025年", "2023", "year", "range", "2023", "2025", "explicit"},
    {"2009 年 到 2010 年", "2009", "year", "range", "2009", "2010", "explicit"},
    {"从二零一六年至二零一八年", "2016", "year", "range", "2016", "2018", "explicit"},
    {"2015年和2018年之间", "2015", "year", "range", "2015", "2018", "explicit"},
    {"2007年与2009年间", "2007", "year", "range", "2007", "2009", "explicit"},
    // Since
    {"2025年以来", "2025", "year", "since", "2025", N, "explicit"},
    {"2024年以来", "2024", "year", "since", "2024", N, "explicit"},
    {"今年以来", "2025", "year", "since", "2025", N, "reference"},
    {"今年3月以来", "2025-03", "month", "since", "2025-03", N, "reference"},
    {"自2023年起", "2023", "year", "since", "2023", N, "explicit"},
    {"自今年3月以来", "2025-03", "month", "since", "2025-03", N, "reference"},
    {"自2016年9月1日起", "2016-09-01", "day", "since", "2016-09-01", N, "explicit"},
    {"从2016年3月1日开始", "2016-03-01", "day", "since", "2016-03-01", N, "explicit"},
    {"2015年起", "2015", "year", "since", "2015", N, "explicit"},
    {"2018年之后", "2018", "year", "since", "2018", N, "explicit"},
    {"2019年1月1日或之后", "2019-01-01", "day", "since", "2019-01-01", N, "explicit"},
    {"自从2018年", "2018", "year", "since", "2018", N, "explicit"},
    {"去年下半年以来", "2024-H2", "half", "since", "2024-H2", N, "reference"},
    {"3月以来", "2025-03", "month", "since", "2025-03", N, "reference"},
    {"年初以来", "2025", "year", "since", "2025", N, "reference"},
    {"2023年至今", "2023", "year", "since", "2023", N, "explicit"},
    {"去年6月至今", "2024-06", "month", "since", "2024-06", N, "reference"},
    // Until
    {"截至6月底", "2025-06", "month", "until", N, "2025-06", "reference"},
    {"截至2024年底", "2024", "year", "until", N, "2024", "explicit"},
    {"截止2024年12月31日", "2024-12-31", "day", "until", N, "2024-12-31", "explicit"},
    {"截至5月31日", "2025-05-31", "day", "until", N, "2025-05-31", "reference"},
    {"截止到2018年", "2018", "year", "until", N, "2018", "explicit"},
    {"截至今年5月", "2025-05", "month", "until", N, "2025-05", "reference"},
    {"6月底前", "2025-06", "month", "until", N, "2025-06", "reference"},
    {"2019年5月5日或之前", "2019-05-05", "day", "until", N, "2019-05-05", "explicit"},
    {"2013年及以前", "2013", "year", "until", N, "2013", "explicit"},
    {"截至2024年6月底", "2024-06", "month", "until", N, "2024-06", "explicit"},
    {"至2026年3月底", "2026-03", "month", "until", N, "2026-03", "explicit"},  // "持续至…": an ending point
};

}  // namespace

TEST_SUITE("calendar") {
  TEST_CASE("every form resolves against a mid-year reference date") {
    check_rows(kMidYearRows, std::size(kMidYearRows), kMidYear);
    CHECK(std::size(kMidYearRows) >= 150);
  }

  TEST_CASE("a yearless date after the reference date by over two months is from the year before") {
    const DateReference early{CivilDate{2025, 1, 5}, 2025, false};
    const Row rows[] = {
        {"12月30日", "2024-12-30", "day", "point", N, N, "reference"},
        {"12月", "2024-12", "month", "point", N, N, "reference"},
        {"11月1日", "2024-11-01", "day", "point", N, N, "reference"},
        {"3月5日", "2025-03-05", "day", "point", N, N, "reference"},
        {"3月6日", "2024-03-06", "day", "point", N, N, "reference"},
        {"3月", "2025-03", "month", "point", N, N, "reference"},
        {"4月", "2024-04", "month", "point", N, N, "reference"},
        {"1月3日", "2025-01-03", "day", "point", N, N, "reference"},
        {"12月1日至5日", "2024-12-01", "day", "range", "2024-12-01", "2024-12-05", "reference"},
        {"12月至1月", "2024-12", "month", "range", "2024-12", "2025-01", "reference"},
        // a range is moved as a whole when its end would be too late
        {"1至9月", "2024-01", "month", "range", "2024-01", "2024-09", "reference"},
        {"1至2月", "2025-01", "month", "range", "2025-01", "2025-02", "reference"},
        {"截至12月底", "2024-12", "month", "until", N, "2024-12", "reference"},
        // relative and explicit years are never moved
        {"今年12月", "2025-12", "month", "point", N, N, "reference"},
        {"2025年12月", "2025-12", "month", "point", N, N, "explicit"},
        {"下半年", "2025-H2", "half", "point", N, N, "reference"},
        {"四季度", "2025-Q4", "quarter", "point", N, N, "reference"},
        {"上个月", "2024-12", "month", "point", N, N, "reference"},
    };
    check_rows(rows, std::size(rows), early);
  }

  TEST_CASE("a year inferred from the text is reported as inferred") {
    const DateReference inferred{std::nullopt, 2024, true};
    const Row rows[] = {
        {"2月22日", "2024-02-22", "day", "point", N, N, "inferred"},
        {"12月30日", "2024-12-30", "day", "point", N, N, "inferred"},  // no reference date: no year-before rule
        {"今年", "2024", "year", "point", N, N, "inferred"},
        {"去年", "2023", "year", "point", N, N, "inferred"},
        {"上半年", "2024-H1", "half", "point", N, N, "inferred"},
        {"1至5月", "2024-01", "month", "range", "2024-01", "2024-05", "inferred"},
        {"2023年", "2023", "year", "point", N, N, "explicit"},
    };
    check_rows(rows, std::size(rows), inferred);
  }

  TEST_CASE("a reference date alone gives the year") {
    const DateReference dated{CivilDate{2024, 3, 1}, 0, false};
    const Row rows[] = {
        {"2月22日", "2024-02-22", "day", "point", N, N, "reference"},
        {"去年", "2023", "year", "point", N, N, "reference"},
    };
    check_rows(rows, std::size(rows), dated);
  }

  TEST_CASE("without any reference a yearless expression has no value") {
    const DateReference unknown{};
    const char* yearless[] = {"6月25日", "今年", "上半年", "年底", "1至5月", "截至6月底", "本月", "前三季度"};
    for (std::string text : yearless) {
      CAPTURE(text);
      auto expr = parse_calendar(text);
      REQUIRE(expr.has_value());
      ResolvedDate got = resolve(*expr, unknown);
      CHECK(got.value.empty());
      CHECK(got.year_source.empty());
      CHECK(got.year == 0);
      CHECK_FALSE(got.start.has_value());
      CHECK_FALSE(got.end.has_value());
    }
    auto month = parse_calendar("6月25日");
    CHECK(resolve(*month, unknown).granularity == "day");
    // an explicit year needs no reference
    auto explicit_year = parse_calendar("2024年3月");
    REQUIRE(explicit_year);
    CHECK(resolve(*explicit_year, unknown).value == "2024-03");
    CHECK(resolve(*explicit_year, unknown).year == 2024);
  }

  TEST_CASE("relative months need a reference date") {
    const DateReference year_only{std::nullopt, 2025, false};
    auto expr = parse_calendar("上个月");
    REQUIRE(expr);
    CHECK(resolve(*expr, year_only).value.empty());
  }

  TEST_CASE("29 February of a common year is left unresolved") {
    const DateReference common{CivilDate{2025, 3, 10}, 2025, false};
    auto expr = parse_calendar("2月29日");
    REQUIRE(expr);
    CHECK(resolve(*expr, common).value.empty());
    const DateReference leap{CivilDate{2024, 3, 10}, 2024, false};
    CHECK(resolve(*expr, leap).value == "2024-02-29");
  }

  TEST_CASE("texts that are not dates") {
    const char* not_dates[] = {
        "75周年", "十四五", "第二届", "二十届三中全会", "6个月以上", "三年", "为期两年", "五年来",
        "近年来", "近期", "即日起", "每月", "12309", "一年", "半年", "05版", "截至目前", "",
        "年度", "10年", "07年", "两年", "十年", "3个月", "6个月", "第一", "第三季", "十八大",
        "2025", "2025年6月27日星期五", "13月", "6月32日", "2月30日", "2019年2月29日", "2025-13-01",
        "2025年第五季度", "前一季度", "一年半", "每年", "全年", "上半月", "2025年以来以来",
        "截至2025年以来", "1至5", "明天", "星期一", "上周", "三天前", "春节", "2025年度计划",
    };
    for (std::string text : not_dates) {
      CAPTURE(text);
      CHECK_FALSE(parse_calendar(text).has_value());
    }
  }

  TEST_CASE("a day alone parses without its month, which the dates stage supplies") {
    auto expr = parse_calendar("30日上午");
    REQUIRE(expr);
    CHECK(expr->start.day == 30);
    CHECK(expr->start.month == 0);
    CHECK_FALSE(expr->start.year.has_value());
    CHECK_FALSE(parse_calendar("2025年30日").has_value());  // a year, then a day without its month
    CHECK_FALSE(parse_calendar("32日").has_value());
  }

  TEST_CASE("the parsed structure keeps what was written") {
    auto e = parse_calendar("二〇二四年三月八日");
    REQUIRE(e);
    CHECK(e->kind == CalendarKind::point);
    CHECK(e->start.year == 2024);
    CHECK(e->start.month == 3);
    CHECK(e->start.day == 8);
    CHECK(has_explicit_year(*e));
    REQUIRE(full_date(*e).has_value());
    CHECK(*full_date(*e) == CivilDate{2024, 3, 8});

    auto relative = parse_calendar("去年12月");
    REQUIRE(relative);
    CHECK(relative->start.year_offset == -1);
    CHECK(relative->start.month == 12);
    CHECK_FALSE(has_explicit_year(*relative));
    CHECK_FALSE(full_date(*relative).has_value());

    auto yearless = parse_calendar("6月25日");
    REQUIRE(yearless);
    CHECK_FALSE(has_explicit_year(*yearless));
    CHECK_FALSE(full_date(*yearless).has_value());

    auto edge = parse_calendar("6月底");
    REQUIRE(edge);
    CHECK(edge->start.edge == PeriodEdge::end);
    CHECK(parse_calendar("年初")->start.edge == PeriodEdge::start);
    CHECK(parse_calendar("下半年")->start.half == 2);
    CHECK(parse_calendar("第三季度")->start.quarter == 3);
    CHECK(parse_calendar("本年度")->start.year_offset == 0);
    CHECK(parse_calendar("明年")->start.year_offset == 1);
    CHECK(parse_calendar("前年")->start.year_offset == -2);

    auto range = parse_calendar("3月21日至22日");
    REQUIRE(range);
    CHECK(range->kind == CalendarKind::range);
    REQUIRE(range->end.has_value());
    CHECK(range->end->month == 3);  // completed from the first end
    CHECK(range->end->day == 22);
    CHECK_FALSE(full_date(*range).has_value());

    CHECK(parse_calendar("2025年以来")->kind == CalendarKind::since);
    CHECK(parse_calendar("截至6月底")->kind == CalendarKind::until);
    CHECK(full_date(*parse_calendar("2025年6月27日以来")) == CivilDate{2025, 6, 27});
    CHECK(has_explicit_year(*parse_calendar("2025年6月")));
    CHECK(*parse_calendar("2025年6月27日") == *parse_calendar("2025-06-27"));
  }
}
