#include "text/encoding.hpp"

#include "text/utf8.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

namespace reportex::internal::text {

namespace {

// The charset detector only needs a sample; this bounds its cost on huge inputs.
constexpr std::size_t kDetectionSampleBytes = 64 * 1024;
// Below this ICU confidence (0..100) a GB guess is not trusted.
constexpr int32_t kMinGbConfidence = 20;

std::string lower_ascii(std::string_view name) {
  std::string lowered(name);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return lowered;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// Writes U+FFFD for each undecodable sequence and counts its bytes; the stock
// substitute callback may write U+001A for converters whose substitution byte is 0x1A.
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char* /*code_units*/,
                          int32_t length, UConverterCallbackReason reason, UErrorCode* error) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  *static_cast<std::size_t*>(const_cast<void*>(context)) += static_cast<std::size_t>(length);
  *error = U_ZERO_ERROR;
  static constexpr UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, error);
}

ConverterPtr open_converter(const std::string& name) {
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &error));
  if (U_FAILURE(error)) return nullptr;
  return converter;
}

/// Converts all of `bytes` from `source` to UTF-8; std::nullopt on an ICU failure.
std::optional<std::string> convert_to_utf8(std::string_view bytes, UConverter* source, std::size_t& replaced) {
  UErrorCode error = U_ZERO_ERROR;
  ucnv_setToUCallBack(source, count_and_substitute, &replaced, nullptr, nullptr, &error);
  ConverterPtr utf8(ucnv_open("UTF-8", &error));
  if (U_FAILURE(error)) return std::nullopt;

  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* target = out.data();
  const char* input = bytes.data();
  std::array<UChar, 4096> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  bool reset = true;
  for (;;) {
    error = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source, &target, out.data() + out.size(), &input, bytes.data() + bytes.size(),
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset, true, &error);
    reset = false;
    if (error != U_BUFFER_OVERFLOW_ERROR) break;
    const std::size_t used = static_cast<std::size_t>(target - out.data());
    out.resize(out.size() * 2);
    target = out.data() + used;
  }
  if (U_FAILURE(error)) return std::nullopt;
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

bool is_gb_family(std::string_view detected) {
  const std::string name = lower_ascii(detected);
  return name == "gb18030" || name == "gbk" || name == "gb2312";
}

/// Whether ICU's charset detector, looking at a sample, believes the bytes
/// are GB18030 (or its subsets GBK and GB2312).
bool detected_as_gb(std::string_view bytes) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&error));
  if (U_FAILURE(error)) return false;
  const auto sample = static_cast<int32_t>(std::min(bytes.size(), kDetectionSampleBytes));
  ucsdet_setText(detector.get(), bytes.data(), sample, &error);
  int32_t match_count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &match_count, &error);
  if (U_FAILURE(error) || matches == nullptr) return false;
  for (int32_t i = 0; i < match_count; ++i) {
    const char* name = ucsdet_getName(matches[i], &error);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &error);
    if (U_FAILURE(error) || name == nullptr) return false;
    if (confidence < kMinGbConfidence) return false;  // matches come best first
    if (is_gb_family(name)) return true;
  }
  return false;
}

DecodedText as_utf8(std::string bytes) {
  DecodedText decoded{std::move(bytes), "utf-8", {}, 0};
  decoded.normalized = normalize_text(decoded.original);
  decoded.replaced_bytes = decoded.normalized.replaced_bytes;
  return decoded;
}

/// Converts with the ICU converter `converter_name`; std::nullopt when ICU
/// does not know that name or the conversion fails.
std::optional<DecodedText> try_convert(std::string_view bytes, const std::string& converter_name,
                                       std::string label) {
  ConverterPtr converter = open_converter(converter_name);
  if (!converter) return std::nullopt;
  std::size_t replaced = 0;
  auto converted = convert_to_utf8(bytes, converter.get(), replaced);
  if (!converted) return std::nullopt;
  DecodedText decoded{std::move(*converted), std::move(label), {}, replaced};
  decoded.normalized = normalize_text(decoded.original);
  decoded.replaced_bytes += decoded.normalized.replaced_bytes;
  return decoded;
}

DecodedText detect_and_decode(std::string bytes) {
  const std::string_view view = bytes;
  std::optional<DecodedText> converted;
  if (view.starts_with("\xFF\xFE")) converted = try_convert(view, "UTF-16LE", "utf-16le");
  if (view.starts_with("\xFE\xFF")) converted = try_convert(view, "UTF-16BE", "utf-16be");
  if (converted) return std::move(*converted);

  // Well-formed UTF-8 (by far the common case) is decided by normalizing it
  // once, without a separate validation pass.
  DecodedText as_is = as_utf8(std::move(bytes));
  if (as_is.replaced_bytes == 0 || as_is.original.starts_with("\xEF\xBB\xBF")) return as_is;
  // Damaged UTF-8 still has more well-formed multi-byte characters than
  // ill-formed ones; GBK text read as UTF-8 is mostly ill-formed.
  const Utf8Census census = census_utf8(as_is.original);
  if (census.multibyte_chars <= census.invalid_sequences && detected_as_gb(as_is.original)) {
    converted = try_convert(as_is.original, "gb18030", "gb18030");
  }
  if (converted) return std::move(*converted);
  return as_is;
}

}  // namespace

DecodedText decode_text(std::string bytes, std::string_view encoding) {
  const std::string name = lower_ascii(encoding);
  if (name.empty() || name == "auto") return detect_and_decode(std::move(bytes));
  if (ucnv_compareNames(name.c_str(), "utf-8") == 0) return as_utf8(std::move(bytes));
  if (auto converted = try_convert(bytes, name, name)) return std::move(*converted);
  return detect_and_decode(std::move(bytes));
}

}  // namespace reportex::internal::text
