#pragma once
// pack.json: the page count and each agenda row's pages, for the site and for checks.
#include "pack/pack_plan.hpp"

#include <string>

namespace bp::pack {

// {"pages": N, "items": [{"number": "3", "title": "...", "first_page": 11, "last_page": 46,
// "restricted": false, "verbal": false}]}, indented by two spaces; rows without pages have 0
// for both pages. Text is kept as UTF-8; invalid bytes become U+FFFD.
std::string pack_json(const PackPlan& plan, int pages);

} // namespace bp::pack
