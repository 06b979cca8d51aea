#pragma once
#include "content/figure_book.hpp"
#include "content/model.hpp"

#include <string>
#include <vector>

namespace bp::cli {

// figures.json: every figure a meeting's papers resolved, with its indicator, period, basis,
// the monthly figures it was worked out from and the rating's reason — what an auditor checks
// the pack against. The same entries the publish record freezes.
std::string figures_json(const content::Meeting& meeting,
                         const std::vector<content::FigureEntry>& figures);

} // namespace bp::cli
