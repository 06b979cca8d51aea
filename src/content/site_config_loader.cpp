#include "content/loader_parts.hpp"
#include "core/rag.hpp"
#include "data/yaml_source.hpp"

#include <set>

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
                      "financial_year_start", "rag"},
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
    if (!config.logo.empty() && files.outside(config.logo))
        sink.error(data::location_of((*yaml)["logo"], origin),
                   "logo '" + config.logo + "' lies outside the site folder", outside_site_hint);
    else if (!config.logo.empty() && !files.is_file(config.logo))
        sink.error(data::location_of((*yaml)["logo"], origin),
                   "logo '" + config.logo + "' not found",
                   "give a path relative to the folder holding site.yaml");
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
    read_rag_colours(*yaml, origin, config.rag, sink);
    return config;
}

} // namespace bp::content
