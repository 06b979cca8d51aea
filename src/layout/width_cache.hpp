#pragma once
// Remembers text widths per style and size: the same words recur throughout a pack, and the
// measurer behind the interface walks font tables on every call.
#include "layout/page.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

namespace bp::layout {

class WidthCache {
  public:
    explicit WidthCache(const TextMeasurer& measurer) : measurer_(measurer) {}

    double width(std::string_view text, FontStyle style, double size);
    double ascent(FontStyle style) const { return measurer_.ascent(style); }
    double descent(FontStyle style) const { return measurer_.descent(style); }

  private:
    const TextMeasurer& measurer_;
    std::unordered_map<std::string, double> widths_;
    std::string key_; // reused to avoid an allocation per lookup
};

} // namespace bp::layout
