#pragma once
/// @file result.hpp
/// @brief A value or the diagnostics that explain why there is none.

#include <reportex/diagnostic.hpp>

#include <optional>
#include <stdexcept>
#include <utility>

namespace reportex {

/// Thrown by Result::value() when there is no value.
class LoadError : public std::runtime_error {
 public:
  explicit LoadError(Diagnostics diagnostics);
  const Diagnostics& diagnostics() const noexcept { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

/// Either a T, or the diagnostics that prevented it (errors are values, as
/// in RE2's ok()/error()). Warnings may accompany a value.
///
/// Example:
///   auto rules = reportex::RuleSet::load("rules/zh-court");
///   if (!rules) for (auto& d : rules.diagnostics()) std::cerr << d.to_string() << '\n';
template <typename T>
class Result {
 public:
  Result(T value, Diagnostics warnings = {})
      : value_(std::move(value)), diagnostics_(std::move(warnings)) {}
  static Result failure(Diagnostics diagnostics) {
    Result r;
    r.diagnostics_ = std::move(diagnostics);
    return r;
  }

  bool ok() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }

  /// The value; throws LoadError when there is none.
  const T& value() const& {
    if (!value_) throw LoadError(diagnostics_);
    return *value_;
  }
  T&& value() && {
    if (!value_) throw LoadError(diagnostics_);
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  /// Errors on failure; warnings (possibly none) on success.
  const Diagnostics& diagnostics() const noexcept { return diagnostics_; }

 private:
  Result() = default;
  std::optional<T> value_;
  Diagnostics diagnostics_;
};

}  // namespace reportex
