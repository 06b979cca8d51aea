#pragma once
// How a page states how many rows it lists, so every count on the site reads the same way.
#include "core/text.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace bp::site {

// "1 decision", "0 decisions", "12,345 actions": the singular only for exactly one. The site's
// script (themes/default/assets/js/site.js) counts filtered rows by the same rule.
inline std::string count_phrase(std::size_t count, std::string_view singular,
                                std::string_view plural) {
    return format_number(static_cast<double>(count)) + " " +
           std::string(count == 1 ? singular : plural);
}

} // namespace bp::site
