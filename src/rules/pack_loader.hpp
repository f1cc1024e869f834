#pragma once
// Turns the files of a rule pack into a compiled RuleSet::Impl, collecting
// every diagnostic on the way (all-or-nothing, as a compiler does).

#include "rules/pack.hpp"

#include <memory>
#include <vector>

namespace reportex::internal {

struct LoadOutcome {
  std::unique_ptr<RuleSet::Impl> pack;  // null when any error was found
  Diagnostics diagnostics;
};

LoadOutcome load_pack(const std::vector<SourceFile>& files);

}  // namespace reportex::internal
