#include "convert/number.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace reportex::internal {

const char* to_string(Approx a) noexcept {
  switch (a) {
    case Approx::exact: return "exact";
    case Approx::about: return "about";
    case Approx::over: return "over";
    case Approx::under: return "under";
  }
  return "exact";
}

bool Number::integral() const noexcept {
  auto whole = [](double v) { return std::isfinite(v) && std::trunc(v) == v; };
  return whole(value) && (!high || whole(*high));
}

namespace {

using Text = std::u32string;
using View = std::u32string_view;

// Characters that separate the two ends of a range; every dash-like form is folded to '~'.
constexpr char32_t range_dash = U'~';

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2002 && c <= 0x200B) || c == 0xFEFF;
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Folds full-width ASCII, dashes, traditional and financial numerals to one spelling each,
// so that the scanner below needs to know only 零一二…九 十百千 万亿.
char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x301C:
      return range_dash;
    case 0xFFE5: return 0xA5;  // ￥ -> ¥
    case U'〇': return U'零';
    case U'壹': return U'一';
    case U'贰': case U'貳': case U'两': case U'兩': case U'倆': case U'俩': return U'二';
    case U'叁': case U'參': case U'参': return U'三';
    case U'肆': return U'四';
    case U'伍': return U'五';
    case U'陆': case U'陸': return U'六';
    case U'柒': return U'七';
    case U'捌': return U'八';
    case U'玖': return U'九';
    case U'拾': return U'十';
    case U'佰': return U'百';
    case U'仟': return U'千';
    case U'萬': return U'万';
    case U'億': return U'亿';
    case U'點': return U'点';
    case U'幾': return U'几';
    case U'個': return U'个';
    case U'負': return U'负';
    case U'餘': return U'余';
    case U'幣': return U'币';
    default: return c;
  }
}

// Decodes UTF-8 and folds it (see fold); white space is dropped except between two ASCII
// digits, where it would glue two numbers into one ("20 30").
std::optional<Text> normalize(std::string_view in) {
  Text out;
  bool space_before = false;
  std::size_t i = 0;
  while (i < in.size()) {
    auto lead = static_cast<unsigned char>(in[i]);
    int extra = lead < 0x80                  ? 0
                : lead >= 0xC2 && lead < 0xE0 ? 1
                : lead >= 0xE0 && lead < 0xF0 ? 2
                : lead >= 0xF0 && lead < 0xF5 ? 3
                                              : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= in.size()) return std::nullopt;
    char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(in[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      c = (c << 6) | (next & 0x3F);
    }
    i += extra + 1;
    if (is_space(c)) {
      space_before = true;
      continue;
    }
    c = fold(c);
    if (space_before && !out.empty() && is_ascii_digit(out.back()) && is_ascii_digit(c))
      return std::nullopt;
    space_before = false;
    // 廿 卅 卌 are contractions of 二十 三十 四十.
    if (c == U'廿' || c == U'卅' || c == U'卌') {
      out.push_back(c == U'廿' ? U'二' : c == U'卅' ? U'三' : U'四');
      out.push_back(U'十');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

int chinese_digit(char32_t c) {
  constexpr View digits = U"零一二三四五六七八九";
  auto at = digits.find(c);
  return at == View::npos ? -1 : static_cast<int>(at);
}

double small_unit_of(char32_t c) {
  return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
}

double big_unit_of(char32_t c) { return c == U'万' ? 1e4 : c == U'亿' ? 1e8 : 0; }

bool starts_with(View s, View p) { return s.substr(0, p.size()) == p; }
bool ends_with(View s, View p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// Rounds to the decimals the input was written with, so that "3033.28" x 1e4 is exactly
// 30332800 instead of 30332799.999999996.
double round_to_decimals(double v, int decimals) {
  if (decimals < 0 || decimals > 15 || !std::isfinite(v)) return v;
  double scale = std::pow(10.0, decimals);
  double scaled = v * scale;
  if (!std::isfinite(scaled) || std::fabs(scaled) > 9e15) return v;
  return std::round(scaled) / scale;
}

double to_double(const std::string& ascii) {
  double v = 0;
  std::from_chars(ascii.data(), ascii.data() + ascii.size(), v);
  return v;
}

// One number without range or approximation prefix/suffix.
struct Parsed {
  double value = 0;
  int decimals = 0;        // fraction digits as written; -1 when unknown (fractions)
  bool over = false;       // 余, 多 or 几 inside the number
  bool unitless = true;    // no 十百千万亿 at all ("3", "3.5", "三")
  double trailing = 1;     // the big units that end the number ("5万" -> 1e4, "4万亿" -> 1e12)
};

// Reads a run of Arabic digits with optional thousands separators and decimals at s[i].
std::optional<Parsed> arabic_run(View s, std::size_t& i) {
  std::string ascii;
  std::size_t group = 0;  // digits since the last separator
  bool separated = false;
  std::size_t j = i;
  for (; j < s.size(); ++j) {
    if (is_ascii_digit(s[j])) {
      ascii.push_back(static_cast<char>(s[j]));
      ++group;
    } else if (s[j] == U',' && !ascii.empty() && (separated ? group == 3 : group <= 3)) {
      separated = true;
      group = 0;
    } else {
      break;
    }
  }
  if (separated && group != 3) return std::nullopt;
  Parsed p;
  if (j < s.size() && s[j] == U'.' && j + 1 < s.size() && is_ascii_digit(s[j + 1])) {
    ascii.push_back('.');
    for (++j; j < s.size() && is_ascii_digit(s[j]); ++j) {
      ascii.push_back(static_cast<char>(s[j]));
      ++p.decimals;
    }
  }
  if (ascii.empty() || ascii.front() == '.') ascii.insert(ascii.begin(), '0');
  p.value = to_double(ascii);
  i = j;
  return p;
}

// Chinese digits written positionally ("二〇二四", "三点一四", "零点五"), no units.
std::optional<Parsed> digit_string(View s) {
  std::string ascii;
  Parsed p;
  bool point = false;
  for (char32_t c : s) {
    if (c == U'点') {
      if (point || ascii.empty()) return std::nullopt;
      point = true;
      ascii.push_back('.');
    } else {
      ascii.push_back(static_cast<char>('0' + chinese_digit(c)));
      if (point) ++p.decimals;
    }
  }
  if (point && p.decimals == 0) return std::nullopt;
  p.value = to_double(ascii);
  return p;
}

// Integers and decimals in any mix of Arabic and Chinese writing, with 余/多/几 inside.
// A bare big unit ("万") is accepted only when `allow_bare` is set or 余/多 follows it.
std::optional<Parsed> parse_plain(View s, bool allow_bare) {
  if (s.empty()) return std::nullopt;
  bool all_digits = std::all_of(s.begin(), s.end(), [](char32_t c) {
    return chinese_digit(c) >= 0 || c == U'点';
  });
  if (all_digits) return digit_string(s);

  enum class Prev { none, digit, zero, small, big, approx, fraction };
  Parsed out;
  double total = 0;       // everything above the current section
  double section = 0;     // the part below the next big unit
  double small_unit = 0;  // the last 十/百/千 in this section
  double largest_big = 0;
  double last_big = 0;
  // A digit (or Arabic run) not yet given a unit. A flag and a value rather than
  // std::optional: GCC 12 warns falsely about optional<double> here (GCC bug 80635).
  double pending_value = 0;
  bool has_pending = false;
  bool pending_chinese = false, pending_after_big = false, pending_after_zero = false;
  bool pending_few = false;  // 几
  bool after_zero = false;
  bool numeric = false;  // saw a digit or a small unit, not only big units
  Prev prev = Prev::none;

  // Adds the pending digit to the section. A lone Chinese digit right after a unit is an
  // abbreviation of the next lower unit: 两千四百五 = 2450, 一万三 = 13000, 百二 = 120.
  auto close_section = [&] {
    if (pending_few) {
      if (section == 0) section = 1;
    } else if (has_pending) {
      double d = pending_value;
      if (pending_chinese && !pending_after_zero) {
        if (small_unit > 0) d *= small_unit / 10;
        else if (pending_after_big) d *= last_big / 10;
      }
      section += d;
    }
    has_pending = false;
    pending_few = false;
  };

  for (std::size_t i = 0; i < s.size();) {
    char32_t c = s[i];
    bool closed = prev == Prev::approx || prev == Prev::fraction;
    if (double big = big_unit_of(c); big > 0) {
      ++i;
      if (prev == Prev::fraction) {  // "一点五万"
        total *= big;
        out.trailing *= big;
        continue;
      }
      close_section();
      // 万万, 万亿 and 万多亿 multiply; an approximation word between them does not break that.
      bool consecutive = section == 0 && (prev == Prev::big || (prev == Prev::approx && out.trailing > 1));
      if (consecutive) {
        total *= big;
        out.trailing *= big;
      } else {
        if (prev == Prev::none) section = 1;  // "万九" = 19000
        total = big > largest_big ? (total + section) * big : total + section * big;
        out.trailing = big;
      }
      largest_big = std::max(largest_big, big);
      last_big = big;
      section = 0;
      small_unit = 0;
      after_zero = false;
      out.unitless = false;
      prev = Prev::big;
      continue;
    }
    if (closed) return std::nullopt;
    if (c != U'余' && c != U'多') out.trailing = 1;
    if (double unit = small_unit_of(c); unit > 0) {
      if (small_unit > 0 && unit >= small_unit) return std::nullopt;  // "百千"
      double times = pending_few || !has_pending ? 1 : pending_value;
      section += times * unit;
      has_pending = false;
      pending_few = false;
      small_unit = unit;
      after_zero = false;
      numeric = true;
      out.unitless = false;
      prev = Prev::small;
      ++i;
    } else if (c == U'零') {
      if (has_pending) return std::nullopt;
      after_zero = true;
      numeric = true;
      prev = Prev::zero;
      ++i;
    } else if (int d = chinese_digit(c); d > 0 || c == U'几') {
      if (has_pending) return std::nullopt;
      pending_value = d > 0 ? d : 0;
      has_pending = true;
      pending_few = c == U'几';
      out.over = out.over || pending_few;
      pending_chinese = true;
      pending_after_big = prev == Prev::big;
      pending_after_zero = after_zero;
      numeric = numeric || !pending_few;
      prev = Prev::digit;
      ++i;
    } else if (is_ascii_digit(c) || (c == U'.' && i + 1 < s.size() && is_ascii_digit(s[i + 1]))) {
      if (has_pending) return std::nullopt;
      auto run = arabic_run(s, i);
      if (!run) return std::nullopt;
      pending_value = run->value;
      has_pending = true;
      out.decimals = std::max(out.decimals, run->decimals);
      pending_chinese = false;
      pending_after_zero = after_zero;
      numeric = true;
      prev = Prev::digit;
    } else if (c == U'余' || c == U'多') {
      if (prev == Prev::none || prev == Prev::zero) return std::nullopt;
      close_section();
      out.over = true;
      prev = Prev::approx;
      ++i;
    } else if (c == U'点') {
      if (prev == Prev::none) return std::nullopt;
      close_section();
      total += section;
      section = 0;
      std::string fraction = "0.";
      for (++i; i < s.size(); ++i) {
        if (int fd = chinese_digit(s[i]); fd >= 0) fraction.push_back(static_cast<char>('0' + fd));
        else if (is_ascii_digit(s[i])) fraction.push_back(static_cast<char>(s[i]));
        else break;
      }
      int digits = static_cast<int>(fraction.size()) - 2;
      if (digits == 0) return std::nullopt;
      total += to_double(fraction);
      out.decimals = std::max(out.decimals, digits);
      prev = Prev::fraction;
    } else {
      return std::nullopt;
    }
  }
  if (prev == Prev::zero) return std::nullopt;  // "一千零"
  if (!numeric && out.unitless) return std::nullopt;  // "几"
  close_section();
  total += section;
  if (!numeric && !allow_bare && !out.over) return std::nullopt;  // a bare "万"
  out.value = round_to_decimals(total, out.decimals);
  return out;
}

// A signed number, possibly a fraction ("三分之一", "一又二分之一", "3/5").
// `percent_denominators` allows 百分之/千分之/万分之, which parse_number leaves to parse_percent.
std::optional<Parsed> parse_value(View s, bool allow_bare, bool percent_denominators) {
  bool negative = false;
  if (!s.empty() && (s.front() == U'负' || s.front() == U'-')) {
    negative = true;
    s.remove_prefix(1);
  }
  std::optional<Parsed> result;
  if (auto of = s.find(U"分之"); of != View::npos) {
    View left = s.substr(0, of);
    View numerator = s.substr(of + 2);
    double whole = 0;
    if (auto plus = left.find(U'又'); plus != View::npos) {
      auto w = parse_plain(left.substr(0, plus), false);
      if (!w) return std::nullopt;
      whole = w->value;
      left = left.substr(plus + 1);
    }
    if (!percent_denominators && (left == U"百" || left == U"千" || left == U"万")) return std::nullopt;
    auto den = parse_plain(left, false);
    auto num = parse_value(numerator, false, percent_denominators);
    if (!den || !num || den->value == 0 || den->over || num->over) return std::nullopt;
    result = Parsed{};
    result->value = whole + num->value / den->value;
    result->decimals = -1;
  } else if (auto slash = s.find(U'/'); slash != View::npos) {
    auto num = parse_plain(s.substr(0, slash), false);
    auto den = parse_plain(s.substr(slash + 1), false);
    if (!num || !den || den->value == 0 || !num->unitless || !den->unitless) return std::nullopt;
    result = Parsed{};
    result->value = num->value / den->value;
    result->decimals = -1;
  } else {
    result = parse_plain(s, allow_bare);
  }
  if (result && negative) result->value = -result->value;
  return result;
}

struct Word {
  View text;
  Approx approx;
};

// Longer words first where one is the start of another (约为 before 约, 超过 before 超).
// 多达 ("as many as") stresses a figure without bounding it, so it stays exact.
constexpr std::array approx_prefixes{
    Word{U"约为", Approx::about}, Word{U"大约", Approx::about}, Word{U"大概", Approx::about},
    Word{U"约", Approx::about},   Word{U"将近", Approx::under}, Word{U"接近", Approx::under},
    Word{U"近", Approx::under},   Word{U"不到", Approx::under}, Word{U"不足", Approx::under},
    Word{U"超过", Approx::over},  Word{U"逾", Approx::over},    Word{U"超", Approx::over},
    Word{U"多达", Approx::exact}, Word{U"上", Approx::over},
};
constexpr std::array approx_suffixes{
    Word{U"以上", Approx::over},   Word{U"左右", Approx::about}, Word{U"上下", Approx::about},
    Word{U"许", Approx::about},    Word{U"以下", Approx::under}, Word{U"以内", Approx::under},
};

struct Stripped {
  Approx approx = Approx::exact;
  bool present = false;  // some approximation word was removed
};

// Removes one approximation word from each end; the prefix decides when both are present.
Stripped strip_approx(View& s) {
  Stripped out;
  Approx suffix = Approx::exact;
  for (const Word& w : approx_prefixes) {
    if (s.size() > w.text.size() && starts_with(s, w.text)) {
      s.remove_prefix(w.text.size());
      out.approx = w.approx;
      out.present = true;
      break;
    }
  }
  for (const Word& w : approx_suffixes) {
    if (s.size() > w.text.size() && ends_with(s, w.text)) {
      s.remove_suffix(w.text.size());
      suffix = w.approx;
      out.present = true;
      break;
    }
  }
  if (out.approx == Approx::exact) out.approx = suffix;
  return out;
}

// Where the range separator is, if any: 至, 到, a dash or a tilde (not a leading minus).
std::optional<std::pair<std::size_t, std::size_t>> find_range(View s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == U'至' || s[i] == U'到' || s[i] == range_dash || s[i] == U'-') return std::pair{i, i + 1};
  }
  return std::nullopt;
}

struct Span {
  Parsed low;
  std::optional<Parsed> high;
  Approx approx = Approx::exact;
};

// A value or range with approximation words, before any unit scaling.
std::optional<Span> parse_span(View s) {
  Stripped words = strip_approx(s);
  Span span;
  if (auto range = find_range(s)) {
    auto low = parse_value(s.substr(0, range->first), false, false);
    auto high = parse_value(s.substr(range->second), false, false);
    if (!low || !high) return std::nullopt;
    // "3至5万": the low end borrows the high end's unit when it has none of its own.
    if (low->unitless && high->trailing > 1 && low->value * high->trailing <= high->value) {
      low->value = round_to_decimals(low->value * high->trailing, low->decimals);
      low->unitless = false;
    }
    if (high->value < low->value) return std::nullopt;
    span.low = *low;
    span.high = *high;
  } else {
    auto value = parse_value(s, words.present, false);
    if (!value) return std::nullopt;
    span.low = *value;
  }
  span.approx = words.approx;
  if (span.approx == Approx::exact && !words.present && (span.low.over || (span.high && span.high->over)))
    span.approx = Approx::over;
  return span;
}

// Multiplies by 10^shift (shift may be negative), keeping the decimals the input had.
double shift_decimal(const Parsed& p, int shift) {
  double v = p.value * std::pow(10.0, shift);
  return p.decimals < 0 ? v : round_to_decimals(v, std::max(0, p.decimals - shift));
}

Number to_number(const Span& span, int shift) {
  Number n;
  n.value = shift_decimal(span.low, shift);
  if (span.high) n.high = shift_decimal(*span.high, shift);
  n.approx = span.approx;
  return n;
}

// One end of a percent: the value in percent units, and the power of ten its marker stands
// for, so that a bare end of a range ("3至5%") can borrow the other end's marker.
struct PercentEnd {
  Parsed value;
  std::optional<int> shift;  // 0 for %, 1 for 成, -1 for 千分之; unset when no marker
};

bool power_of_ten(double v, int& exponent) {
  double e = std::log10(v);
  exponent = static_cast<int>(std::lround(e));
  return v >= 1 && std::fabs(e - exponent) < 1e-9;
}

std::optional<PercentEnd> parse_percent_end(View s) {
  PercentEnd end;
  auto with = [&](View number, int shift) -> std::optional<PercentEnd> {
    auto v = parse_value(number, false, true);
    if (!v) return std::nullopt;
    end.value = *v;
    end.value.value = shift_decimal(*v, shift);
    if (v->decimals >= 0) end.value.decimals = std::max(0, v->decimals - shift);
    end.shift = shift;
    return end;
  };
  if (ends_with(s, U"%")) return with(s.substr(0, s.size() - 1), 0);
  if (ends_with(s, U"‰")) return with(s.substr(0, s.size() - 1), -1);
  for (View point : {View(U"个百分点"), View(U"百分点")}) {
    if (ends_with(s, point)) return with(s.substr(0, s.size() - point.size()), 0);
  }
  if (auto of = s.find(U"分之"); of != View::npos) {
    // 百分之, 千分之, 万分之, 百万分之 ...; "五百分之二" is a fraction, not a percent.
    auto den = parse_plain(s.substr(0, of), true);
    int exponent = 0;
    if (!den || !power_of_ten(den->value, exponent) || exponent < 2) return std::nullopt;
    return with(s.substr(of + 2), 2 - exponent);
  }
  // 三成 = 30%, 两成半 = 25%, 七成六 = 76%, 半成 = 5%.
  if (auto tenth = s.find(U'成'); tenth != View::npos) {
    View head = s.substr(0, tenth), tail = s.substr(tenth + 1);
    Parsed tens;
    if (head == U"半") {
      tens.value = 0.5;
      tens.decimals = 1;
    } else if (auto v = parse_value(head, false, false); v && !v->over) {
      tens = *v;
    } else {
      return std::nullopt;
    }
    double ones = 0;
    if (tail == U"半") ones = 5;
    else if (tail.size() == 1 && chinese_digit(tail[0]) > 0) ones = chinese_digit(tail[0]);
    else if (tail.size() == 1 && is_ascii_digit(tail[0])) ones = tail[0] - U'0';
    else if (!tail.empty()) return std::nullopt;
    if (tens.value < 0 || tens.value > 10 || (ones > 0 && tens.value != std::trunc(tens.value)))
      return std::nullopt;
    end.value = tens;
    end.value.value = round_to_decimals(tens.value * 10 + ones, std::max(0, tens.decimals - 1));
    end.value.decimals = std::max(0, tens.decimals - 1);
    end.shift = 1;
    return end;
  }
  // 八折 = 80%, 七五折 = 75%, 对折 = 50%: the price is that share of the original.
  if (ends_with(s, U"折")) {
    View head = s.substr(0, s.size() - 1);
    if (head == U"对" || head == U"對" || head == U"半") {
      end.value.value = 50;
      end.shift = 1;
      return end;
    }
    auto v = parse_value(head, false, false);
    if (!v || v->over || !v->unitless || v->value <= 0 || v->value >= 100 || v->value == 10)
      return std::nullopt;
    end.value = *v;
    if (v->value < 10) {
      end.value.value = round_to_decimals(v->value * 10, std::max(0, v->decimals - 1));
      end.value.decimals = std::max(0, v->decimals - 1);
    }
    end.shift = 1;
    return end;
  }
  auto bare = parse_value(s, false, false);
  if (!bare) return std::nullopt;
  end.value = *bare;
  return end;
}

}  // namespace

std::optional<Number> parse_number(std::string_view text) {
  auto normalized = normalize(text);
  if (!normalized) return std::nullopt;
  auto span = parse_span(*normalized);
  if (!span) return std::nullopt;
  return to_number(*span, 0);
}

std::optional<Number> parse_percent(std::string_view text) {
  auto normalized = normalize(text);
  if (!normalized) return std::nullopt;
  View s = *normalized;
  Stripped words = strip_approx(s);
  Number n;
  if (auto range = find_range(s)) {
    auto low = parse_percent_end(s.substr(0, range->first));
    auto high = parse_percent_end(s.substr(range->second));
    if (!low || !high || (!low->shift && !high->shift)) return std::nullopt;
    // A bare end takes the other end's marker: "3至5%", "三至四成", "百分之三到五".
    if (!low->shift) low->value.value = shift_decimal(low->value, *high->shift);
    if (!high->shift) high->value.value = shift_decimal(high->value, *low->shift);
    if (high->value.value < low->value.value) return std::nullopt;
    n.value = low->value.value;
    n.high = high->value.value;
    n.approx = words.approx;
    if (!words.present && (low->value.over || high->value.over)) n.approx = Approx::over;
    return n;
  }
  auto end = parse_percent_end(s);
  if (!end || !end->shift) return std::nullopt;
  n.value = end->value.value;
  n.approx = words.approx;
  if (!words.present && end->value.over) n.approx = Approx::over;
  return n;
}

std::optional<Number> parse_money(std::string_view amount, std::string_view unit) {
  auto amount_text = normalize(amount);
  auto unit_text = normalize(unit);
  if (!amount_text || !unit_text) return std::nullopt;

  View u = *unit_text;
  bool currency = false;
  if (ends_with(u, U"人民币")) {
    u.remove_suffix(3);
    currency = true;
  }
  if (!u.empty() && (u.back() == U'元' || u.back() == U'块' || u.back() == U'圆')) {
    u.remove_suffix(1);
    currency = true;
  }
  if (!currency) return std::nullopt;
  int shift = 0;  // 万元 -> 4, 百万元 -> 6, 万亿元 -> 12
  for (char32_t c : u) {
    double scale = std::max(small_unit_of(c), big_unit_of(c));
    if (scale == 0) return std::nullopt;
    shift += static_cast<int>(std::lround(std::log10(scale)));
  }

  View a = *amount_text;
  if (starts_with(a, U"人民币")) a.remove_prefix(3);
  else if (starts_with(a, U"¥")) a.remove_prefix(1);
  auto span = parse_span(a);
  if (!span) return std::nullopt;
  return to_number(*span, shift);
}

}  // namespace reportex::internal
