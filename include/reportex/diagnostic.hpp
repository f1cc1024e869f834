#pragma once
/// @file diagnostic.hpp
/// @brief Problems found while loading a rule pack or reading a document.

#include <string>
#include <vector>

namespace reportex {

/// How bad a diagnostic is. Errors make a load fail; warnings do not.
enum class Severity { warning, error };

/// One problem, tied to the place that caused it.
///
/// `line` and `column` are 1-based; 0 means "not known" (for example a
/// problem with a whole file). `code` is a stable identifier such as
/// "undefined-def" that tests and tools can rely on.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;

  /// "file:line:column: error: message [code]", the form compilers use.
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

/// True when any diagnostic is an error.
bool has_errors(const Diagnostics& diagnostics);

}  // namespace reportex
