#pragma once
/// @file document.hpp
/// @brief A report: its original bytes, a normalized text, and a map between them.

#include <reportex/record.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportex {

/// A calendar day.
struct CivilDate {
  int year = 0, month = 0, day = 0;
  /// Parses "YYYY-MM-DD"; std::nullopt when malformed or not a real day.
  static std::optional<CivilDate> parse(std::string_view text);
  std::string to_string() const;  ///< "YYYY-MM-DD"
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

/// How to read a document's bytes.
struct DocumentOptions {
  /// "auto" detects UTF-8, UTF-16 (with BOM) and GB18030/GBK; any ICU
  /// converter name ("gb18030", "utf-16le", ...) forces that encoding.
  std::string encoding = "auto";
  /// The date the report was published, when the caller knows it. Without
  /// it, extraction infers one from the text.
  std::optional<CivilDate> reference_date;
};

/// A range of the normalized text, with its place in the original.
struct Segment {
  Span normalized;  ///< byte range of Document::text()
  int paragraph = 0;
};

/// A document ready for extraction. Immutable once made, and cheap to move.
///
/// The normalized text folds full-width forms (NFKC), drops line breaks and
/// spaces inside CJK text and between CJK text and digits, keeps paragraph
/// breaks as a single '\n', and replaces invalid UTF-8 with U+FFFD. Every
/// normalized position maps back to the original bytes (original_span).
///
/// Thread safety: const member functions may be called concurrently.
class Document {
 public:
  /// Reads `bytes` (any supported encoding) named `name` (used in output).
  /// Never fails: undecodable bytes become U+FFFD and are counted in
  /// replaced_bytes(); an undetectable encoding is read as UTF-8.
  static Document from_bytes(std::string name, std::string bytes, DocumentOptions options = {});

  const std::string& name() const noexcept;
  /// The UTF-8 text that spans refer to: the input bytes themselves when they
  /// were UTF-8 (a BOM included), otherwise the input converted to UTF-8.
  const std::string& original() const noexcept;
  /// The normalized text that rules match against.
  const std::string& text() const noexcept;
  /// The encoding the bytes were read as ("utf-8", "utf-16le", "gb18030", ...).
  const std::string& encoding() const noexcept;
  /// How many input bytes could not be decoded and were replaced.
  std::size_t replaced_bytes() const noexcept;
  const std::optional<CivilDate>& reference_date() const noexcept;

  /// Maps a byte range of text() to the byte range of original() it came
  /// from: from the first byte of its first character to the last byte of its
  /// last character, so dropped white space at either edge is not included.
  Span original_span(Span normalized) const;

  /// Paragraphs and sentences of text(), in order, without their separators.
  const std::vector<Segment>& paragraphs() const noexcept;
  const std::vector<Segment>& sentences() const noexcept;

  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

 private:
  struct Impl;
  explicit Document(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace reportex
