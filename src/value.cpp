#include <reportex/value.hpp>

namespace reportex {

const char* to_string(FieldType type) noexcept {
  switch (type) {
    case FieldType::text: return "text";
    case FieldType::integer: return "integer";
    case FieldType::decimal: return "decimal";
    case FieldType::number: return "number";
    case FieldType::date: return "date";
    case FieldType::list: return "list";
  }
  return "?";
}

bool fits(const Value& value, FieldType type) noexcept {
  if (std::holds_alternative<std::monostate>(value)) return true;
  switch (type) {
    case FieldType::text:
    case FieldType::date: return std::holds_alternative<std::string>(value);
    case FieldType::integer: return std::holds_alternative<std::int64_t>(value);
    case FieldType::decimal:
    case FieldType::number:
      return std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value);
    case FieldType::list: return std::holds_alternative<std::vector<std::string>>(value);
  }
  return false;
}

}  // namespace reportex
