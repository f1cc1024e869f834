#pragma once
/// @file value.hpp
/// @brief The typed value of one record field.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace reportex {

/// A field value: null, integer, decimal, text or a list of texts.
/// Dates are carried as normalized text ("2025-06-27", "2025-H1").
using Value = std::variant<std::monostate, std::int64_t, double, std::string,
                           std::vector<std::string>>;

/// The value types a record schema can declare for a field.
enum class FieldType { text, integer, decimal, number, date, list };

/// "text", "integer", ...; the spelling used in rule files.
const char* to_string(FieldType type) noexcept;

/// True when `value` is null or fits `type` (an integer fits decimal and number).
bool fits(const Value& value, FieldType type) noexcept;

}  // namespace reportex
