#pragma once
// Whether `build --out` may replace a folder. A build swaps its output in whole, so a wrong
// --out would delete whatever the folder held: the user's papers, or any other files.
#include <optional>
#include <string>

namespace bp::cli {

struct OutputFolderProblem {
    std::string message;
    std::string hint;
};

// Refuses an output that is the source folder, holds it, lies inside the folders a build reads
// (content/, themes/, assets/), or already exists without the marker a previous build wrote.
// An empty folder is accepted. Symlinks are followed before folders are compared.
std::optional<OutputFolderProblem> output_folder_problem(const std::string& source,
                                                         const std::string& out);

} // namespace bp::cli
