#pragma once
// What the performance directives share: finding indicators with helpful errors, the figures as
// at the meeting's data date, and small builders for the blocks they produce.
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

// Figures as at the meeting's data date; reports missing data at `where`.
std::optional<data::IndicatorFigures> figures_for(const data::Indicator& indicator,
                                                  const SourceLocation& where,
                                                  DirectiveContext& context);

doc::Rag to_doc_rag(data::RagStatus status);

// A directive body must be a map (or empty) with only the given keys.
bool check_body(const YAML::Node& body, const std::set<std::string>& keys,
                const SourceLocation& origin, DiagnosticSink& sink, std::string_view directive);

doc::Inline text_inline(std::string text, const SourceLocation& location);
doc::TableCell text_cell(std::string text, const SourceLocation& location);
doc::Block paragraph(std::string text, const SourceLocation& location);
doc::Block heading(int level, std::string text, std::string anchor, const SourceLocation& location);
doc::Block table(const std::vector<std::string>& headings, std::vector<doc::TableRow> rows,
                 const SourceLocation& location, std::string css_class, std::string caption = {});

// Adds a chart to the paper, giving it an id not yet used there, and returns the block that
// places it.
doc::Block place_chart(data::ChartSpec spec, std::string caption, const SourceLocation& location,
                       DirectiveContext& context);

// "down (better)", "no change", "" when unknown.
std::string direction_text(const data::Indicator& indicator, data::Direction direction);

} // namespace bp::content::performance
