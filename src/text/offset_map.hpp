#pragma once
/// @file offset_map.hpp
/// @brief Maps byte ranges of a normalized text back to the original text.

#include <reportex/record.hpp>

#include <cstddef>
#include <vector>

namespace reportex::internal::text {

/// The normalized text is a sequence of segments, each recorded by one
/// anchor where it starts. A copy segment was copied byte for byte, so its
/// bytes keep a constant offset from the original; an atomic segment (a
/// folded character, a U+FFFD, a kept space or paragraph break) maps as a
/// whole to its source range. Memory grows with the number of edits, not
/// with the text size, and a lookup is a binary search.
class OffsetMap {
 public:
  /// Starts a copy segment at normalized byte `normalized`, taken from
  /// original byte `original`. Merges into the previous copy segment when the
  /// offset between the two texts is unchanged.
  void add_copy(std::size_t normalized, std::size_t original);
  /// Starts an atomic segment that came from original bytes [begin, end).
  void add_atomic(std::size_t normalized, std::size_t original_begin, std::size_t original_end);
  /// Room for `anchors` anchors, so that building the map does not copy it.
  void reserve(std::size_t anchors) { anchors_.reserve(anchors); }

  /// Maps `normalized` (begin <= end <= size of the normalized text the
  /// anchors were built for) to the original range from the source of its
  /// first byte to the source of its last byte. An empty range maps to an
  /// empty range at the source of its position.
  Span to_original(Span normalized, std::size_t normalized_size) const;

  std::size_t anchor_count() const noexcept { return anchors_.size(); }

 private:
  struct Anchor {
    std::size_t normalized = 0;
    std::size_t original = 0;
    /// End of the source range of an atomic segment; 0 for a copy segment
    /// (an atomic source range is never empty, so its end is never 0).
    std::size_t atomic_end = 0;
  };
  const Anchor& segment_of(std::size_t normalized) const;
  std::size_t original_begin(std::size_t normalized) const;
  std::size_t original_end(std::size_t normalized_end) const;

  std::vector<Anchor> anchors_;
};

}  // namespace reportex::internal::text
