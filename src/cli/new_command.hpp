#pragma once
#include <string>

namespace bp::cli {

// Writes a small working site into `directory` (which must not exist or be empty).
int run_new(const std::string& directory);

} // namespace bp::cli
