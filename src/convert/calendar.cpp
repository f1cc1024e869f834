#include "convert/calendar.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace reportex::internal {
namespace {

// ---------------------------------------------------------------------------
// Text preparation: UTF-8 -> code points, full-width forms folded, white space
// dropped except between two ASCII digits (where it separates "2010 01 29").

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    char32_t cp = 0;
    std::size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else if ((b & 0xE0) == 0xC0) {
      cp = b & 0x1F, len = 2;
    } else if ((b & 0xF0) == 0xE0) {
      cp = b & 0x0F, len = 3;
    } else if ((b & 0xF8) == 0xF0) {
      cp = b & 0x07, len = 4;
    } else {
      cp = 0xFFFD;
    }
    if (i + len > s.size()) return out + U'\uFFFD';
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0';
}
bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

std::u32string prepare(std::string_view text) {
  std::u32string folded;
  for (char32_t c : decode_utf8(text)) {
    if (c >= U'\uFF01' && c <= U'\uFF5E') c = c - 0xFF01 + 0x21;  // full-width ASCII
    folded.push_back(c);
  }
  std::u32string out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (!is_space(folded[i])) {
      out.push_back(folded[i]);
      continue;
    }
    std::size_t j = i;
    while (j < folded.size() && is_space(folded[j])) ++j;
    if (!out.empty() && is_ascii_digit(out.back()) && j < folded.size() && is_ascii_digit(folded[j]))
      out.push_back(U' ');
    i = j - 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Numbers: ASCII digit runs, or Chinese numerals (二〇二四, 十二, 二十三, 两千零四).

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': case U'兩': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
int chinese_unit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'廿': return 20;
    case U'卅': return 30;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

struct Number {
  int value = 0;
  int chars = 0;
  bool chinese = false;
  bool positional = false;   // has 十/百/千: not a digit-by-digit year
  bool has_liang = false;    // 两 is never a digit of a digit-by-digit year
};

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[static_cast<std::size_t>(month - 1)];
}

enum class Unit { none, year, month, quarter, day };

class Parser {
 public:
  explicit Parser(std::u32string text) : s_(std::move(text)) {}

  std::optional<CalendarExpr> parse_expression();

 private:
  std::u32string s_;
  std::size_t pos_ = 0;

  bool at_end() const { return pos_ >= s_.size(); }
  char32_t peek(std::size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : 0; }
  bool looking_at(std::u32string_view word) const { return s_.compare(pos_, word.size(), word) == 0; }
  bool eat(std::u32string_view word) {
    if (!looking_at(word)) return false;
    pos_ += word.size();
    return true;
  }
  template <std::size_t N>
  bool eat_any(const std::array<std::u32string_view, N>& words) {
    for (auto w : words)
      if (eat(w)) return true;
    return false;
  }

  std::optional<Number> number();
  std::optional<int> year_from(const Number& n) const;
  bool eat_connector();
  bool eat_time_of_day();
  bool eat_clock();
  bool numeric_date(CalendarPoint& p);
  bool year_part(CalendarPoint& p);
  bool after_year(CalendarPoint& p, bool have_year);
  bool month_part(CalendarPoint& p);
  bool day_part(CalendarPoint& p, bool allow_bare);
  std::optional<CalendarPoint> point(bool range_end);
  std::optional<CalendarExpr> range_from_bare_number();
  std::optional<CalendarExpr> body();
};

std::optional<Number> Parser::number() {
  Number n;
  std::size_t start = pos_;
  if (is_ascii_digit(peek())) {
    long long v = 0;
    while (is_ascii_digit(peek()) && n.chars < 9) v = v * 10 + (s_[pos_++] - U'0'), ++n.chars;
    if (is_ascii_digit(peek())) {  // too long to be part of a date
      pos_ = start;
      return std::nullopt;
    }
    n.value = static_cast<int>(v);
    return n;
  }
  n.chinese = true;
  int total = 0, current = 0, digits_in_row = 0, by_digits = 0;
  while (!at_end()) {
    char32_t c = peek();
    if (int d = chinese_digit(c); d >= 0) {
      n.has_liang = n.has_liang || c == U'两' || c == U'兩';
      current = d;
      by_digits = by_digits * 10 + d;
      if (d != 0) ++digits_in_row;  // 零 only holds a place (两千零四)
    } else if (int u = chinese_unit(c); u > 0) {
      total += (digits_in_row == 0 ? 1 : current) * u;
      current = 0;
      digits_in_row = 0;
      n.positional = true;
    } else {
      break;
    }
    ++pos_, ++n.chars;
    if (n.chars > 8) break;
  }
  if (n.chars == 0) return std::nullopt;
  // Digits in a row make sense digit by digit (二〇二四), not with units (十四五).
  if (n.positional && digits_in_row > 1) {
    pos_ = start;
    return std::nullopt;
  }
  n.value = n.positional ? total + current : by_digits;
  return n;
}

// A year written with 年: four ASCII digits, four Chinese digits read one by
// one, or a Chinese numeral of at least a thousand (两千零四). Two-digit years
// ("18年") are taken only when a month follows (see year_part): alone they read
// as durations ("10年").
std::optional<int> Parser::year_from(const Number& n) const {
  if (!n.chinese) {
    if (n.chars == 4 && n.value >= 1000 && n.value <= 2999) return n.value;
    if (n.chars == 2) return n.value < 50 ? 2000 + n.value : 1900 + n.value;
    return std::nullopt;
  }
  if (n.positional) return n.value >= 1000 && n.value <= 2999 ? std::optional<int>(n.value) : std::nullopt;
  if (n.has_liang) return std::nullopt;
  if (n.chars == 4 && n.value >= 1000) return n.value;
  if (n.chars == 2) return n.value < 50 ? 2000 + n.value : 1900 + n.value;
  return std::nullopt;
}

bool Parser::eat_connector() {
  static constexpr std::array<std::u32string_view, 8> kWords{U"至", U"到", U"——", U"—", U"–", U"-", U"~", U"−"};
  return eat_any(kWords);
}

bool Parser::eat_time_of_day() {
  static constexpr std::array<std::u32string_view, 16> kWords{
      U"上午", U"下午", U"中午", U"晚上", U"晚间", U"晚間", U"早上", U"早晨", U"早间", U"早間",
      U"凌晨", U"傍晚", U"夜间", U"夜里", U"晚", U"早"};
  return eat_any(kWords);
}

// The hour a day is given to ("10时", "9点30分", "14:00"): a range of days may be
// timed at both ends ("11月11日10时至12日10时"); the day is what is dated.
bool Parser::eat_clock() {
  const std::size_t start = pos_;
  auto hour = number();
  if (!hour || hour->chinese || hour->value > 24) return pos_ = start, false;
  if (eat(U"时") || eat(U"時") || eat(U"点") || eat(U"點")) {
    if (eat(U"半")) return true;
    const std::size_t minutes = pos_;
    auto m = number();
    if (!(m && !m->chinese && m->value < 60 && eat(U"分"))) pos_ = minutes;  // "10时" alone
    return true;
  }
  if (eat(U":")) {
    if (auto m = number(); m && !m->chinese && m->chars == 2 && m->value < 60) return true;
  }
  return pos_ = start, false;
}

// 2025-06-27, 2025.6.27, 2025/6/27, "2010 01 29": year, month, day with one separator.
bool Parser::numeric_date(CalendarPoint& p) {
  std::size_t start = pos_;
  auto y = number();
  if (!y || y->chinese || y->chars != 4) return pos_ = start, false;
  char32_t sep = peek();
  if (sep != U'-' && sep != U'.' && sep != U'/' && sep != U' ') return pos_ = start, false;
  ++pos_;
  auto m = number();
  if (!m || m->chinese || m->chars > 2 || peek() != sep) return pos_ = start, false;
  ++pos_;
  auto d = number();
  if (!d || d->chinese || d->chars > 2) return pos_ = start, false;
  auto year = year_from(*y);
  if (!year || m->value < 1 || m->value > 12 || d->value < 1 || d->value > 31) return pos_ = start, false;
  p.year = year, p.month = m->value, p.day = d->value;
  eat(U"日") || eat(U"号");
  eat_time_of_day();
  eat_clock();
  return true;
}

bool Parser::year_part(CalendarPoint& p) {
  struct Relative {
    std::u32string_view word;
    int offset;
  };
  static constexpr std::array<Relative, 13> kRelative{{{U"大前年", -3}, {U"前年", -2}, {U"去年", -1},
                                                       {U"上年", -1}, {U"今年", 0}, {U"本年", 0},
                                                       {U"这一年", 0}, {U"這一年", 0}, {U"明年", 1},
                                                       {U"下年", 1}, {U"来年", 1}, {U"后年", 2},
                                                       {U"後年", 2}}};
  for (const auto& r : kRelative) {
    if (eat(r.word)) {
      p.year_offset = r.offset;
      eat(U"度");
      return true;
    }
  }
  std::size_t start = pos_;
  auto n = number();
  if (!n || !eat(U"年")) return pos_ = start, false;
  auto year = year_from(*n);
  if (!year) return pos_ = start, false;
  if (!n->positional && n->chars == 2) {  // "18年10月" but not "10年"
    std::size_t after = pos_;
    auto m = number();
    bool month_follows = m && peek() == U'月';
    pos_ = after;
    if (!month_follows) return pos_ = start, false;
  }
  p.year = year;
  eat(U"度");
  return true;
}

// What may follow a year (or stand alone with an implied one): an edge
// (年初/年底/年末/年中), a half (上半年) or a quarter (第一季度, 一季度).
bool Parser::after_year(CalendarPoint& p, bool have_year) {
  std::size_t start = pos_;
  if (eat(U"年") || have_year) {
    if (eat(U"初")) return p.edge = PeriodEdge::start, true;
    if (eat(U"底") || eat(U"末")) return p.edge = PeriodEdge::end, true;
    if (eat(U"中")) return p.edge = PeriodEdge::middle, true;
    pos_ = start;
  }
  static constexpr std::array<std::u32string_view, 2> kFirstHalf{U"上半年", U"前半年"};
  static constexpr std::array<std::u32string_view, 3> kSecondHalf{U"下半年", U"后半年", U"後半年"};
  if (eat_any(kFirstHalf)) return p.half = 1, true;
  if (eat_any(kSecondHalf)) return p.half = 2, true;
  eat(U"第");
  auto n = number();
  if (n && n->value >= 1 && n->value <= 4 && n->chars == 1 && eat(U"季度")) {
    p.quarter = n->value;
    if (eat(U"末") || eat(U"底")) p.edge = PeriodEdge::end;  // 三季度末
    return true;
  }
  pos_ = start;
  return false;
}

bool Parser::month_part(CalendarPoint& p) {
  struct Relative {
    std::u32string_view word;
    int offset;
  };
  static constexpr std::array<Relative, 10> kRelative{{{U"本月", 0}, {U"当月", 0}, {U"這個月", 0},
                                                       {U"这个月", 0}, {U"上个月", -1}, {U"上個月", -1},
                                                       {U"上月", -1}, {U"下个月", 1}, {U"下個月", 1},
                                                       {U"下月", 1}}};
  bool found = false;
  for (const auto& r : kRelative) {
    if (eat(r.word)) {
      p.month_offset = r.offset;
      found = true;
      break;
    }
  }
  if (!found) {
    std::size_t start = pos_;
    auto n = number();
    if (!n || n->value < 1 || n->value > 12 || !eat(U"月")) return pos_ = start, false;
    p.month = n->value;
    eat(U"份");
  }
  if (eat(U"初") || eat(U"上旬")) p.edge = PeriodEdge::start;
  else if (eat(U"中旬") || eat(U"中")) p.edge = PeriodEdge::middle;
  else if (eat(U"底") || eat(U"末") || eat(U"下旬")) p.edge = PeriodEdge::end;
  return true;
}

// A day: "27日", "18号", or a bare number ending a point ("八月十五").
bool Parser::day_part(CalendarPoint& p, bool allow_bare) {
  std::size_t start = pos_;
  auto n = number();
  if (!n || n->value < 1 || n->value > 31) return pos_ = start, false;
  if (!(eat(U"日") || eat(U"号") || eat(U"號"))) {
    std::size_t after = pos_;
    bool ends_point = at_end() || eat_connector() || eat_time_of_day();
    pos_ = after;
    if (!allow_bare || !ends_point) return pos_ = start, false;
  }
  p.day = n->value;
  eat_time_of_day();
  eat_clock();
  return true;
}

// One calendar point. A range's second point may leave out its year and
// month ("3月21日至22日"); it is completed from the first one by the caller.
std::optional<CalendarPoint> Parser::point(bool range_end) {
  CalendarPoint p;
  if (numeric_date(p)) return p;
  bool have_year = year_part(p);
  if (have_year && looking_at(U"年") && (peek(1) == U'初' || peek(1) == U'底' || peek(1) == U'末'))
    ++pos_;  // 今年年底
  if (after_year(p, have_year)) return p;
  bool have_month = month_part(p);
  if (have_month && p.edge != PeriodEdge::none) return p;
  // A day alone ("15日上午") is completed by the dates stage from the text before it.
  bool have_day = (have_month || range_end || !have_year) && day_part(p, have_month);
  if (!have_year && !have_month && !have_day) return std::nullopt;
  return p;
}

void complete_range_end(const CalendarPoint& first, CalendarPoint& last) {
  bool inherits_year = !last.year && !last.year_offset;
  if (inherits_year) {
    last.year = first.year;
    last.year_offset = first.year_offset;
  }
  if (last.day && !last.month && !last.month_offset) {
    last.month = first.month;
    last.month_offset = first.month_offset;
  }
  // "2024年11月至2月": the second month is in the next year.
  bool wraps = last.month && first.month && last.month < first.month;
  if (inherits_year && wraps) {
    if (last.year) ++*last.year;
    if (last.year_offset) ++*last.year_offset;
  }
}

bool valid(const CalendarPoint& p) {
  if (p.day) {
    if (!p.month && !p.month_offset) return !p.year && !p.year_offset;  // a day alone
    int year = p.year.value_or(2000);  // a leap year, when the year is not written
    if (p.month && p.day > days_in_month(year, p.month)) return false;
  }
  return true;
}

Unit first_unit(const CalendarPoint& p) {
  if (p.year || p.year_offset) return p.month || p.quarter || p.half ? Unit::none : Unit::year;
  if (p.month) return Unit::month;
  if (p.quarter) return Unit::quarter;
  if (p.day) return Unit::day;
  return Unit::none;
}

// "1至5月", "2023至2025年", "今年1-5月", "一至三季度": the first end is a bare
// number whose unit is the one the second end starts with.
std::optional<CalendarExpr> Parser::range_from_bare_number() {
  std::size_t start = pos_;
  CalendarExpr e;
  e.kind = CalendarKind::range;
  year_part(e.start);
  auto n = number();
  if (!n || !eat_connector()) return pos_ = start, std::nullopt;
  auto last = point(false);
  if (!last) return pos_ = start, std::nullopt;
  bool start_has_year = e.start.year || e.start.year_offset;
  switch (first_unit(*last)) {
    case Unit::year: {
      auto year = start_has_year ? std::nullopt : year_from(*n);
      if (!year || n->chars != 4) return pos_ = start, std::nullopt;
      e.start.year = year;
      break;
    }
    case Unit::month:
      if (n->value < 1 || n->value > 12) return pos_ = start, std::nullopt;
      e.start.month = n->value;
      break;
    case Unit::quarter:
      if (n->value < 1 || n->value > 4) return pos_ = start, std::nullopt;
      e.start.quarter = n->value;
      break;
    default:
      return pos_ = start, std::nullopt;
  }
  complete_range_end(e.start, *last);
  e.end = *last;
  return e;
}

std::optional<CalendarExpr> Parser::body() {
  std::size_t start = pos_;
  // 前三季度, 前11个月: the first N quarters or months of a year
  {
    CalendarPoint year;
    year_part(year);
    if (eat(U"前")) {
      auto n = number();
      if (n && n->chars == 1 && n->value >= 2 && n->value <= 4 && eat(U"季度") && at_end()) {
        CalendarExpr e;
        e.kind = CalendarKind::range;
        e.start = year, e.start.quarter = 1;
        e.end = year, e.end->quarter = n->value;
        return e;
      }
      if (n && n->value >= 2 && n->value <= 12 && eat(U"个月") && at_end()) {
        CalendarExpr e;
        e.kind = CalendarKind::range;
        e.start = year, e.start.month = 1;
        e.end = year, e.end->month = n->value;
        return e;
      }
    }
    pos_ = start;
  }
  if (auto e = range_from_bare_number()) return e;
  auto first = point(false);
  if (!first) return std::nullopt;
  CalendarExpr e;
  e.start = *first;
  std::size_t before_connector = pos_;
  if (eat_connector()) {
    if (auto last = point(true)) {
      complete_range_end(e.start, *last);
      e.kind = CalendarKind::range;
      e.end = *last;
      return e;
    }
    pos_ = before_connector;
  }
  static constexpr std::array<std::u32string_view, 3> kAnd{U"和", U"与", U"與"};
  if (eat_any(kAnd)) {
    static constexpr std::array<std::u32string_view, 4> kBetween{U"之间", U"之間", U"间", U"間"};
    auto last = point(true);
    if (!last || !eat_any(kBetween)) return std::nullopt;
    complete_range_end(e.start, *last);
    e.kind = CalendarKind::range;
    e.end = *last;
  }
  return e;
}

std::optional<CalendarExpr> Parser::parse_expression() {
  static constexpr std::array<std::u32string_view, 7> kUntilPrefix{U"截至到", U"截止到", U"截至", U"截止", U"直到", U"到", U"至"};
  static constexpr std::array<std::u32string_view, 4> kSincePrefix{U"自从", U"自", U"从", U"從"};
  static constexpr std::array<std::u32string_view, 14> kSinceSuffix{
      U"以来", U"以來", U"至今", U"或之后", U"或之後", U"及以后", U"及之后", U"以后", U"以後",
      U"之后", U"之後", U"开始", U"開始", U"起"};
  static constexpr std::array<std::u32string_view, 6> kUntilSuffix{U"或之前", U"及以前", U"及之前", U"以前",
                                                                   U"之前", U"前"};
  eat(U"在");  // "在2007年与2009年之间": the preposition adds nothing
  bool until_prefix = eat_any(kUntilPrefix);
  bool since_prefix = !until_prefix && eat_any(kSincePrefix);
  auto e = body();
  if (!e) return std::nullopt;
  bool since_suffix = eat_any(kSinceSuffix);
  const bool to_date = !since_suffix && eat(U"为止");  // "截至6月底为止": up to a point, not a deadline
  bool until_suffix = !since_suffix && (to_date || eat_any(kUntilSuffix));
  if (!at_end()) return std::nullopt;
  if (!valid(e->start) || (e->end && !valid(*e->end))) return std::nullopt;
  bool is_range = e->kind == CalendarKind::range;
  if (is_range) {
    if (until_prefix || since_suffix || until_suffix) return std::nullopt;
    return e;  // "从X到Y" is a range
  }
  if ((until_prefix || until_suffix) && (since_prefix || since_suffix)) {
    // "截至X为止" is fine; "截至X以来" is not
    return std::nullopt;
  }
  if (until_prefix || until_suffix) e->kind = CalendarKind::until;
  else if (since_prefix || since_suffix) e->kind = CalendarKind::since;
  e->deadline = until_suffix && !until_prefix && !to_date;
  return e;
}

// ---------------------------------------------------------------------------
// Resolution

std::string pad(int value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return value < 0 ? "-" + digits : digits;
}

struct Placed {
  int year = 0;  // 0 when unknown
  int month = 0;
  std::string source;
};

CivilDate add_months(CivilDate d, int months) {
  int index = d.year * 12 + (d.month - 1) + months;
  CivilDate out{index / 12, index % 12 + 1, d.day};
  out.day = std::min(out.day, days_in_month(out.year, out.month));
  return out;
}

// The year (and, for 本月/上月, the month) of one point.
Placed place(const CalendarPoint& p, const DateReference& ref) {
  Placed out;
  out.month = p.month;
  if (p.year && !p.month_offset) {
    out.year = *p.year;
    out.source = "explicit";
    return out;
  }
  int base = ref.year != 0 ? ref.year : (ref.date ? ref.date->year : 0);
  if (base == 0) return out;
  std::string source = ref.year_inferred ? "inferred" : "reference";
  if (p.month_offset) {
    if (!ref.date) return out;
    int year = p.year ? *p.year : ref.date->year + p.year_offset.value_or(0);
    CivilDate moved = add_months(CivilDate{year, ref.date->month, 1}, *p.month_offset);
    out.year = moved.year, out.month = moved.month;
    out.source = p.year ? "explicit" : source;
    return out;
  }
  out.source = source;
  out.year = base + p.year_offset.value_or(0);
  return out;
}

// A yearless month/day more than two months after the reference date is
// taken to be from the year before ("12月30日" written on 2025-01-05).
bool belongs_to_year_before(const CalendarPoint& p, const Placed& at, const DateReference& ref) {
  if (p.year || p.year_offset || p.month_offset || !ref.date || p.month == 0) return false;
  int day = p.day ? std::min(p.day, days_in_month(at.year, p.month)) : 1;
  return CivilDate{at.year, p.month, day} > add_months(*ref.date, 2);
}

// A yearless deadline more than half a year before the reference date is
// of the year after ("1月15日前" written on 2025-12-30).
bool deadline_in_year_after(const CalendarPoint& p, const Placed& at, const DateReference& ref) {
  if (p.year || p.year_offset || p.month_offset || !ref.date || p.month == 0) return false;
  int day = p.day ? std::min(p.day, days_in_month(at.year, p.month)) : days_in_month(at.year, p.month);
  return CivilDate{at.year, p.month, day} < add_months(*ref.date, -6);
}

std::string granularity_of(const CalendarPoint& p) {
  if (p.day) return "day";
  if (p.month || p.month_offset) return "month";
  if (p.half) return "half";
  if (p.quarter) return "quarter";
  return "year";
}

// The value string of a placed point; empty when the day does not exist
// in that year (2月29日 in a common year).
std::string value_of(const CalendarPoint& p, const Placed& at) {
  std::string year = pad(at.year, 4);
  if (at.month && p.day) {
    if (p.day > days_in_month(at.year, at.month)) return {};
    return year + "-" + pad(at.month, 2) + "-" + pad(p.day, 2);
  }
  if (at.month) return year + "-" + pad(at.month, 2);
  if (p.half) return year + "-H" + std::to_string(p.half);
  if (p.quarter) return year + "-Q" + std::to_string(p.quarter);
  return year;
}

const char* kind_name(CalendarKind k) {
  switch (k) {
    case CalendarKind::since: return "since";
    case CalendarKind::until: return "until";
    case CalendarKind::range: return "range";
    case CalendarKind::point: break;
  }
  return "point";
}

}  // namespace

std::optional<CalendarExpr> parse_calendar(std::string_view text) {
  Parser parser(prepare(text));
  return parser.parse_expression();
}

bool has_explicit_year(const CalendarExpr& e) noexcept { return e.start.year.has_value(); }

std::optional<CivilDate> full_date(const CalendarExpr& e) noexcept {
  const CalendarPoint& p = e.start;
  if (e.kind == CalendarKind::range || !p.year || !p.month || !p.day || p.month_offset) return std::nullopt;
  return CivilDate{*p.year, p.month, p.day};
}

ResolvedDate resolve(const CalendarExpr& e, const DateReference& ref) {
  ResolvedDate out;
  out.kind = kind_name(e.kind);
  out.granularity = granularity_of(e.start);
  Placed first = place(e.start, ref);
  if (first.year == 0) return out;
  // A range that would end more than two months after the reference date is
  // of the year before as a whole ("1至9月" in a report of January 2025).
  bool range_ends_later = false;
  if (e.kind == CalendarKind::range && !e.start.year && !e.start.year_offset && e.end) {
    const Placed last = place(*e.end, ref);
    range_ends_later = last.year != 0 && e.end->month >= e.start.month && belongs_to_year_before(*e.end, last, ref);
  }
  int shift = belongs_to_year_before(e.start, first, ref) || range_ends_later ? -1 : 0;
  if (e.deadline && ref.deadlines_ahead) shift = deadline_in_year_after(e.start, first, ref) ? 1 : 0;
  first.year += shift;
  std::string first_value = value_of(e.start, first);
  if (first_value.empty()) return out;

  std::optional<std::string> range_end;
  bool quarter_range = false;
  if (e.kind == CalendarKind::range) {
    const CalendarPoint& p = *e.end;
    Placed last = place(p, ref);
    if (last.year == 0) return out;
    bool yearless = !p.year && !p.year_offset && !p.month_offset;
    if (yearless) last.year += shift;
    if (yearless && p.month && e.start.month && p.month < e.start.month) ++last.year;  // 11月至2月
    quarter_range = e.start.quarter && p.quarter;
    range_end = quarter_range ? pad(last.year, 4) + "-" + pad(p.quarter * 3, 2) : value_of(p, last);
    if (range_end->empty()) return out;
    // A range is dated by its last point, and is as fine as that point: "2023年至2025年6月" is a month.
    out.granularity = granularity_of(p);
  }

  out.year = first.year;
  out.year_source = first.source;
  out.value = first_value;
  switch (e.kind) {
    case CalendarKind::point: break;
    case CalendarKind::since: out.start = out.value; break;
    case CalendarKind::until: out.end = out.value; break;
    case CalendarKind::range:
      if (quarter_range) {
        // 前三季度: the year, from the first month of one quarter to the last of another
        out.value = pad(first.year, 4);
        out.start = out.value + "-" + pad(e.start.quarter * 3 - 2, 2);
      } else {
        out.start = out.value;
      }
      out.end = range_end;
      break;
  }
  return out;
}

}  // namespace reportex::internal
