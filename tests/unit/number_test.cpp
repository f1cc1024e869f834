// Table-driven tests of the numeric converters: every form the reports write, with the value
// and approximation expected, and the garbage that must be rejected.

#include "convert/number.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

using reportex::internal::Approx;
using reportex::internal::Number;
using reportex::internal::parse_money;
using reportex::internal::parse_number;
using reportex::internal::parse_percent;

namespace {

constexpr double none = std::numeric_limits<double>::quiet_NaN();  // no high end

struct Expected {
  std::string_view text;
  double value;
  double high = none;
  Approx approx = Approx::exact;
};

void check_against(const std::optional<Number>& got, const Expected& want) {
  REQUIRE(got.has_value());
  CHECK(got->value == doctest::Approx(want.value).epsilon(1e-12));
  if (std::isnan(want.high)) {
    CHECK_FALSE(got->high.has_value());
  } else {
    REQUIRE(got->high.has_value());
    CHECK(*got->high == doctest::Approx(want.high).epsilon(1e-12));
  }
  CHECK(std::string(to_string(got->approx)) == to_string(want.approx));
}

constexpr Expected numbers[] = {
    // Arabic
    {"0", 0},
    {"7", 7},
    {"3551", 3551},
    {"3,551", 3551},
    {"3 ,551", 3551},
    {"1,234,567", 1234567},
    {"12.5", 12.5},
    {"0.75", 0.75},
    {".5", 0.5},
    {"10,000.25", 10000.25},
    {"  42  ", 42},
    {"０", 0},
    {"２０２４", 2024},
    {"１２．５", 12.5},
    {"３，５５１", 3551},
    // Arabic with 万/亿
    {"1,100万", 11000000},
    {"3033.28万", 30332800},
    {"4557.4 万", 45574000},
    {"1.2亿", 120000000},
    {"36.57亿", 3657000000},
    {"4.78万亿", 4780000000000},
    {"20万亿", 20000000000000},
    {"1,100.9亿", 110090000000},
    {"3万4000", 34000},
    {"25万6千", 256000},
    {"2千零30万", 20300000},
    {"1千零1", 1001},
    {"5万4千6百", 54600},
    {"5亿1万4千6百", 500014600},
    {"12萬", 120000},
    {"8億", 800000000},
    // Chinese
    {"零", 0},
    {"一", 1},
    {"两", 2},
    {"十", 10},
    {"十一", 11},
    {"二十", 20},
    {"一百", 100},
    {"百", 100},
    {"千", 1000},
    {"一百零五", 105},
    {"一百一十", 110},
    {"三千五百五十一", 3551},
    {"一千零八", 1008},
    {"一千零一十", 1010},
    {"两千零二十四", 2024},
    {"一万", 10000},
    {"一万零一十二", 10012},
    {"一万二千三百四十五", 12345},
    {"十万", 100000},
    {"一百零一万一千", 1011000},
    {"四千万零六千", 40006000},
    {"十一亿零九千零三十二", 1100009032},
    {"四十五亿四千零四万", 4540040000},
    {"二十万亿", 20000000000000},
    {"一万五千亿", 1500000000000},
    {"四万万", 400000000},
    {"廿三", 23},
    {"卅", 30},
    // the trailing-digit abbreviation
    {"两千四百五", 2450},
    {"二百五", 250},
    {"九百九", 990},
    {"一千三", 1300},
    {"千三", 1300},
    {"百二", 120},
    {"一万三", 13000},
    {"九十二万四", 924000},
    {"一亿三", 130000000},
    {"萬九", 19000},
    {"五亿零六", 500000006},
    // financial and traditional
    {"壹万贰仟", 12000},
    {"叁佰", 300},
    {"肆拾伍", 45},
    {"陆仟柒佰捌拾玖", 6789},
    {"壹佰零伍萬", 1050000},
    {"兩千萬", 20000000},
    {"貳拾", 20},
    {"參萬肆仟伍佰陸拾柒", 34567},
    {"玖億", 900000000},
    // digit strings
    {"二〇二四", 2024},
    {"一九九八", 1998},
    {"二零一五", 2015},
    {"五零五", 505},
    // Chinese decimals
    {"三点五", 3.5},
    {"零点五", 0.5},
    {"十二点五", 12.5},
    {"两千三点一", 2300.1},
    {"一点五万", 15000},
    {"两千万点五五", 20000000.55},
    {"零點77", 0.77},
    // fractions
    {"三分之一", 1.0 / 3},
    {"四分之三", 0.75},
    {"一又二分之一", 1.5},
    {"3/5", 0.6},
    {"一百分之二", 0.02},
    // negatives
    {"-3", -3},
    {"负3.5", -3.5},
    {"负一百", -100},
    {"－12", -12},
    // approximations
    {"约3000", 3000, none, Approx::about},
    {"约为3000", 3000, none, Approx::about},
    {"大约五百", 500, none, Approx::about},
    {"3000左右", 3000, none, Approx::about},
    {"五十上下", 50, none, Approx::about},
    {"近千", 1000, none, Approx::under},
    {"将近两万", 20000, none, Approx::under},
    {"近3万", 30000, none, Approx::under},
    {"不足百", 100, none, Approx::under},
    {"3000以下", 3000, none, Approx::under},
    {"逾百", 100, none, Approx::over},
    {"超3000", 3000, none, Approx::over},
    {"超过一千", 1000, none, Approx::over},
    {"上万", 10000, none, Approx::over},
    {"上千", 1000, none, Approx::over},
    {"2000余", 2000, none, Approx::over},
    {"3万多", 30000, none, Approx::over},
    {"一千多万", 10000000, none, Approx::over},
    {"十余万", 100000, none, Approx::over},
    {"500余万", 5000000, none, Approx::over},
    {"万余", 10000, none, Approx::over},
    {"百余", 100, none, Approx::over},
    {"二十几万", 200000, none, Approx::over},
    {"几十", 10, none, Approx::over},
    {"三十万多亿", 30000000000000, none, Approx::over},
    {"五亿三千余万", 530000000, none, Approx::over},
    {"1000以上", 1000, none, Approx::over},
    {"多达3000", 3000},
    // ranges
    {"3至5", 3, 5},
    {"3—5", 3, 5},
    {"3-5", 3, 5},
    {"3~5", 3, 5},
    {"3～5", 3, 5},
    {"3－5", 3, 5},
    {"三至五", 3, 5},
    {"5到10", 5, 10},
    {"1万至2万", 10000, 20000},
    {"3至5万", 30000, 50000},
    {"5000至2万", 5000, 20000},
    {"1.5至2亿", 150000000, 200000000},
    {"-3-5", -3, 5},
    {"约3至5万", 30000, 50000, Approx::about},
    {"十至二十", 10, 20},
};

constexpr Expected percents[] = {
    {"8%", 8},
    {"8％", 8},
    {"12.5%", 12.5},
    {"-2.5%", -2.5},
    {"百分之八", 8},
    {"百分之8.5", 8.5},
    {"百分之百", 100},
    {"百分之一百二十", 120},
    {"百分之九十五点五", 95.5},
    {"千分之三", 0.3},
    {"千分之2.4", 0.24},
    {"万分之五", 0.05},
    {"3‰", 0.3},
    {"三成", 30},
    {"两成半", 25},
    {"七成六", 76},
    {"9.5成", 95},
    {"半成", 5},
    {"十成", 100},
    {"8个百分点", 8},
    {"1.5个百分点", 1.5},
    {"三个百分点", 3},
    {"八折", 80},
    {"七五折", 75},
    {"约8%", 8, none, Approx::about},
    {"近三成", 30, none, Approx::under},
    {"超过百分之九十", 90, none, Approx::over},
    {"百分之九十以上", 90, none, Approx::over},
    {"90%以上", 90, none, Approx::over},
    {"3%至5%", 3, 5},
    {"3至5%", 3, 5},
    {"3%-5%", 3, 5},
    {"百分之三到百分之五", 3, 5},
    {"百分之三至五", 3, 5},
    {"三至四成", 30, 40},
};

struct ExpectedMoney {
  std::string_view amount;
  std::string_view unit;
  double value;
  double high = none;
  Approx approx = Approx::exact;
};

constexpr ExpectedMoney amounts[] = {
    {"3033.28", "万元", 30332800},
    {"1.2", "亿元", 120000000},
    {"三千", "元", 3000},
    {"壹万贰仟", "元", 12000},
    {"4.78", "万亿元", 4780000000000},
    {"5", "千元", 5000},
    {"2.5", "百万元", 2500000},
    {"7", "千万元", 70000000},
    {"15", "元", 15},
    {"3.5万", "元", 35000},
    {"1,200", "万元", 12000000},
    {"8", "亿元人民币", 800000000},
    {"50", "人民币", 50},
    {"人民币50", "万元", 500000},
    {"¥300", "元", 300},
    {"七", "块", 7},
    {"0.5", "萬元", 5000},
    {"3至5", "万元", 30000, 50000},
    {"约3000", "万元", 30000000, none, Approx::about},
    {"300余", "万元", 3000000, none, Approx::over},
    {"近2", "亿元", 200000000, none, Approx::under},
};

}  // namespace

TEST_SUITE("number") {
  TEST_CASE("parse_number reads the written forms") {
    for (const Expected& want : numbers) {
      CAPTURE(want.text);
      check_against(parse_number(want.text), want);
    }
  }

  TEST_CASE("parse_percent reads the written forms") {
    for (const Expected& want : percents) {
      CAPTURE(want.text);
      check_against(parse_percent(want.text), want);
    }
  }

  TEST_CASE("parse_money scales the amount by the unit") {
    for (const ExpectedMoney& want : amounts) {
      CAPTURE(want.amount);
      CAPTURE(want.unit);
      check_against(parse_money(want.amount, want.unit), {want.amount, want.value, want.high, want.approx});
    }
  }

  TEST_CASE("parse_number rejects what is not one number") {
    constexpr std::string_view garbage[] = {
        "", "   ", "abc", "万", "亿", "万亿", "几", "5·8", "1+6", "三比三", "3,55", "1234,567", "20 30",
        "一千零", "百千", "五十五五", "3万x", "十四点", "点五", "百分之五", "千分之三", "5到3", "3至",
        "至5", "约", "余", "十兆", "\xff\xfe", "3.5.6", "一二三四万",
    };
    for (std::string_view text : garbage) {
      CAPTURE(text);
      CHECK_FALSE(parse_number(text).has_value());
    }
  }

  TEST_CASE("parse_percent rejects numbers without a percent marker") {
    constexpr std::string_view garbage[] = {"8", "三", "", "%", "百分之", "五百分之二", "十折", "十一成", "3至5"};
    for (std::string_view text : garbage) {
      CAPTURE(text);
      CHECK_FALSE(parse_percent(text).has_value());
    }
  }

  TEST_CASE("parse_money rejects other currencies and empty amounts") {
    constexpr std::pair<std::string_view, std::string_view> garbage[] = {
        {"300", "美元"}, {"300", "万"}, {"300", ""}, {"", "元"}, {"万", "元"}, {"abc", "元"}, {"3", "万x元"},
    };
    for (const auto& entry : garbage) {
      const std::string_view amount = entry.first, unit = entry.second;  // CAPTURE cannot take structured bindings (clang 14)
      CAPTURE(amount);
      CAPTURE(unit);
      CHECK_FALSE(parse_money(amount, unit).has_value());
    }
  }

  TEST_CASE("integral tells whole values from fractions") {
    CHECK(parse_number("3033.28万")->integral());
    CHECK(parse_number("4.78万亿")->integral());
    CHECK(parse_money("3033.28", "万元")->integral());
    CHECK_FALSE(parse_number("12.5")->integral());
    CHECK_FALSE(parse_number("1至2.5")->integral());
    CHECK(parse_number("1至2")->integral());
  }

  TEST_CASE("to_string names each approximation") {
    CHECK(std::string(to_string(Approx::exact)) == "exact");
    CHECK(std::string(to_string(Approx::about)) == "about");
    CHECK(std::string(to_string(Approx::over)) == "over");
    CHECK(std::string(to_string(Approx::under)) == "under");
  }
}
