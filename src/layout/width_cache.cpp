#include "layout/width_cache.hpp"

#include <cmath>
#include <cstring>
#include <memory>

namespace bp::layout {

double WidthCache::width(std::string_view text, FontStyle style, double size) {
    if (text.empty())
        return 0;
    // A word the measurer sums faster than it is found here is not kept: looking a word up
    // among a pack's tens of thousands cost more than summing its letters' widths.
    if (auto quick = measurer_.quick_width(text, style, size))
        return std::isfinite(*quick) && *quick >= 0 ? *quick : 0;
    key_.clear();
    key_.push_back(static_cast<char>('0' + static_cast<int>(style)));
    char size_bytes[sizeof(double)];
    std::memcpy(size_bytes, &size, sizeof size);
    key_.append(size_bytes, sizeof size_bytes);
    key_.append(text);
    auto found = widths_.find(key_);
    if (found != widths_.end())
        return found->second;
    double measured = measurer_.width(std::string(text), style, size);
    // A measurer that fails on odd input must not poison the line breaker with NaN.
    if (!std::isfinite(measured) || measured < 0)
        measured = 0;
    // Kept across a thread's papers, the cache is bounded so a long build cannot grow it without
    // end.
    if (widths_.size() >= most_remembered)
        widths_.clear();
    widths_.emplace(key_, measured);
    return measured;
}

WidthCache& thread_widths(const TextMeasurer& measurer) {
    thread_local const TextMeasurer* owner = nullptr;
    thread_local std::unique_ptr<WidthCache> widths;
    if (!widths || owner != &measurer) {
        widths = std::make_unique<WidthCache>(measurer);
        owner = &measurer;
    }
    return *widths;
}

} // namespace bp::layout
