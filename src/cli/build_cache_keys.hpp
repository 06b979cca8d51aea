#pragma once
// The keys of the build cache: digests of everything a cached part is made from, so a part is
// taken from the cache only when a clean build would write the same bytes.
#include "content/model.hpp"

#include <map>
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

// One meeting's sources as the site's index knows them: the board's key, every file in the
// meeting's folder and every paper it lists from elsewhere in the site. The images its papers
// show are known only once the papers are read; they are `ImageDigests`, kept with the entry.
std::string meeting_key(const std::string& board_key, const std::string& source_root,
                        const content::Meeting& meeting);

// The images a meeting's papers show, by path in the site, with their SHA-256 ("absent" for
// one that is missing). `meeting` has its papers loaded.
using ImageDigests = std::map<std::string, std::string>;
ImageDigests image_digests(const std::string& source_root, const content::Meeting& meeting);
// True when every image still has the digest recorded.
bool images_unchanged(const std::string& source_root, const ImageDigests& images);

// One meeting's packs: its sources and the images its papers show.
std::string packs_key(const std::string& meeting_key, const ImageDigests& images);

// What every meeting's pages read besides the meeting's own sources: the site's key, the theme
// (the site's themes/ folder and boardpack's own) and the navigation, which names every board.
std::string pages_site_key(const std::string& site_key, const std::string& source_root,
                           const content::Site& site);
// One meeting's pages: its sources and what every page reads. The images are checked apart.
std::string pages_key(const std::string& pages_site_key, const std::string& meeting_key);

// A board's own pages (its page, feed and calendar, indicators, actions, decisions, forward
// plan): the board's key, the sources of all its meetings, whose agendas and papers those
// pages list and link to, and the build's time stamp, which the calendar carries and which
// without SOURCE_DATE_EPOCH is the latest meeting's date anywhere in the site.
std::string board_pages_key(const std::string& pages_site_key, const std::string& board_key,
                            const std::vector<std::string>& meeting_keys,
                            const std::string& build_timestamp);

// A quarterly archive pack: made from its meetings' packs and nothing else.
std::string quarter_packs_key(const std::string& board_key,
                              const std::vector<std::string>& meeting_keys);

// A term shard of the search index: its name (site::SearchShardStore), which says all its bytes
// are made from, under the site's key, which names the program that wrote them.
std::string kept_shard_key(const std::string& site_key, const std::string& shard_name);

// The identity of the running program: its GNU build ID, or failing that the digest of the
// executable, so a rebuilt boardpack never serves what an older one cached.
const std::string& program_identity();

} // namespace bp::cli
