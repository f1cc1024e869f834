#pragma once
/// @file number.hpp
/// @brief Converts the numbers, percents and yuan amounts of Chinese reports to values.
///
/// Input is UTF-8. Full-width digits and punctuation, traditional numeral characters
/// (萬 億 兩 點 貳 參 陸) and white space inside the number are accepted. Each parser needs the
/// whole input to be the number (after the approximation words listed below); otherwise it
/// returns std::nullopt.

#include <optional>
#include <string_view>

namespace reportex::internal {

/// How the written number relates to the true one.
enum class Approx {
  exact,  ///< as written
  about,  ///< 约, 大约, 约为, 左右, 上下, 许
  over,   ///< 逾, 超, 超过, 上, 余, 多, 几, 以上 (the true value is above)
  under,  ///< 近, 将近, 接近, 不到, 不足, 以下, 以内 (the true value is below)
};

/// "exact", "about", "over" or "under".
const char* to_string(Approx a) noexcept;

/// A parsed number or range.
struct Number {
  double value = 0;           ///< the value, or the low end of a range
  std::optional<double> high; ///< the high end of a range ("3至5", "3—5", "3-5", "3~5", "5到10")
  Approx approx = Approx::exact;

  /// True when value (and high, if set) are whole numbers.
  bool integral() const noexcept;
};

/// A number as the reports write it: Arabic ("3,551", "10.5"), Chinese ("三千五百五十一",
/// "两千四百五", "二〇二四"), financial ("壹万贰仟"), mixed ("3033.28万", "3万4000", "4.78万亿"),
/// fractions ("三分之一", "3/5"), negatives ("负3", "-3"), ranges and approximations
/// ("近千", "2000余", "3万多", "约3至5万"). 兆 is rejected (1e6 or 1e12 depending on region);
/// "百分之X"/"千分之X" are percents, not numbers, and are rejected here.
std::optional<Number> parse_number(std::string_view text);

/// A percent, in percent units: "8%", "8％", "百分之八", "百分之8.5", "千分之3" (=0.3),
/// "三成" (=30), "两成半" (=25), "七成六" (=76), "8个百分点" (=8), "八折" (=80), with the
/// approximations and ranges of parse_number ("3%至5%", "3至5%", "近三成", "百分之九十以上").
std::optional<Number> parse_percent(std::string_view text);

/// Money in yuan: `amount` as parse_number reads it (a leading "人民币", "¥" or "￥" is
/// allowed) times `unit`, an optional scale (十 百 千 万 亿 and their products such as 百万,
/// 千万, 万亿) followed by 元, 块, 圆 or 人民币 ("元", "万元", "亿元", "万元人民币").
/// Example: ("3033.28", "万元") -> 30332800. Jiao and fen (角 毛 分) are not handled.
std::optional<Number> parse_money(std::string_view amount, std::string_view unit);

}  // namespace reportex::internal
