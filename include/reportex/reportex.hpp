#pragma once
/// @file reportex.hpp
/// @brief Everything: include this one header to use reportex.

#include <reportex/diagnostic.hpp>
#include <reportex/document.hpp>
#include <reportex/examples.hpp>
#include <reportex/extractor.hpp>
#include <reportex/output.hpp>
#include <reportex/record.hpp>
#include <reportex/result.hpp>
#include <reportex/rule_set.hpp>
#include <reportex/value.hpp>
#include <reportex/version.hpp>
