#pragma once
// The keys of the build cache: digests of everything a cached part is made from, so a part is
// taken from the cache only when a clean build would write the same bytes.
#include "content/model.hpp"

#include <string>
#include <vector>

namespace bp::cli {

// What every part shares: the program (its build ID and version), the audience,
// SOURCE_DATE_EPOCH, site.yaml, the site's own assets/ folder (logo, fonts), the fonts
// bundled with boardpack and the installed fonts (pack::installed_font_files).
std::string site_key(const std::string& source_root, content::Audience audience);

// What every meeting of a board reads besides its own folder: board.yaml, the indicators, the
// action log, the forward plan and anything else in the board's folder outside its meetings, and
// the meeting.yaml and minutes of each of its meetings, because declarations, actions, decisions
// and the next meeting's date travel from one meeting's pack into another's.
std::string board_key(const std::string& site_key, const std::string& source_root,
                      const content::Board& board);

// One meeting's packs: the board's key, every file in the meeting's folder and every paper and
// image its papers read from elsewhere in the site. `meeting` has its papers loaded.
std::string meeting_key(const std::string& board_key, const std::string& source_root,
                        const content::Meeting& meeting);

// A quarterly archive pack: made from its meetings' packs and nothing else.
std::string quarter_packs_key(const std::string& board_key,
                              const std::vector<std::string>& meeting_keys);

// The identity of the running program: its GNU build ID, or failing that the digest of the
// executable, so a rebuilt boardpack never serves what an older one cached.
const std::string& program_identity();

} // namespace bp::cli
