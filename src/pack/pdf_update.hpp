#pragma once
// An incremental update (ISO 32000-1, 7.5.6): a PDF's own bytes, untouched, followed by the
// objects a change made or replaced, a cross-reference stream for them alone and a trailer
// that points back to the file's own. Writing a changed document whole reads and writes every
// object it holds; an update writes what changed. An archive pack is a meeting's pack with a
// contents page in front: writing it whole was over a third of what the archive cost.
//
// The rule for what is written: every object in `changed` (an object of the file that the
// change replaced, such as its catalogue or its page tree), and every object made since the
// file was read (numbered from the file's /Size up) that they or the trailer's /Root and
// /Info reach. An object of the file that `changed` leaves out is kept as the file has it,
// whatever was done to it in memory: the caller names every object it changed. Small objects
// go into object streams, as a whole write would put them, streams as they stand (compressed
// ones compressed). Objects the change left unreachable (the file's old catalogue entries,
// say) stay in the file, as in any updated PDF, and readers no longer see them.
//
// The trailer's ID is a placeholder for stamp_content_id (post_pass.hpp). A file with a
// linearisation dictionary is refused: an update leaves it claiming a layout it no longer
// has. So is an encrypted one.
#include <qpdf/QPDF.hh>
#include <string>
#include <vector>

namespace bp::pack {

// True when `original` can take an update: neither linearised nor encrypted, and it ends
// with the offset of its cross-reference section.
bool can_take_update(const std::string& original, QPDF& pdf);

// `original` with the update appended. `pdf` is the document read from `original` and then
// changed; throws std::runtime_error when can_take_update says no.
std::string append_update(const std::string& original, QPDF& pdf,
                          const std::vector<QPDFObjectHandle>& changed);

} // namespace bp::pack
