#include "text/segmenter.hpp"

#include <array>

namespace reportex::internal::text {

namespace {

constexpr std::array<std::string_view, 7> kSentenceFinals = {"。", "！", "？", "；", "!", "?", ";"};
constexpr std::array<std::string_view, 11> kClosers = {"”", "’", "」", "』", ")", "）", "》", "〉", "】", "\"", "'"};
// A sentence end followed by more closers than this is not treated as one.
constexpr int kMaxTrailingClosers = 3;

template <std::size_t N>
std::size_t match_length_at(const std::array<std::string_view, N>& marks, std::string_view text,
                            std::size_t pos) noexcept {
  for (std::string_view mark : marks) {
    if (text.substr(pos, mark.size()) == mark) return mark.size();
  }
  return 0;
}

template <std::size_t N>
std::size_t suffix_length(const std::array<std::string_view, N>& marks, std::string_view text) noexcept {
  for (std::string_view mark : marks) {
    if (text.ends_with(mark)) return mark.size();
  }
  return 0;
}

}  // namespace

std::size_t sentence_final_length_at(std::string_view text, std::size_t pos) noexcept {
  const unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte == '!' || byte == '?' || byte == ';') return 1;
  // The full-width marks all start with E3 or EF; this test rejects almost
  // every other position before any comparison.
  if (byte != 0xE3 && byte != 0xEF) return 0;
  return match_length_at(kSentenceFinals, text, pos);
}

std::size_t closer_length_at(std::string_view text, std::size_t pos) noexcept {
  return match_length_at(kClosers, text, pos);
}

bool ends_with_sentence_end(std::string_view text) noexcept {
  for (int closers = 0; closers <= kMaxTrailingClosers; ++closers) {
    if (suffix_length(kSentenceFinals, text) != 0) return true;
    const std::size_t closer = suffix_length(kClosers, text);
    if (closer == 0) return false;
    text.remove_suffix(closer);
  }
  return false;
}

std::vector<Segment> split_paragraphs(std::string_view text) {
  std::vector<Segment> paragraphs;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) {
      paragraphs.push_back({Span{begin, end}, static_cast<int>(paragraphs.size())});
    }
    begin = end + 1;
  }
  return paragraphs;
}

std::vector<Segment> split_sentences(std::string_view text, const std::vector<Segment>& paragraphs) {
  std::vector<Segment> sentences;
  for (const Segment& paragraph : paragraphs) {
    const std::size_t end = paragraph.normalized.end;
    std::size_t begin = paragraph.normalized.begin;
    std::size_t pos = begin;
    while (pos < end) {
      const unsigned char byte = static_cast<unsigned char>(text[pos]);
      // Skip whole characters that cannot be marks: ideographs (lead bytes
      // E4..E9) are most of the text.
      if (byte >= 0xE4 && byte <= 0xE9) {
        pos += 3;
        continue;
      }
      const std::size_t final_length = sentence_final_length_at(text, pos);
      if (final_length == 0) {
        ++pos;  // UTF-8 is self-synchronizing: no mark can match inside a character
        continue;
      }
      pos += final_length;
      while (pos < end) {
        const std::size_t closer = closer_length_at(text, pos);
        if (closer == 0) break;
        pos += closer;
      }
      sentences.push_back({Span{begin, pos}, paragraph.paragraph});
      begin = pos;
    }
    if (begin < end) sentences.push_back({Span{begin, end}, paragraph.paragraph});
  }
  return sentences;
}

}  // namespace reportex::internal::text
