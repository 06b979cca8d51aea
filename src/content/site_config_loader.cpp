#include "content/loader_parts.hpp"
#include "content/markings.hpp"
#include "core/image_file.hpp"
#include "core/rag.hpp"
#include "core/time_zone.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>

namespace bp::content {

namespace {

void read_rag_colours(const YAML::Node& yaml, const SourceLocation& origin, RagColours& rag,
                      DiagnosticSink& sink) {
    YAML::Node node = yaml["rag"];
    if (!node)
        return;
    if (!node.IsMap()) {
        sink.error(data::location_of(node, origin),
                   "'rag' must map red, amber, green and grey to colours");
        return;
    }
    std::set<std::string> keys;
    for (Rag each : coloured_rags)
        keys.insert(rag_key(each));
    data::check_keys(node, keys, origin, sink, "rag");
    auto colour = [&](const char* key, std::string& target) {
        auto value = data::read_string(node, key, origin, sink);
        if (!value)
            return;
        bool ok = value->size() == 7 && (*value)[0] == '#' &&
                  value->find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (ok)
            target = *value;
        else
            sink.error(data::location_of(node[key], origin), "'" + *value + "' is not a colour",
                       "write colours as #rrggbb, for example \"#d4351c\" (quoted)");
    };
    for (Rag each : coloured_rags)
        colour(rag_key(each), *rag_colour(rag, each));
}

// A number within the range print can use.
void read_size(const YAML::Node& node, const char* key, double low, double high,
               const SourceLocation& origin, DiagnosticSink& sink, double& target) {
    auto value = data::read_number(node, key, origin, sink);
    if (!value)
        return;
    if (*value >= low && *value <= high) {
        target = *value;
        return;
    }
    char range[80];
    std::snprintf(range, sizeof range, "a number from %g to %g", low, high);
    sink.error(data::location_of(node[key], origin),
               std::string("style '") + key + "' must be " + range,
               "body text under 9 pt is hard to read on paper");
}

// A family name goes into the site's CSS as a quoted string and to fontconfig as a name, so
// only characters that cannot end the string, the rule or the style element are taken.
void read_font_family(const YAML::Node& node, const char* key, const SourceLocation& origin,
                      DiagnosticSink& sink, std::string& family, SourceLocation& location) {
    auto value = data::read_string(node, key, origin, sink);
    if (!value)
        return;
    bool plain = !value->empty() && value->size() <= 100 &&
                 std::none_of(value->begin(), value->end(), [](char c) {
                     return static_cast<unsigned char>(c) < 0x20 ||
                            std::string_view("\"\\'<>;{}()/").find(c) != std::string_view::npos;
                 });
    if (!plain) {
        sink.error(data::location_of(node[key], origin),
                   std::string("style '") + key + "' must name a font family",
                   "write the family as fc-list shows it, for example body_font: \"Noto Serif\"");
        return;
    }
    family = *value;
    location = data::location_of(node[key], origin);
}

void read_typography(const YAML::Node& yaml, const SourceLocation& origin, Typography& type,
                     DiagnosticSink& sink) {
    YAML::Node node = yaml["style"];
    if (!node)
        return;
    if (!node.IsMap()) {
        sink.error(data::location_of(node, origin), "'style' must be a map of type sizes",
                   "for example: style: { body_size: 11, leading: 1.4 }");
        return;
    }
    data::check_keys(
        node,
        {"body_size", "leading", "heading1_size", "heading2_size", "heading3_size", "body_font"},
        origin, sink, "style");
    // Nothing printed under 9 pt: smaller text is hard to read on paper.
    read_size(node, "body_size", 9, 16, origin, sink, type.body_size);
    read_size(node, "leading", 1.1, 2, origin, sink, type.leading);
    read_size(node, "heading1_size", 9, 36, origin, sink, type.heading_sizes[0]);
    read_size(node, "heading2_size", 9, 30, origin, sink, type.heading_sizes[1]);
    read_size(node, "heading3_size", 9, 24, origin, sink, type.heading_sizes[2]);
    read_font_family(node, "body_font", origin, sink, type.body_font, type.body_font_location);
}

// Calendars must describe the zone they name, so only zones whose rules are known are taken.
void read_time_zone(const YAML::Node& yaml, const SourceLocation& origin, SiteConfig& config,
                    DiagnosticSink& sink) {
    auto zone = data::read_string(yaml, "timezone", origin, sink);
    if (!zone)
        return;
    if (is_known_time_zone(*zone)) {
        config.time_zone = *zone;
        return;
    }
    sink.error(data::location_of(yaml["timezone"], origin),
               "timezone '" + *zone + "' is not one whose rules boardpack can write in calendars",
               "name one of " + known_time_zones() + ", or leave the key out for Europe/London");
}

} // namespace

SiteConfig load_site_config(const FileSystem& files, DiagnosticSink& sink) {
    SiteConfig config;
    config.location = {"site.yaml", 1, 1};
    auto yaml = read_yaml_file(files, "site.yaml", sink);
    if (!yaml)
        return config;
    const SourceLocation origin{"site.yaml", 1, 1};
    data::check_keys(*yaml,
                     {"title", "organisation", "base_url", "language", "theme", "logo", "paper",
                      "financial_year_start", "rag", "style", "timezone", "linearise_pdfs",
                      "markings"},
                     origin, sink, "site.yaml");
    config.title = data::read_string(*yaml, "title", origin, sink, true).value_or("");
    config.organisation = data::read_string(*yaml, "organisation", origin, sink, true).value_or("");
    config.base_url = data::read_string(*yaml, "base_url", origin, sink).value_or("");
    config.language = data::read_string(*yaml, "language", origin, sink).value_or("en-GB");
    config.theme = data::read_string(*yaml, "theme", origin, sink).value_or("default");
    if (config.theme.find('/') != std::string::npos || config.theme.find("..") == 0) {
        sink.error(data::location_of((*yaml)["theme"], origin),
                   "theme '" + config.theme + "' is not a folder name",
                   "name a folder in themes/, e.g. 'theme: house'");
        config.theme = "default";
    }
    config.logo = data::read_string(*yaml, "logo", origin, sink).value_or("");
    if (!config.logo.empty() && files.outside(config.logo)) {
        sink.error(data::location_of((*yaml)["logo"], origin),
                   "logo '" + config.logo + "' lies outside the site folder", outside_site_hint);
    } else if (!config.logo.empty() && !files.is_file(config.logo)) {
        sink.error(data::location_of((*yaml)["logo"], origin),
                   "logo '" + config.logo + "' not found",
                   "give a path relative to the folder holding site.yaml");
    } else if (!config.logo.empty()) {
        std::string reason;
        if (!verify_image(files.read(config.logo).value_or(""), reason))
            sink.error(data::location_of((*yaml)["logo"], origin),
                       "logo '" + config.logo + "' " + reason,
                       "the logo is printed on every pack's front sheet: save it as PNG, JPEG "
                       "or SVG");
    }
    auto paper = data::read_choice(*yaml, "paper", {"a4", "letter"}, origin, sink);
    config.paper = paper == "letter" ? PaperSize::letter : PaperSize::a4;
    if (auto month = data::read_int(*yaml, "financial_year_start", origin, sink)) {
        if (*month >= 1 && *month <= 12)
            config.financial_year_start_month = *month;
        else
            sink.error(data::location_of((*yaml)["financial_year_start"], origin),
                       "financial_year_start must be a month number from 1 to 12",
                       "April, the UK financial year's start, is 4");
    }
    read_time_zone(*yaml, origin, config, sink);
    config.linearise_pdfs =
        data::read_bool(*yaml, "linearise_pdfs", origin, sink).value_or(config.linearise_pdfs);
    read_rag_colours(*yaml, origin, config.rag, sink);
    read_typography(*yaml, origin, config.type, sink);
    config.markings = read_markings(*yaml, origin, sink);
    return config;
}

} // namespace bp::content
