#pragma once
// The text poppler extracts from a rendered chart PDF: what a reader of the pack would see.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace bp::chart::testing {

// With `layout`, words on one line of the page stay on one line of text.
inline std::string pdf_text(const std::string& pdf, bool layout = false) {
    // Unique across the test processes CTest runs side by side and across calls in each.
    static std::atomic<int> calls = 0;
    const auto path =
        std::filesystem::temp_directory_path() /
        ("bp-chart-test-" + std::to_string(getpid()) + "-" + std::to_string(calls++) + ".pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string text;
    if (FILE* pipe = popen(
            ("pdftotext -q " + std::string(layout ? "-layout '" : "'") + path.string() + "' -")
                .c_str(),
            "r")) {
        char buffer[4096];
        std::size_t read = 0;
        while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
            text.append(buffer, read);
        }
        pclose(pipe);
    }
    std::filesystem::remove(path);
    return text;
}

// The line of `text` holding `part`, or "".
inline std::string line_with(const std::string& text, const std::string& part) {
    const std::size_t at = text.find(part);
    if (at == std::string::npos) {
        return "";
    }
    const std::size_t start = text.rfind('\n', at);
    const std::size_t end = text.find('\n', at);
    return text.substr(start == std::string::npos ? 0 : start + 1,
                       end == std::string::npos ? std::string::npos : end - start - 1);
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace bp::chart::testing
