#include "chart/render.hpp"
#include "sample_specs.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

// Each chart kind's SVG is compared byte for byte with tests/golden/charts/<kind>.svg.
// After a deliberate change in drawing, look at the new output and rewrite the goldens with
// BOARDPACK_UPDATE_GOLDEN=1.

using namespace bp;

namespace {

std::string golden_path(const std::string& name) {
    return std::string(BOARDPACK_SOURCE_ROOT) + "/tests/golden/charts/" + name + ".svg";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void check_golden(const std::string& name, const data::ChartSpec& spec) {
    const std::string svg = chart::render_svg(spec);
    const std::string path = golden_path(name);
    const char* update = std::getenv("BOARDPACK_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << svg;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(path), "missing golden " << path);
    const bool same = read_file(path) == svg;
    if (!same) {
        std::ofstream(path + ".actual", std::ios::binary) << svg;
    }
    CHECK_MESSAGE(same, "SVG differs from " << path << "; new output in " << path << ".actual");
}

} // namespace

TEST_CASE("golden: monthly_comparison") {
    check_golden("monthly_comparison", chart::samples::monthly());
}
TEST_CASE("golden: quarter_totals") {
    check_golden("quarter_totals", chart::samples::quarters());
}
TEST_CASE("golden: trend") {
    check_golden("trend", chart::samples::trend());
}
TEST_CASE("golden: category_comparison") {
    check_golden("category_comparison", chart::samples::categories());
}
TEST_CASE("golden: sparkline") {
    check_golden("sparkline", chart::samples::sparkline());
}
