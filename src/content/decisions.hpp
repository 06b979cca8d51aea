#pragma once
// Decisions recorded in minutes. A minute is a heading that starts with its agenda item's
// number ("## 5. Terms of reference"); a resolution is a paragraph (or heading) under it that
// starts "Resolved", "It was resolved", "It was agreed", "Agreed" or "The board agreed". When
// the resolution ends with a colon, the list (or paragraph) after it gives its points:
//   It was agreed that:
//   - the terms of reference be re-adopted;
//   - the membership be confirmed.
#include "content/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::content {

// "5. Terms of reference" → {"5", "Terms of reference"}; also "5a)", "5a –" and "Item 5:".
struct MinuteHeading {
    std::string number;
    std::string title;
};
std::optional<MinuteHeading> minute_heading(std::string_view heading);

// Whether text opens a resolution ("It was agreed that the minutes be approved").
bool starts_resolution(std::string_view text);

// Every resolution in a minutes paper, under the minute it belongs to. `recorded` is the meeting
// the minutes record, when it is in the site: a minute numbered for no item on its agenda is a
// warning, as is a resolution under no numbered minute.
std::vector<Decision> read_decisions(const doc::Document& body, const Meeting* recorded,
                                     DiagnosticSink& sink);

// A paper that is not minutes records no decisions: "Resolved:" in one is a warning, since the
// writer meant it to be recorded.
void warn_resolutions_outside_minutes(const doc::Document& body, DiagnosticSink& sink);

} // namespace bp::content
