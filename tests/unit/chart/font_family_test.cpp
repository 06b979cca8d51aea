#include "chart/font_family.hpp"
#include "chart/render.hpp"
#include "sample_specs.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <unistd.h>

using namespace bp;
using namespace bp::chart;

namespace {

std::string bundled_dir() {
    return bundled_font_dir(BOARDPACK_SOURCE_ROOT);
}

// What a command prints, standard error included.
std::string command_output(const std::string& command) {
    std::string printed;
    if (FILE* pipe = popen((command + " 2>&1").c_str(), "r")) {
        char buffer[4096];
        for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            printed.append(buffer, read);
        pclose(pipe);
    }
    return printed;
}

// The fonts a rendered chart PDF embeds, as pdffonts lists them.
std::string embedded_fonts(const std::string& pdf) {
    auto path = std::filesystem::temp_directory_path() /
                ("bp-chart-fonts-" + std::to_string(getpid()) + ".pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string listed = command_output("pdffonts '" + path.string() + "'");
    std::filesystem::remove(path);
    return listed;
}

// The names in `text` between any of the `separators`.
std::set<std::string> names_in(const std::string& text, const std::string& separators) {
    std::set<std::string> names;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find_first_of(separators, start), text.size());
        if (end > start)
            names.insert(text.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

} // namespace

TEST_CASE("no family, or the bundled family by name in any case, is the bundled Noto Sans") {
    FontFiles bundled = bundled_font_files(bundled_dir());
    CHECK(bundled.family == "Noto Sans");
    CHECK(bundled.path(FaceStyle::bold_italic) == bundled_dir() + "/NotoSans-BoldItalic.ttf");
    for (const char* name : {"", "Noto Sans", "noto sans", "NOTO SANS"}) {
        FamilyChoice choice = choose_family(name, bundled_dir());
        CHECK(choice.installed);
        CHECK(choice.files.key() == bundled.key());
    }
}

TEST_CASE("an installed family gives its own four TrueType faces") {
    FamilyChoice choice = choose_family("Noto Serif", bundled_dir());
    REQUIRE(choice.installed);
    CHECK(choice.files.family == "Noto Serif");
    CHECK(choice.files.path(FaceStyle::regular).find("NotoSerif-Regular.ttf") != std::string::npos);
    CHECK(choice.files.path(FaceStyle::bold).find("NotoSerif-Bold.ttf") != std::string::npos);
    CHECK(choice.files.path(FaceStyle::italic).find("NotoSerif-Italic.ttf") != std::string::npos);
    CHECK(choice.files.path(FaceStyle::bold_italic).find("NotoSerif-BoldItalic.ttf") !=
          std::string::npos);
}

TEST_CASE("a family that is not installed falls back to the bundled faces and says so") {
    FamilyChoice choice = choose_family("Quill Roman Nonexistent", bundled_dir());
    CHECK_FALSE(choice.installed);
    CHECK(choice.files.key() == bundled_font_files(bundled_dir()).key());
    // The hint names families fontconfig lists as installed TrueType, whichever they are on
    // this machine (the Noto ones the tests use among them, so the list is never empty).
    std::string hint = installed_alternatives("Quill Roman Nonexistent");
    std::set<std::string> alternatives =
        names_in(std::regex_replace(hint, std::regex(", "), ","), ",");
    CHECK(alternatives.size() >= 2);
    CHECK(alternatives.size() <= 6);
    std::set<std::string> truetype =
        names_in(command_output("fc-list :fontformat=TrueType family"), "\n,");
    for (const std::string& family : alternatives) {
        INFO(family);
        CHECK(truetype.count(family) == 1);
    }
    // Families sharing a word with the one asked for come first.
    CHECK(installed_alternatives("Noto Serif Nonexistent").rfind("Noto Serif", 0) == 0);
}

TEST_CASE("a chart draws its text in the family it is given, and in Noto Sans by default") {
    ChartStyle serif;
    draw_text_in(serif, choose_family("Noto Serif", bundled_dir()).files);
    std::string serif_fonts = embedded_fonts(render_pdf(samples::monthly(), serif));
    CHECK(std::regex_search(serif_fonts, std::regex(R"([A-Z]{6}\+NotoSerif-Regular)")));
    CHECK(serif_fonts.find("NotoSans") == std::string::npos);

    std::string default_fonts = embedded_fonts(render_pdf(samples::monthly(), ChartStyle{}));
    CHECK(std::regex_search(default_fonts, std::regex(R"([A-Z]{6}\+NotoSans-Regular)")));
    CHECK(default_fonts.find("NotoSerif") == std::string::npos);

    // Faces without paths leave the bundled ones in place.
    ChartStyle unchanged;
    draw_text_in(unchanged, FontFiles{});
    CHECK(unchanged.regular_font == ChartStyle{}.regular_font);
    CHECK(unchanged.bold_font == ChartStyle{}.bold_font);
}
