#pragma once
#include <string>

namespace bp::cli {

// Where the default theme and bundled fonts live: $BOARDPACK_DATA_DIR, else the folder the
// binary was built from.
std::string data_dir();

} // namespace bp::cli
