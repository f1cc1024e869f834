#include <reportex/rule_set.hpp>

#include "rules/pack_loader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace reportex {

const FieldType* TypeInfo::field(std::string_view name) const noexcept {
  for (const auto& [n, t] : fields)
    if (n == name) return &t;
  return nullptr;
}

RuleSet::RuleSet(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
RuleSet::~RuleSet() = default;

namespace {

constexpr std::string_view kBuiltinPrefix = "builtin:zh-court/";

void add_builtin(std::vector<SourceFile>& files) {
  for (const auto& f : RuleSet::builtin_sources()) files.push_back({std::string(kBuiltinPrefix) + f.path, f.content});
}

bool is_pack_file(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  return ext == ".toml" || ext == ".txt" || ext == ".tsv";
}

}  // namespace

Result<std::shared_ptr<const RuleSet>> RuleSet::from_sources(std::vector<SourceFile> files,
                                                             const LoadOptions& options) {
  if (options.with_builtin) add_builtin(files);
  auto outcome = internal::load_pack(files);
  if (!outcome.pack) return Result<std::shared_ptr<const RuleSet>>::failure(std::move(outcome.diagnostics));
  return {std::make_shared<const RuleSet>(std::move(outcome.pack)), std::move(outcome.diagnostics)};
}

Result<std::shared_ptr<const RuleSet>> RuleSet::load(const std::filesystem::path& dir, const LoadOptions& options) {
  using Failure = Result<std::shared_ptr<const RuleSet>>;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Failure::failure({{Severity::error, "missing-pack", dir.string(), 0, 0, "not a rule pack directory"}});
  std::vector<std::filesystem::path> paths;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && is_pack_file(it->path())) paths.push_back(it->path());
  std::sort(paths.begin(), paths.end());
  std::vector<SourceFile> files;
  Diagnostics problems;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      problems.push_back({Severity::error, "unreadable", p.generic_string(), 0, 0, "cannot read file"});
      continue;
    }
    files.push_back({p.generic_string(), bytes.str()});
  }
  if (!problems.empty()) return Failure::failure(std::move(problems));
  return from_sources(std::move(files), options);
}

std::shared_ptr<const RuleSet> RuleSet::builtin() {
  // Compiled once per process; the embedded pack is checked by the test suite,
  // so a failure here is a build defect.
  static const std::shared_ptr<const RuleSet> pack = [] {
    std::vector<SourceFile> files;
    add_builtin(files);
    return from_sources(std::move(files)).value();
  }();
  return pack;
}

const std::vector<RuleInfo>& RuleSet::rules() const noexcept { return impl_->infos; }
const std::vector<TypeInfo>& RuleSet::types() const noexcept { return impl_->types; }

const TypeInfo* RuleSet::type(std::string_view name) const noexcept {
  for (const auto& t : impl_->types)
    if (t.name == name) return &t;
  return nullptr;
}

std::vector<std::string> RuleSet::patterns() const {
  std::vector<std::string> out;
  for (const auto& r : impl_->rules) out.push_back(r.whole_pattern());
  return out;
}

std::size_t RuleSet::memory_footprint() const noexcept { return impl_->footprint; }

}  // namespace reportex
