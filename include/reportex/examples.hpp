#pragma once
/// @file examples.hpp
/// @brief Running the examples that rules carry.

#include <reportex/rule_set.hpp>

#include <string>
#include <vector>

namespace reportex {

/// How one example fared (the outcome names follow ast-grep's).
enum class Outcome {
  validated,  ///< produced what it expects (or nothing, for a must-not-match)
  wrong,      ///< a record at the expected text, with other field values
  missing,    ///< no record where one is expected
  noisy,      ///< a record where none may be
};
const char* to_string(Outcome outcome) noexcept;

struct ExampleResult {
  std::string rule;
  std::string file;
  int line = 0;
  std::string text;  ///< the example's input
  Outcome outcome = Outcome::validated;
  std::string message;  ///< what differed, for anything but validated
};

struct ExampleReport {
  std::vector<ExampleResult> results;
  std::vector<std::string> rules_without_examples;
  std::size_t failed() const noexcept;
  bool ok() const noexcept { return failed() == 0 && rules_without_examples.empty(); }
};

/// Runs every example of every rule through the whole pack: an example
/// passes only if the pack as a whole (priorities, overlaps, linking stages)
/// yields what it expects.
ExampleReport check_examples(const RuleSet& rules);

}  // namespace reportex
