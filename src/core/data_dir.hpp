#pragma once
// Where boardpack's own files live: the default theme (themes/default) and the bundled fonts
// (assets/fonts). Nothing about the machine that built the binary is compiled in, so the
// binary can be installed, packaged or moved together with its data.
#include <string>

namespace bp {

// The first of these that holds themes/default:
// - $BOARDPACK_DATA_DIR, when set (used as given, even when it lacks the theme, so that a
//   mistake shows up as a missing file rather than a silent fallback);
// - <folder of the binary>/../share/boardpack, the installed layout (cmake --install);
// - <folder of the binary>/share/boardpack, which the build tree mirrors with links.
// When none does, the installed location, so that errors name where the files belong.
std::string data_dir();

// The same rule for a given binary path and environment value (null when unset), for tests.
std::string data_dir_for(const std::string& executable, const char* from_environment);

} // namespace bp
