#pragma once
// What the performance directives share: finding indicators with helpful errors, the figures as
// at the meeting's data date, and small builders for the blocks they produce.
#include "content/block_builders.hpp"
#include "content/directives.hpp"
#include "data/financial_calendar.hpp"
#include "data/indicator_calculations.hpp"
#include "data/indicators.hpp"
#include "data/rag.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bp::content::performance {

data::FinancialCalendar calendar_of(const DirectiveContext& context);

// The board's indicator with this id; reports an unknown id at `where` with a did-you-mean hint.
const data::Indicator* find_indicator(std::string_view id, const SourceLocation& where,
                                      DirectiveContext& context);

// The indicator as the meeting sees it (as published, for a published meeting). Every
// directive and value takes its indicators through here or find_indicator.
const data::Indicator& use_indicator(const data::Indicator& indicator, DirectiveContext& context);

// Figures as at the meeting's data date, noted in the meeting's figure book; reports missing
// data at `where`.
std::optional<data::IndicatorFigures> figures_for(const data::Indicator& indicator,
                                                  const SourceLocation& where,
                                                  DirectiveContext& context);

using content::check_body;
using content::heading;
using content::paragraph;
using content::table;
using content::text_cell;
using content::text_inline;

// Adds a chart to the paper, giving it an id not yet used there, and returns the block that
// places it.
doc::Block place_chart(data::ChartSpec spec, std::string caption, const SourceLocation& location,
                       DirectiveContext& context);

// "down (better)", "no change", "" when unknown.
std::string direction_text(const data::Indicator& indicator, data::Direction direction);

} // namespace bp::content::performance
