#include "cli/new_command.hpp"

#include "cli/scaffold_files.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

namespace bp::cli {

int run_new(const std::string& directory) {
    std::error_code ec;
    if (fs::exists(directory, ec) && !fs::is_empty(directory, ec)) {
        std::cerr << directory << ": error: the folder exists and is not empty\n"
                  << "  hint: choose a new folder name; boardpack new never overwrites files\n";
        return 1;
    }
    for (const auto& [path, text] : scaffold_files()) {
        fs::path target = fs::path(directory) / path;
        fs::create_directories(target.parent_path(), ec);
        std::ofstream out(target, std::ios::binary);
        out << text;
        if (!out) {
            std::cerr << target.string() << ": error: cannot write the file\n";
            return 1;
        }
    }
    std::cout << "Created a new site in " << directory << ".\n"
              << "Build it with:  boardpack build --source " << directory << " --out " << directory
              << "/public\n";
    return 0;
}

} // namespace bp::cli
