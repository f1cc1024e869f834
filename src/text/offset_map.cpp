#include "text/offset_map.hpp"

#include <algorithm>

namespace reportex::internal::text {

void OffsetMap::add_copy(std::size_t normalized, std::size_t original) {
  if (!anchors_.empty()) {
    const Anchor& last = anchors_.back();
    if (last.atomic_end == 0 && last.original + (normalized - last.normalized) == original) {
      return;
    }
  }
  anchors_.push_back({normalized, original, 0});
}

void OffsetMap::add_atomic(std::size_t normalized, std::size_t original_begin, std::size_t original_end) {
  anchors_.push_back({normalized, original_begin, original_end});
}

const OffsetMap::Anchor& OffsetMap::segment_of(std::size_t normalized) const {
  // The last anchor starting at or before `normalized`; the first anchor
  // always starts at 0, so there is one.
  auto after = std::upper_bound(anchors_.begin(), anchors_.end(), normalized,
                                [](std::size_t pos, const Anchor& anchor) { return pos < anchor.normalized; });
  return *std::prev(after);
}

std::size_t OffsetMap::original_begin(std::size_t normalized) const {
  const Anchor& anchor = segment_of(normalized);
  return anchor.atomic_end != 0 ? anchor.original : anchor.original + (normalized - anchor.normalized);
}

std::size_t OffsetMap::original_end(std::size_t normalized_end) const {
  const Anchor& anchor = segment_of(normalized_end - 1);
  return anchor.atomic_end != 0 ? anchor.atomic_end : anchor.original + (normalized_end - anchor.normalized);
}

Span OffsetMap::to_original(Span normalized, std::size_t normalized_size) const {
  if (anchors_.empty() || normalized_size == 0) return {};
  if (normalized.empty()) {
    const std::size_t at =
        normalized.begin < normalized_size ? original_begin(normalized.begin) : original_end(normalized_size);
    return {at, at};
  }
  return {original_begin(normalized.begin), original_end(normalized.end)};
}

}  // namespace reportex::internal::text
