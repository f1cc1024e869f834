#pragma once
/// @file offset_map.hpp
/// @brief Maps byte ranges of a normalized text back to the original text.

#include <reportex/record.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace reportex::internal::text {

/// The normalized text is a sequence of segments, each recorded by one
/// anchor where it starts. A copy segment was copied byte for byte, so its
/// bytes keep a constant offset from the original; an atomic segment (a
/// folded character, a U+FFFD, a kept space or paragraph break) maps as a
/// whole to its source range. Memory grows with the number of edits, not
/// with the text size, and a lookup is a binary search.
///
/// Chinese prose folds a full-width mark every few characters, so a map has
/// about one anchor per ten bytes of text. Anchors hold 4-byte offsets while
/// every offset fits, which halves that memory; the first offset that does
/// not fit widens the map to 8-byte offsets, so a text of any size maps.
class OffsetMap {
 public:
  OffsetMap() = default;
  /// `narrow_limit` is the largest offset kept in 4 bytes; tests lower it to
  /// reach the wide form without a 4 GB text.
  explicit OffsetMap(std::size_t narrow_limit) : narrow_limit_(narrow_limit) {}

  /// Starts a copy segment at normalized byte `normalized`, taken from
  /// original byte `original`. Merges into the previous copy segment when the
  /// offset between the two texts is unchanged.
  void add_copy(std::size_t normalized, std::size_t original);
  /// Starts an atomic segment that came from original bytes [begin, end).
  void add_atomic(std::size_t normalized, std::size_t original_begin, std::size_t original_end);
  /// Room for `anchors` anchors, so that building the map does not copy it.
  void reserve(std::size_t anchors);

  /// Maps `normalized` (begin <= end <= size of the normalized text the
  /// anchors were built for) to the original range from the source of its
  /// first byte to the source of its last byte. An empty range maps to an
  /// empty range at the source of its position.
  Span to_original(Span normalized, std::size_t normalized_size) const;

  std::size_t anchor_count() const noexcept { return wide_ ? wide_anchors_.size() : narrow_anchors_.size(); }
  /// True once an offset has outgrown 4 bytes.
  bool wide() const noexcept { return wide_; }

 private:
  template <class Offset>
  struct Anchor {
    Offset normalized = 0;
    Offset original = 0;
    /// End of the source range of an atomic segment; 0 for a copy segment
    /// (an atomic source range is never empty, so its end is never 0).
    Offset atomic_end = 0;
  };
  using Narrow = Anchor<std::uint32_t>;
  using Wide = Anchor<std::size_t>;

  void add(std::size_t normalized, std::size_t original, std::size_t atomic_end);
  void widen();
  template <class A>
  static Span map(const std::vector<A>& anchors, Span normalized, std::size_t normalized_size);

  std::size_t narrow_limit_ = std::numeric_limits<std::uint32_t>::max();
  bool wide_ = false;
  std::vector<Narrow> narrow_anchors_;
  std::vector<Wide> wide_anchors_;
};

}  // namespace reportex::internal::text
