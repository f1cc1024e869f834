#include <reportex/document.hpp>

#include "text/encoding.hpp"
#include "text/segmenter.hpp"

#include <algorithm>
#include <cstdio>

namespace reportex {

namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Parses exactly `digits` ASCII digits of `text` starting at `pos`.
std::optional<int> parse_digits(std::string_view text, std::size_t pos, std::size_t digits) {
  int value = 0;
  for (std::size_t i = pos; i < pos + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<CivilDate> CivilDate::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_digits(text, 0, 4);
  const auto month = parse_digits(text, 5, 2);
  const auto day = parse_digits(text, 8, 2);
  if (!year || !month || !day || *year == 0 || *month < 1 || *month > 12) return std::nullopt;
  if (*day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return CivilDate{*year, *month, *day};
}

std::string CivilDate::to_string() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

struct Document::Impl {
  std::string name;
  std::string original;
  std::string encoding;
  internal::text::NormalizedText normalized;
  std::size_t replaced_bytes = 0;
  std::optional<CivilDate> reference_date;
  std::vector<Segment> paragraphs;
  std::vector<Segment> sentences;
};

Document Document::from_bytes(std::string name, std::string bytes, DocumentOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->name = std::move(name);
  internal::text::DecodedText decoded = internal::text::decode_text(std::move(bytes), options.encoding);
  impl->original = std::move(decoded.original);
  impl->encoding = std::move(decoded.encoding);
  impl->normalized = std::move(decoded.normalized);
  impl->replaced_bytes = decoded.replaced_bytes;
  impl->reference_date = options.reference_date;
  impl->paragraphs = internal::text::split_paragraphs(impl->normalized.text);
  impl->sentences = internal::text::split_sentences(impl->normalized.text, impl->paragraphs);
  return Document(std::move(impl));
}

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

const std::string& Document::name() const noexcept { return impl_->name; }
const std::string& Document::original() const noexcept { return impl_->original; }
const std::string& Document::text() const noexcept { return impl_->normalized.text; }
const std::string& Document::encoding() const noexcept { return impl_->encoding; }
std::size_t Document::replaced_bytes() const noexcept { return impl_->replaced_bytes; }
const std::optional<CivilDate>& Document::reference_date() const noexcept { return impl_->reference_date; }
const std::vector<Segment>& Document::paragraphs() const noexcept { return impl_->paragraphs; }
const std::vector<Segment>& Document::sentences() const noexcept { return impl_->sentences; }

Span Document::original_span(Span normalized) const {
  const std::size_t size = impl_->normalized.text.size();
  const std::size_t end = std::min(normalized.end, size);
  const std::size_t begin = std::min(normalized.begin, end);
  return impl_->normalized.offsets.to_original(Span{begin, end}, size);
}

}  // namespace reportex
