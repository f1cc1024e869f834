#include "rules/han_class.hpp"

namespace reportex::internal {

namespace {

// 々, 〇, the Hangzhou numerals, extension A and the unified block, the
// compatibility block, and extensions B to G.
constexpr std::string_view kIdeographs =
    R"(\x{3005}\x{3007}\x{3021}-\x{3029}\x{3400}-\x{9FFF}\x{F900}-\x{FAFF}\x{20000}-\x{3134F})";
// Everything else, for \P{Han} inside a class ("[^\P{Han}的]" is an ideograph other than 的).
constexpr std::string_view kOthers =
    R"(\x{0}-\x{3004}\x{3006}\x{3008}-\x{3020}\x{302A}-\x{33FF}\x{A000}-\x{F8FF}\x{FB00}-\x{1FFFF}\x{31350}-\x{10FFFF})";

}  // namespace

std::string with_ideograph_ranges(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const std::string_view rest = pattern.substr(i);
      if (rest.starts_with(R"(\Q)")) {  // quoted text is literal up to \E
        const std::size_t close = rest.find(R"(\E)");
        const std::size_t n = close == std::string_view::npos ? rest.size() : close + 2;
        out.append(rest.substr(0, n));
        i += n;
        continue;
      }
      const bool han = rest.starts_with(R"(\p{Han})"), not_han = rest.starts_with(R"(\P{Han})");
      if (han || not_han) {
        if (in_class) out += han ? kIdeographs : kOthers;
        else out += std::string(han ? "[" : "[^") + std::string(kIdeographs) + "]";
        i += 7;
        continue;
      }
      out.append(pattern.substr(i, 2));  // an escaped character never opens or closes a class
      i += 2;
      continue;
    }
    if (!in_class && c == '[') {
      in_class = true;
      out += c;
      ++i;
      if (i < pattern.size() && pattern[i] == '^') out += pattern[i++];
      if (i < pattern.size() && pattern[i] == ']') out += pattern[i++];  // a leading ] is a member
      continue;
    }
    if (in_class && c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {  // [:alpha:]
      const std::size_t close = pattern.find(":]", i + 2);
      const std::size_t end = close == std::string_view::npos ? pattern.size() : close + 2;
      out.append(pattern.substr(i, end - i));
      i = end;
      continue;
    }
    if (in_class && c == ']') in_class = false;
    out += c;
    ++i;
  }
  return out;
}

}  // namespace reportex::internal
