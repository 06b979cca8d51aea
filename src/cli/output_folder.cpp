#include "cli/output_folder.hpp"

#include "core/output_tree.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

bool within(const fs::path& outer, const fs::path& inner) {
    auto [mismatch, _] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return mismatch == outer.end();
}

fs::path real(const std::string& path) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(fs::absolute(path), ec);
    return ec ? fs::absolute(path).lexically_normal() : resolved;
}

bool is_empty_folder(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && fs::is_empty(path, ec);
}

} // namespace

std::optional<OutputFolderProblem> output_folder_problem(const std::string& source,
                                                         const std::string& out) {
    fs::path site = real(source);
    fs::path target = real(out);
    const std::string choose = "choose a new folder for --out, e.g. --out public";
    if (target == site)
        return OutputFolderProblem{"--out '" + out + "' is the site folder itself", choose};
    if (within(target, site))
        return OutputFolderProblem{"--out '" + out + "' holds the site folder " + site.string(),
                                   choose};
    for (const char* read : {"content", "themes", "assets"})
        if (within(site / read, target))
            return OutputFolderProblem{"--out '" + out + "' lies inside the site's " +
                                           std::string(read) + "/ folder, which a build reads",
                                       choose};
    std::error_code ec;
    auto status = fs::status(target, ec);
    if (!fs::exists(status))
        return std::nullopt;
    if (!fs::is_directory(status))
        return OutputFolderProblem{"--out '" + out + "' is a file, not a folder", choose};
    if (is_empty_folder(target) || fs::is_regular_file(target / OutputTree::marker_name, ec))
        return std::nullopt;
    return OutputFolderProblem{"--out '" + out +
                                   "' already exists and was not written by boardpack; a build "
                                   "would replace everything in it",
                               "choose a new or empty folder, or move the files out of this one"};
}

} // namespace bp::cli
