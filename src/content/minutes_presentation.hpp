#pragma once
// How actions read in printed and published minutes: the source's brace group
// "{lead: Ayo Bello, due: 2017-10-31}" becomes "Action: Ayo Bello, by 31 October 2017 (ref)".
#include "content/model.hpp"

namespace bp::content {

// Rewrites every action task item of a minutes paper's body. `recorded` is the date of the
// meeting the minutes record; it makes the reference the action log and action plans use.
void present_minutes_actions(doc::Document& body, Date recorded);

} // namespace bp::content
