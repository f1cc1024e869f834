#include "text/offset_map.hpp"

#include <algorithm>
#include <iterator>

namespace reportex::internal::text {
namespace {

// The last anchor starting at or before `normalized`; the first anchor
// always starts at 0, so there is one.
template <class A>
const A& segment_of(const std::vector<A>& anchors, std::size_t normalized) {
  auto after = std::upper_bound(anchors.begin(), anchors.end(), normalized,
                                [](std::size_t pos, const A& anchor) { return pos < anchor.normalized; });
  return *std::prev(after);
}

template <class A>
std::size_t original_begin(const std::vector<A>& anchors, std::size_t normalized) {
  const A& anchor = segment_of(anchors, normalized);
  return anchor.atomic_end != 0 ? anchor.original : anchor.original + (normalized - anchor.normalized);
}

template <class A>
std::size_t original_end(const std::vector<A>& anchors, std::size_t normalized_end) {
  const A& anchor = segment_of(anchors, normalized_end - 1);
  return anchor.atomic_end != 0 ? anchor.atomic_end : anchor.original + (normalized_end - anchor.normalized);
}

}  // namespace

void OffsetMap::add_copy(std::size_t normalized, std::size_t original) {
  auto continues = [&](const auto& anchors) {
    if (anchors.empty()) return false;
    const auto& last = anchors.back();
    return last.atomic_end == 0 && last.original + (normalized - last.normalized) == original;
  };
  if (wide_ ? continues(wide_anchors_) : continues(narrow_anchors_)) return;
  add(normalized, original, 0);
}

void OffsetMap::add_atomic(std::size_t normalized, std::size_t original_begin, std::size_t original_end) {
  add(normalized, original_begin, original_end);
}

void OffsetMap::reserve(std::size_t anchors) {
  if (wide_) {
    wide_anchors_.reserve(anchors);
  } else {
    narrow_anchors_.reserve(anchors);
  }
}

void OffsetMap::add(std::size_t normalized, std::size_t original, std::size_t atomic_end) {
  if (!wide_ && std::max({normalized, original, atomic_end}) > narrow_limit_) widen();
  if (wide_) {
    wide_anchors_.push_back({normalized, original, atomic_end});
  } else {
    narrow_anchors_.push_back({static_cast<std::uint32_t>(normalized), static_cast<std::uint32_t>(original),
                               static_cast<std::uint32_t>(atomic_end)});
  }
}

void OffsetMap::widen() {
  wide_anchors_.reserve(std::max(narrow_anchors_.capacity(), narrow_anchors_.size() + 1));
  for (const Narrow& a : narrow_anchors_) wide_anchors_.push_back({a.normalized, a.original, a.atomic_end});
  narrow_anchors_ = {};
  wide_ = true;
}

template <class A>
Span OffsetMap::map(const std::vector<A>& anchors, Span normalized, std::size_t normalized_size) {
  if (anchors.empty() || normalized_size == 0) return {};
  if (normalized.empty()) {
    const std::size_t at = normalized.begin < normalized_size ? original_begin(anchors, normalized.begin)
                                                              : original_end(anchors, normalized_size);
    return {at, at};
  }
  return {original_begin(anchors, normalized.begin), original_end(anchors, normalized.end)};
}

Span OffsetMap::to_original(Span normalized, std::size_t normalized_size) const {
  return wide_ ? map(wide_anchors_, normalized, normalized_size)
               : map(narrow_anchors_, normalized, normalized_size);
}

}  // namespace reportex::internal::text
