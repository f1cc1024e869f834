// Conformance of the date converter with the Chinese date specs of two peer
// projects (Recognizers-Text and Duckling, in ../shared/peer-specs).
//
// In scope: calendar dates, months, years, halves and quarters of years,
// relative years (今年, 去年, 明年) and months (本月, 上个月), since/until
// bounds and ranges of those. A case's Text span (Recognizers) or phrase
// (Duckling) is left out when it contains a marker of one of these:
// - times of day and clock times (点, 时, 分, 秒, 早, 晚, 午, :, pm): reports
//   date events to the day; the date rules never capture a clock time;
// - weekdays and weeks (星期, 礼拜, 周, 週): chat-style, not used in reports;
// - relative days (今天, 昨天, 明天, 后天, 前天, 最近, 现在, 马上): need a
//   publication day our reference often lacks, and rarely name report periods;
// - durations and rolling windows (天, 个月, 近, 过去, 未来, 还剩, 上1, 前1, 下1,
//   后1): durations are not dates (SCHEMA.md has no rolling period);
// - holidays (节, 元旦, 圣诞, 三一五), seasons (夏天), decades and centuries
//   (年代, 世纪), sub-periods by ordinal (的第三个月, 的前2周, 最后, 上半月):
//   not part of the SCHEMA.md value formats;
// - lunar and era dates (农历, 正月, 初一, 大年, 康熙, 雍正, 民国, 神龙): do not
//   occur in court reports;
// - Cantonese (今個, 聽日): not report language;
// - all-digit dates whose first number is not a four-digit year (12/1,
//   3/3/2015, 13.5.2015, 27-7-3, 10/31/74): the peers disagree on the order
//   (Recognizers reads 1/2/2020 day-first, Duckling 3/3/2015 month-first) and
//   in reports such text is a fraction, a version or a case number;
// - numbers with no date unit at all (2018, 从2016-2018): a bare number is
//   never a date for us ("12309"); only year-month-day digit forms are;
// - "N年前" with a small N (5年前): a duration back from the reference day;
// - a day without a month (29日, 12号): needs the month of the reference day;
// - years before 1000 (789年, 三六七年): we read 1000..2999 only;
// - a two-digit year without a month (07年, 零八年以前): reads as a duration
//   ("判处有期徒刑10年"), so parse_calendar refuses it by design;
// - open bounds on both sides in one span (2010年之后2018年之前).
// The peers' NotSupported flags (which of their own ports fail) are ignored.
//
// How results are compared:
// - Recognizers timex "2016-11-07", "2018-10", "2018": equal to our value;
//   its Mod since/after means our kind since, before/until our kind until.
// - Recognizers timex "(S,E,P..)": for our ranges, S and E are the first days
//   of our start and end ("(2016-01-01,2018-01-01,P2Y)" is 2016 to 2018); for
//   our points (halves, quarters), S is the first day of the period and E the
//   day after it ("(2017-01-01,2017-07-01,P6M)" is 2017-H1).
// - Yearless timex "XXXX-03", "(XXXX-01-10,XXXX-01-12,P2D)": the peers choose
//   the nearest future or past year, we the reference year unless that is over
//   two months ahead. So we compare the month, the day (when the grain is a
//   day) and the grain, and require our year, when we give one, to be one of
//   the years the peer offers (its future or past resolution).
// - "not resolved" (2019年2月29日): we must refuse or leave the value empty.
// - Duckling "datetime (Y, M, D, ...) Grain" with grain Day, Month or Year:
//   equal to our value ("2013-03-01", "2013-03", "2013") at the corpus
//   reference 2013-02-12; a yearless phrase is compared as above with the one
//   year Duckling gives. Intervals and holidays are out of scope (durations,
//   times of day, holidays).
// Extractor specs carry no resolution: there the in-scope Text must parse.

#include <doctest/doctest.h>

#include "convert/calendar.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using nlohmann::json;
using reportex::CivilDate;
using namespace reportex::internal;

namespace {

const std::filesystem::path kSpecDir = std::filesystem::path(REPORTEX_SOURCE_DIR "/../shared") / "peer-specs";

bool contains(const std::string& text, const char* marker) { return text.find(marker) != std::string::npos; }

bool has_any(const std::string& text, std::initializer_list<const char*> markers) {
  for (const char* m : markers)
    if (contains(text, m)) return true;
  return false;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the first run of ASCII digits, and the text after it.
std::pair<std::size_t, std::string> leading_number(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size() && !is_digit(text[i])) ++i;
  std::size_t start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  return {i - start, text.substr(i)};
}

std::size_t digit_runs(const std::string& text) {
  std::size_t runs = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) ++runs;
  return runs;
}

// Why a span is out of scope (see the comment block above); empty when it is in.
std::string out_of_scope(const std::string& text) {
  if (has_any(text, {"点", "點", "时", "時", "分", "秒", "早", "晚", "午", "晨", "晏", "夜", ":", "pm", "PM"}))
    return "time of day";
  if (has_any(text, {"星期", "礼拜", "禮拜", "周", "週"})) return "weekday or week";
  if (has_any(text, {"今天", "今日", "昨", "明天", "明日", "后天", "後天", "後日", "前天", "前日", "最近", "现在",
                     "現在", "此刻", "此時", "此时", "当前", "當前", "马上", "宜家", "而家", "依家"}))
    return "relative day";
  if (has_any(text, {"天", "个月", "個月", "近", "过去", "未来", "还剩", "上1", "前1", "下1", "后1", "上2"}))
    return "duration";
  if (has_any(text, {"节", "節", "元旦", "圣诞", "聖誕", "三一五", "夏", "春", "秋", "冬", "年代", "世纪", "的",
                     "最后", "最後", "半月", "半周", "个半年"}))
    return "holiday, season, decade or sub-period";
  if (has_any(text, {"农历", "正月", "初一", "大年", "康熙", "雍正", "民国", "神龙"})) return "lunar or era";
  if (has_any(text, {"今個", "聽日", "尋日"})) return "Cantonese";
  auto [digits, rest] = leading_number(text);
  char after = rest.empty() ? '\0' : rest.front();
  if (digits > 0 && digits != 4 && (after == '/' || after == '.' || after == '-')) return "ambiguous numeric order";
  if (digits > 0 && digits < 4 && contains(text, "年前")) return "duration";  // 5年前
  if (!has_any(text, {"年", "月", "日", "号", "號", "季"}) && digit_runs(text) < 3) return "no date unit";
  if (!has_any(text, {"年", "月", "-", "/", "."})) return "day without month";
  if (text == "07年" || text == "08年" || text == "零八年" || text == "07年以后" || text == "07 年以前" ||
      text == "07 年")
    return "two-digit year without month";
  if (text == "2010年之后2018年之前") return "open bounds on both sides";
  if ((digits == 3 && rest.rfind("年", 0) == 0) || text == "三六七年一月一日") return "year before 1000";
  return {};
}

std::optional<CivilDate> date_prefix(const std::string& text) {
  CivilDate d;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3) return std::nullopt;
  return d;
}

std::string two(int v) {
  std::array<char, 8> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02d", v);
  return buffer.data();
}
std::string date_string(const CivilDate& d) { return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day); }

// First day of a SCHEMA value ("2025", "2025-06", "2025-06-27", "2025-H2", "2025-Q3").
std::optional<CivilDate> first_day(const std::string& value) {
  int year = 0;
  if (value.size() < 4 || std::sscanf(value.c_str(), "%4d", &year) != 1) return std::nullopt;
  if (value.size() == 4) return CivilDate{year, 1, 1};
  if (value[5] == 'H') return CivilDate{year, value[6] == '1' ? 1 : 7, 1};
  if (value[5] == 'Q') return CivilDate{year, (value[6] - '0') * 3 - 2, 1};
  if (value.size() == 7) return CivilDate{year, std::stoi(value.substr(5, 2)), 1};
  return date_prefix(value);
}

// The day after the period a value names (years, months, halves, quarters).
std::optional<CivilDate> day_after(const std::string& value) {
  auto first = first_day(value);
  if (!first) return std::nullopt;
  int months = value.size() == 4 ? 12 : value[5] == 'H' ? 6 : value[5] == 'Q' ? 3 : value.size() == 7 ? 1 : 0;
  if (months == 0) return std::nullopt;
  int index = first->year * 12 + first->month - 1 + months;
  return CivilDate{index / 12, index % 12 + 1, 1};
}

// One resolved peer case.
struct PeerCase {
  std::string text;
  CivilDate reference;
  std::string timex;
  std::string mod;              // since | after | before | until | ""
  std::set<int> offered_years;  // years of the peer's resolutions
  bool not_resolved = false;
};

struct Tally {
  int in_scope = 0, passed = 0;
  std::vector<std::string> failures;
  double rate() const { return in_scope == 0 ? 0.0 : double(passed) / in_scope; }
};

// Month and day of a yearless timex part "XXXX-03-21" / "XXXX-03".
std::pair<int, int> yearless_parts(const std::string& timex) {
  int month = 0, day = 0;
  std::sscanf(timex.c_str() + 5, "%2d-%2d", &month, &day);
  return {month, day};
}

bool same_yearless(const CalendarPoint& ours, const std::string& timex, const std::string& granularity) {
  auto [month, day] = yearless_parts(timex);
  if (ours.month != month) return false;
  return granularity != "day" || ours.day == day;
}

bool matches(const PeerCase& c) {
  auto expr = parse_calendar(c.text);
  if (c.not_resolved) return !expr || resolve(*expr, DateReference{c.reference, c.reference.year, false}).value.empty();
  if (!expr) return false;
  ResolvedDate got = resolve(*expr, DateReference{c.reference, c.reference.year, false});
  std::string want_kind = (c.mod == "since" || c.mod == "after")     ? "since"
                          : (c.mod == "before" || c.mod == "until") ? "until"
                                                                    : "";
  bool year_offered = got.value.empty() || c.offered_years.count(got.year) > 0;

  if (c.timex.front() == '(') {
    std::string start = c.timex.substr(1, c.timex.find(',') - 1);
    std::size_t second = c.timex.find(',') + 1;
    std::string end = c.timex.substr(second, c.timex.find(',', second) - second);
    if (start.rfind("XXXX", 0) == 0) {
      if (got.kind != "range" || !expr->end) return false;
      return same_yearless(expr->start, start, got.granularity) &&
             same_yearless(*expr->end, end, got.granularity) && year_offered;
    }
    if (got.value.empty()) return false;
    auto ours_start = got.kind == "range" ? first_day(*got.start) : first_day(got.value);
    auto ours_end = got.kind == "range" ? first_day(*got.end) : day_after(got.value);
    return ours_start && ours_end && date_string(*ours_start) == start && date_string(*ours_end) == end;
  }
  if (!want_kind.empty() ? got.kind != want_kind : got.kind != "point") return false;
  if (c.timex.rfind("XXXX", 0) == 0) {
    std::string grain = c.timex.size() > 7 ? "day" : "month";
    return got.granularity == grain && same_yearless(expr->start, c.timex, grain) && year_offered;
  }
  return got.value == c.timex;
}

std::optional<CivilDate> reference_of(const json& item) {
  if (!item.contains("Context") || !item["Context"].contains("ReferenceDateTime")) return std::nullopt;
  return date_prefix(item["Context"]["ReferenceDateTime"].get<std::string>());
}

void add_year(std::set<int>& years, const json& object, const char* key) {
  if (object.contains(key) && object[key].is_string())
    if (auto d = date_prefix(object[key].get<std::string>())) years.insert(d->year);
}

// Cases of a Recognizers parser or model spec, with their resolutions.
std::vector<PeerCase> recognizers_cases(const json& spec) {
  std::vector<PeerCase> out;
  for (const auto& item : spec) {
    auto reference = reference_of(item);
    if (!reference) continue;
    for (const auto& result : item["Results"]) {
      PeerCase c;
      c.text = result["Text"].get<std::string>();
      c.reference = *reference;
      if (result.contains("Value")) {  // DateParser / DatePeriodParser
        const json& v = result["Value"];
        c.timex = v["Timex"].get<std::string>();
        for (const char* side : {"FutureResolution", "PastResolution"}) {
          if (!v.contains(side)) continue;
          add_year(c.offered_years, v[side], "date");
          add_year(c.offered_years, v[side], "startDate");
          if (v[side].value("date", "") == "0001-01-01") c.not_resolved = true;
        }
      } else {  // DateTimeModel
        const json& values = result["Resolution"]["values"];
        if (values.empty()) continue;
        c.timex = values[0]["timex"].get<std::string>();
        c.mod = values[0].value("Mod", "");
        for (const auto& v : values) {
          add_year(c.offered_years, v, "value");
          add_year(c.offered_years, v, "start");
          if (v.value("value", "") == "not resolved") c.not_resolved = true;
        }
        std::string type = result["TypeName"].get<std::string>();
        if (type != "datetimeV2.date" && type != "datetimeV2.daterange") continue;
      }
      out.push_back(c);
    }
  }
  return out;
}

json load(const char* name) {
  std::ifstream in(kSpecDir / name);
  return json::parse(in);
}

void report(const char* name, const Tally& t, double floor) {
  std::string failed;
  for (const auto& f : t.failures) failed += " [" + f + "]";
  MESSAGE(std::string(name) << ": " << t.passed << "/" << t.in_scope << " in-scope cases pass ("
                << int(t.rate() * 1000) / 10.0 << "%); failing:" << (failed.empty() ? " none" : failed));
  CHECK(t.in_scope > 0);
  CHECK(t.rate() >= floor);
}

void check_resolving_spec(const char* name, double floor) {
  Tally t;
  for (const auto& c : recognizers_cases(load(name))) {
    if (!out_of_scope(c.text).empty()) continue;
    ++t.in_scope;
    if (matches(c)) ++t.passed;
    else t.failures.push_back(c.text);
  }
  report(name, t, floor);
}

void check_extractor_spec(const char* name, double floor) {
  Tally t;
  for (const auto& item : load(name)) {
    for (const auto& result : item["Results"]) {
      std::string text = result["Text"].get<std::string>();
      if (!out_of_scope(text).empty()) continue;
      ++t.in_scope;
      if (parse_calendar(text)) ++t.passed;
      else t.failures.push_back(text);
    }
  }
  report(name, t, floor);
}

bool specs_present() {
  if (std::filesystem::is_directory(kSpecDir)) return true;
  MESSAGE("peer specs not found at " << kSpecDir.string() << "; skipping");
  return false;
}

}  // namespace

TEST_SUITE("conformance") {
  TEST_CASE("calendar: Recognizers DateExtractor") {
    if (!specs_present()) return;
    check_extractor_spec("recognizers-DateExtractor.json", 1.0);
  }

  TEST_CASE("calendar: Recognizers DatePeriodExtractor") {
    if (!specs_present()) return;
    check_extractor_spec("recognizers-DatePeriodExtractor.json", 1.0);
  }

  TEST_CASE("calendar: Recognizers DateParser") {
    if (!specs_present()) return;
    check_resolving_spec("recognizers-DateParser.json", 1.0);
  }

  TEST_CASE("calendar: Recognizers DatePeriodParser") {
    if (!specs_present()) return;
    check_resolving_spec("recognizers-DatePeriodParser.json", 1.0);
  }

  TEST_CASE("calendar: Recognizers DateTimeModel") {
    if (!specs_present()) return;
    check_resolving_spec("recognizers-DateTimeModel.json", 1.0);
  }

  TEST_CASE("calendar: Duckling Time ZH corpus") {
    if (!specs_present()) return;
    const CivilDate reference{2013, 2, 12};
    Tally t;
    const json corpus = load("duckling-Time-ZH-Corpus.json");
    for (const auto& group : corpus["examples"]) {
      std::string expected = group["expected"].get<std::string>();
      int y = 0, m = 0, d = 0, hour = 0, minute = 0, second = 0;
      std::array<char, 16> grain{};
      if (std::sscanf(expected.c_str(), "datetime (%d, %d, %d, %d, %d, %d) %15s", &y, &m, &d, &hour, &minute,
                      &second, grain.data()) != 7)
        continue;  // intervals and holidays
      std::string g = grain.data();
      std::string want = g == "Day"     ? date_string(CivilDate{y, m, d})
                         : g == "Month" ? std::to_string(y) + "-" + two(m)
                         : g == "Year"  ? std::to_string(y)
                                        : "";
      if (want.empty()) continue;  // hours, minutes, weeks
      for (const auto& phrase : group["phrases"]) {
        PeerCase c{phrase.get<std::string>(), reference, want, "", {y}, false};
        if (!out_of_scope(c.text).empty()) continue;
        ++t.in_scope;
        if (matches(c)) ++t.passed;
        else t.failures.push_back(c.text);
      }
    }
    report("duckling-Time-ZH-Corpus.json", t, 1.0);
  }
}
