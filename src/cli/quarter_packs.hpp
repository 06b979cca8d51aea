#pragma once
// Quarterly archive packs: for each board and financial quarter, one PDF bundling that
// quarter's meeting packs behind a contents page.
#include "content/model.hpp"
#include "core/output_tree.hpp"
#include "pack/pack.hpp"

namespace bp::cli {

// Reads each meeting's pack back from the staging folder one quarter at a time, so only one
// quarter's packs are in memory at once. Meetings without a pack (cancelled) are skipped.
void write_quarter_packs(const content::Site& site, const pack::PackResources& fonts,
                         OutputTree& out, DiagnosticSink& sink, content::Audience audience);

} // namespace bp::cli
