#pragma once
// The public and members' editions of a pack number their pages alike. The public edition
// counts the members' pages of what it may not print, and prints one page in their place.
#include "pack/pack_plan.hpp"

#include <functional>

namespace bp::pack {

// How many pages a paper takes in the members' pack.
using PageCounter = std::function<int(const content::Paper&, const content::AgendaItem&)>;

// The members' meeting as a plan of page counts, nothing to paint: a paper the public plan
// already composed is counted from there, any other is counted by `count`.
PackPlan counted_plan(const content::Meeting& members, const PackPlan& public_plan,
                      const PageCounter& count);

// Puts each public row's papers in the members' order, with every paper the members' pack
// prints and the public may not see as withheld pages carrying the public ground. A withheld
// sub-item's papers fold into the nearest row the public plan has.
void fold_in_withheld(PackPlan& public_plan, const PackPlan& members_plan);

// Copies each row's page range to the row of `to` with the same item number.
void copy_page_ranges(const PackPlan& from, PackPlan& to);

} // namespace bp::pack
