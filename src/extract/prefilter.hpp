#pragma once
// Which rules can match a sentence, from the literal strings ("atoms") each
// rule's matches must contain: re2::FilteredRE2 works out the atoms and how
// they combine, and one RE2::Set of the atoms finds those a sentence holds.
// Built once per rule pack (while its rules compile, see pack_loader.cpp)
// and immutable after, so one Prefilter serves every thread.

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reportex::internal {

class Prefilter {
 public:
  /// `selectors[i]`: the pattern whose atoms rule i needs (Rule::whole_selector).
  explicit Prefilter(const std::vector<std::string>& selectors);

  /// The patterns it was built from: the loader compares them with the
  /// rules it ends up with before using a prefilter built ahead of them.
  const std::vector<std::string>& selectors() const noexcept { return selectors_; }

  /// Rules without atoms: they run on every sentence.
  const std::vector<std::size_t>& always() const noexcept { return always_; }

  /// Calls `visit(rule index)` for every rule with atoms that can match
  /// `sentence`, or for all of them when the atom pass gives up. `atoms` and
  /// `potentials` are scratch space, reused across calls.
  template <typename Visit>
  void select(std::string_view sentence, std::vector<int>& atoms, std::vector<int>& potentials, Visit&& visit) const {
    if (filtered_.empty()) return;
    atoms.clear();
    RE2::Set::ErrorInfo info;
    if (!atoms_->Match(re2::StringPiece(sentence.data(), sentence.size()), &atoms, &info) &&
        info.kind != RE2::Set::kNoError) {
      for (std::size_t r : filtered_) visit(r);  // the DFA gave up: every rule runs
      return;
    }
    potentials.clear();
    filter_.AllPotentials(atoms, &potentials);
    for (int p : potentials) visit(filtered_[static_cast<std::size_t>(p)]);
  }

 private:
  std::vector<std::string> selectors_;
  re2::FilteredRE2 filter_;
  std::unique_ptr<RE2::Set> atoms_;    // the filter's atoms
  std::vector<std::size_t> filtered_;  // filter id -> rule index
  std::vector<std::size_t> always_;
};

}  // namespace reportex::internal
