// The converters rule fields name: what each gives, and when a candidate is dropped.
#include "convert/converters.hpp"
#include "rules/pack.hpp"

#include <doctest/doctest.h>

using reportex::Value;
using reportex::internal::convert;

namespace {

std::optional<Value> run(std::string_view name, std::vector<std::optional<std::string_view>> args) {
  return convert(name, args, nullptr);
}

}  // namespace

TEST_SUITE("converters") {
  TEST_CASE("integer takes whole numbers only, number keeps decimals") {
    CHECK(run("integer", {"3,551"}) == std::optional<Value>(std::int64_t{3551}));
    CHECK(run("integer", {"三千五百五十一"}) == std::optional<Value>(std::int64_t{3551}));
    CHECK_FALSE(run("integer", {"3.5"}).has_value());
    CHECK(run("number", {"3033.28万"}) == std::optional<Value>(std::int64_t{30332800}));
    CHECK(run("number", {"4557.4"}) == std::optional<Value>(4557.4));
    CHECK_FALSE(run("number", {"三比三"}).has_value());
  }

  TEST_CASE("approx and high read qualifiers and ranges, and stay empty when exact") {
    CHECK(run("approx", {"2000余"}) == std::optional<Value>(std::string("over")));
    CHECK(run("approx", {"近千"}) == std::optional<Value>(std::string("under")));
    CHECK(run("approx", {"2000"}) == std::optional<Value>(Value{}));
    CHECK(run("high", {"3至5"}) == std::optional<Value>(std::int64_t{5}));
    CHECK(run("high", {"3"}) == std::optional<Value>(Value{}));
  }

  TEST_CASE("money multiplies by its unit, a missing capture gives no value") {
    CHECK(run("money", {"1.2", "亿元"}) == std::optional<Value>(std::int64_t{120000000}));
    CHECK(run("money", {std::nullopt, "万元"}) == std::optional<Value>(Value{}));
    CHECK(run("text", {std::nullopt}) == std::optional<Value>(Value{}));
  }

  TEST_CASE("name and names repair bold doubling and bullets") {
    CHECK(run("name", {"●●李雁李雁"}) == std::optional<Value>(std::string("李雁")));
    CHECK(run("name", {"阿依·吐尔逊"}) == std::optional<Value>(std::string("阿依·吐尔逊")));
    CHECK_FALSE(run("name", {"●●"}).has_value());
    CHECK(run("names", {"●郝飞郝飞、邓成成和巴图"}) ==
          std::optional<Value>(std::vector<std::string>{"郝飞", "邓成成", "巴图"}));
  }

  TEST_CASE("list splits enumerations at 、，和及与 and 以及") {
    CHECK(run("list", {"院领导班子、各部门负责人以及相关联络员"}) ==
          std::optional<Value>(std::vector<std::string>{"院领导班子", "各部门负责人", "相关联络员"}));
  }

  TEST_CASE("items splits at enumeration marks only, so that an item may hold 和") {
    CHECK(run("items", {"党组成员、监察和司法委员会副主任委员"}) ==
          std::optional<Value>(std::vector<std::string>{"党组成员", "监察和司法委员会副主任委员"}));
    CHECK(run("items", {"文化和旅游局局长", std::nullopt, "教授"}) ==
          std::optional<Value>(std::vector<std::string>{"文化和旅游局局长", "教授"}));
  }

  TEST_CASE("list of several captures gives the items of each in order, skipping those that did not match") {
    CHECK(run("list", {"法学院院长", std::nullopt, "教授"}) ==
          std::optional<Value>(std::vector<std::string>{"法学院院长", "教授"}));
    CHECK(run("list", {std::nullopt, std::nullopt}) == std::optional<Value>(Value{}));
  }

  TEST_CASE("calendar accepts date expressions and drops what is not one") {
    CHECK(run("calendar", {"今年3月以来"}) == std::optional<Value>(std::string("今年3月以来")));
    CHECK_FALSE(run("calendar", {"75周年"}).has_value());
  }

  TEST_CASE("lexicon gives the canonical form of its text, ending that of the longest entry it ends with") {
    reportex::internal::Lexicon suffixes;
    for (auto [surface, kind] : {std::pair{"人民法院", "court"}, {"中级人民法院", "court"}, {"法院", "court"},
                                 {"委", "party"}, {"人民政府", "government"}})
      suffixes.add(surface, kind);
    auto with = [&](std::string_view name, std::string_view text) { return convert(name, {text}, &suffixes); };
    CHECK(with("lexicon.s", "人民法院") == std::optional<Value>(std::string("court")));
    CHECK(with("lexicon.s", "赤峰市中级人民法院") == std::optional<Value>(Value{}));
    CHECK(with("ending.s", "赤峰市中级人民法院") == std::optional<Value>(std::string("court")));
    CHECK(with("ending.s", "通辽市委") == std::optional<Value>(std::string("party")));
    CHECK(with("ending.s", "包头市人民政府") == std::optional<Value>(std::string("government")));
    CHECK(with("ending.s", "人民") == std::optional<Value>(Value{}));
  }

  TEST_CASE("unknown converters are found by name only") {
    CHECK(reportex::internal::find_converter("number") != nullptr);
    CHECK(reportex::internal::find_converter("lexicon.titles") != nullptr);
    CHECK(reportex::internal::find_converter("ending.titles") != nullptr);
    CHECK(reportex::internal::find_converter("ending") != nullptr);
    CHECK(reportex::internal::find_converter("numbr") == nullptr);
  }
}
