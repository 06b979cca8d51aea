#pragma once
// Runs poppler and qpdf command-line tools on PDF bytes, for assertions on what a reader sees.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace bp::pack::testing {

struct CommandResult {
    std::string output; // stdout and stderr together
    int status = -1;
};

inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    std::FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return result;
    char buffer[4096];
    std::size_t read;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.output.append(buffer, read);
    result.status = pclose(pipe);
    return result;
}

inline std::string save_pdf(const std::filesystem::path& folder, const std::string& name,
                            const std::string& bytes) {
    std::filesystem::create_directories(folder);
    std::string path = (folder / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// A linearised PDF opens with its linearisation dictionary.
inline bool linearised(const std::string& pdf) {
    return pdf.substr(0, 1024).find("/Linearized") != std::string::npos;
}

inline std::string page_text(const std::string& path, int page) {
    return run_command("pdftotext -layout -f " + std::to_string(page) + " -l " +
                       std::to_string(page) + " '" + path + "' -")
        .output;
}

} // namespace bp::pack::testing
