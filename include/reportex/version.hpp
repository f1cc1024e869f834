#pragma once
/// @file version.hpp
/// @brief The library version.

#define REPORTEX_VERSION_MAJOR 0
#define REPORTEX_VERSION_MINOR 1
#define REPORTEX_VERSION_PATCH 0

namespace reportex {
/// The version string, "MAJOR.MINOR.PATCH".
inline constexpr const char* version_string = "0.1.0";
}  // namespace reportex
