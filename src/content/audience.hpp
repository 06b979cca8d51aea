#pragma once
// The audience rule, in one place. Everything drawn from restricted material — papers, sub-items,
// actions raised in restricted minutes — is removed here, once, before any stage renders the
// site, so pages, packs, feeds, calendars, search records and archive packs all see the same
// filtered model.
#include "content/model.hpp"

namespace bp::content {

// A restricted paper: `security: restricted`, an `exempt:` ground, or a protective marking
// the public may not see keeps it from the public.
bool paper_members_only(const Paper& paper);

// Whether any of the items or their sub-items has the paper read from `source_path`.
bool has_paper(const std::vector<AgendaItem>& items, const std::string& source_path);

// Whether the public see less of these items than the members do.
bool withholds_anything(const std::vector<AgendaItem>& items);

// An item the public see only by number and title: marked restricted, or every paper it has
// is restricted.
bool item_members_only(const AgendaItem& item);

// Whether the audience sees `item` only as withheld (whether or not the audience was applied).
bool withheld_from(const AgendaItem& item, Audience audience);

// For the public: a members-only item keeps its number and title but loses its papers,
// description, presenter and sub-items; restricted papers are dropped. Idempotent.
void apply_audience(Meeting& meeting, Audience audience);

// Applies the audience to every meeting; to the minutes records (minutes the public may not
// read lose their attendance and decisions, and decisions about withheld items are dropped); to
// every board's action log (actions raised in restricted minutes are dropped for the public) and
// forward plan (restricted reports lose their lead and notes).
void apply_audience(Site& site, Audience audience);

} // namespace bp::content
