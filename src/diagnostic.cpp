#include <reportex/diagnostic.hpp>
#include <reportex/result.hpp>

#include <algorithm>

namespace reportex {

std::string Diagnostic::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  if (!code.empty()) out += " [" + code + ']';
  return out;
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {
std::string first_message(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return d.to_string();
  return diagnostics.empty() ? std::string("no value") : diagnostics.front().to_string();
}
}  // namespace

LoadError::LoadError(Diagnostics diagnostics)
    : std::runtime_error(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace reportex
