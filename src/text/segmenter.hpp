#pragma once
/// @file segmenter.hpp
/// @brief Sentence-final punctuation, and paragraph/sentence splitting of normalized text.

#include <reportex/document.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace reportex::internal::text {

/// Byte length of the sentence-final mark (。！？!?；;) starting at text[pos], or 0.
std::size_t sentence_final_length_at(std::string_view text, std::size_t pos) noexcept;
/// Byte length of the closing quote or bracket (”’」』)）》〉】"') starting at text[pos], or 0.
std::size_t closer_length_at(std::string_view text, std::size_t pos) noexcept;
/// True when `text` ends with a sentence-final mark, possibly followed by a
/// few closing quotes or brackets. Looks at a bounded suffix, so it is O(1).
bool ends_with_sentence_end(std::string_view text) noexcept;

/// Paragraphs of a normalized text: the non-empty pieces between '\n'.
std::vector<Segment> split_paragraphs(std::string_view text);
/// Sentences inside each paragraph, cut after sentence-final marks and the
/// closing quotes or brackets that follow them. Never empty.
std::vector<Segment> split_sentences(std::string_view text, const std::vector<Segment>& paragraphs);

}  // namespace reportex::internal::text
