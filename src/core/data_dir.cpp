#include "core/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace bp {

namespace fs = std::filesystem;

namespace {

bool holds_theme(const fs::path& folder) {
    std::error_code error;
    return fs::is_directory(folder / "themes" / "default", error);
}

std::string running_binary() {
    std::error_code error;
    fs::path self = fs::read_symlink("/proc/self/exe", error);
    return error ? std::string() : self.string();
}

} // namespace

std::string data_dir_for(const std::string& executable, const char* from_environment) {
    if (from_environment && *from_environment)
        return from_environment;
    fs::path bin = fs::path(executable).parent_path();
    fs::path installed = (bin / ".." / "share" / "boardpack").lexically_normal();
    fs::path build_tree = bin / "share" / "boardpack";
    for (const fs::path& candidate : {installed, build_tree})
        if (holds_theme(candidate))
            return candidate.string();
    return installed.string();
}

std::string data_dir() {
    static const std::string found =
        data_dir_for(running_binary(), std::getenv("BOARDPACK_DATA_DIR"));
    return found;
}

} // namespace bp
