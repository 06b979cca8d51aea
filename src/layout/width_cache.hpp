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

    const TextMeasurer& measurer() const { return measurer_; }

  private:
    static constexpr std::size_t most_remembered = 200000;
    const TextMeasurer& measurer_;
    std::unordered_map<std::string, double> widths_;
    std::string key_; // reused to avoid an allocation per lookup
};

// One cache per thread for the measurer the thread uses: the same words recur in every paper
// and page a thread sets. A different measurer starts a fresh cache.
WidthCache& thread_widths(const TextMeasurer& measurer);

} // namespace bp::layout
