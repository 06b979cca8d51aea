#pragma once
// Text on coloured backgrounds (RAG cells, chips) stays readable: WCAG 2 contrast.
#include "layout/page.hpp"

namespace bp::layout {

// WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white).
double relative_luminance(const Colour& colour);
// (lighter + 0.05) / (darker + 0.05), from 1 to 21.
double contrast_ratio(const Colour& a, const Colour& b);
// White or near-black, whichever contrasts more with `fill` (white on GOV.UK amber is 2.8:1;
// near-black on it is over 7:1).
Colour text_colour_on(const Colour& fill);

} // namespace bp::layout
