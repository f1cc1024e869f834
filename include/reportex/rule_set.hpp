#pragma once
/// @file rule_set.hpp
/// @brief A compiled, immutable rule pack.

#include <reportex/result.hpp>
#include <reportex/value.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportex {

/// One file of a rule pack held in memory: a path relative to the pack's
/// root ("dates.toml", "lexicons/surnames.txt") and its bytes.
struct SourceFile {
  std::string path;
  std::string content;
};

/// What a pack declares about one rule (for listings and tools).
struct RuleInfo {
  std::string id;
  std::vector<std::string> types;  ///< the record types it emits
  int priority = 0;
  std::string file;
  int line = 0;
  std::size_t examples = 0;
};

/// A record type and its declared fields.
struct TypeInfo {
  std::string name;
  std::vector<std::pair<std::string, FieldType>> fields;  ///< sorted by name
  std::vector<std::string> key;  ///< the fields that identify a record, for display
  bool internal = false;         ///< used between stages, never output
  const FieldType* field(std::string_view name) const noexcept;
};

struct LoadOptions {
  /// Load the built-in pack too, so a user pack can extend it (and use its
  /// definitions and lexicons).
  bool with_builtin = false;
};

/// A rule pack, parsed, checked and compiled. Immutable, so one instance is
/// shared by any number of threads and Extractors (hold it by shared_ptr).
///
/// Loading is all-or-nothing: every problem of every file is reported, each
/// tied to file:line:column, and no RuleSet is made if any is an error.
///
/// Example:
///   auto rules = reportex::RuleSet::load("my-pack", {.with_builtin = true});
///   if (!rules) { for (auto& d : rules.diagnostics()) puts(d.to_string().c_str()); }
class RuleSet {
 public:
  /// Loads every *.toml file under `dir` (lexicons are read as the rules name them).
  static Result<std::shared_ptr<const RuleSet>> load(const std::filesystem::path& dir,
                                                     const LoadOptions& options = {});
  /// Loads a pack from files held in memory.
  static Result<std::shared_ptr<const RuleSet>> from_sources(std::vector<SourceFile> files,
                                                             const LoadOptions& options = {});
  /// The default pack (rules/zh-court), compiled into the library.
  static std::shared_ptr<const RuleSet> builtin();
  /// The default pack's files, as embedded at build time.
  static const std::vector<SourceFile>& builtin_sources();

  const std::vector<RuleInfo>& rules() const noexcept;
  const std::vector<TypeInfo>& types() const noexcept;
  const TypeInfo* type(std::string_view name) const noexcept;

  /// The final RE2 pattern of every rule, in rule order (named references and
  /// lexicons expanded, a `leading` pattern written in front). Useful for
  /// benchmarking and debugging.
  std::vector<std::string> patterns() const;
  /// Approximate bytes held by the compiled pack (programs, lexicons, tables).
  std::size_t memory_footprint() const noexcept;

  struct Impl;
  const Impl& impl() const noexcept { return *impl_; }
  explicit RuleSet(std::unique_ptr<const Impl> impl);
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

 private:
  std::unique_ptr<const Impl> impl_;
};

}  // namespace reportex
