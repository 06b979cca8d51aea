#pragma once
// The files of the starter site that `boardpack new` writes.
#include <string>
#include <utility>
#include <vector>

namespace bp::cli {

std::vector<std::pair<std::string, std::string>> scaffold_files();

} // namespace bp::cli
