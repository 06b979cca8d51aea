#include "content/markings.hpp"

#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <set>

namespace bp::content {

namespace {

const char* const markings_example =
    "for example: markings: [{label: OFFICIAL, public: true}, {label: OFFICIAL-SENSITIVE, "
    "public: false}]";

std::optional<Marking> read_marking(const YAML::Node& entry, const SourceLocation& origin,
                                    DiagnosticSink& sink) {
    if (!entry.IsMap()) {
        sink.error(data::location_of(entry, origin),
                   "a marking must give its label and whether "
                   "the public may see it",
                   markings_example);
        return std::nullopt;
    }
    data::check_keys(entry, {"label", "public"}, origin, sink, "a marking");
    auto label = data::read_string(entry, "label", origin, sink, true);
    if (!label || trim(*label).empty())
        return std::nullopt;
    auto may_see = data::read_bool(entry, "public", origin, sink);
    if (!may_see) {
        if (!entry["public"])
            sink.error(data::location_of(entry, origin),
                       "marking '" + *label + "' must say whether the public may see it",
                       "add 'public: true' or 'public: false'");
        return std::nullopt;
    }
    return Marking{trim(*label), *may_see};
}

std::string label_list(const std::vector<Marking>& markings) {
    std::string list;
    for (const auto& marking : markings)
        list += (list.empty() ? "" : ", ") + marking.label;
    return list;
}

} // namespace

std::vector<Marking> read_markings(const YAML::Node& site_yaml, const SourceLocation& origin,
                                   DiagnosticSink& sink) {
    std::vector<Marking> markings;
    YAML::Node node = site_yaml["markings"];
    if (!node || node.IsNull())
        return markings;
    if (!node.IsSequence()) {
        sink.error(data::location_of(node, origin), "'markings' must be a list", markings_example);
        return markings;
    }
    std::set<std::string> seen;
    for (const auto& entry : node) {
        auto marking = read_marking(entry, origin, sink);
        if (!marking)
            continue;
        if (!seen.insert(marking->label).second) {
            sink.error(data::location_of(entry, origin),
                       "marking '" + marking->label + "' is listed twice", "give each label once");
            continue;
        }
        markings.push_back(std::move(*marking));
    }
    return markings;
}

void resolve_markings(const SiteConfig& config, Board& board, DiagnosticSink& sink) {
    const auto& markings = config.markings;
    for (auto& meeting : board.meetings)
        for_each_paper(meeting.items, [&](Paper& paper) {
            if (paper.marking.empty())
                return;
            for (const auto& marking : markings)
                if (marking.label == paper.marking) {
                    paper.marking_public = marking.public_may_see;
                    return;
                }
            // Unknown: treated as not public, so a typo never publishes a paper.
            paper.marking_public = false;
            std::vector<std::string> labels;
            for (const auto& marking : markings)
                labels.push_back(marking.label);
            auto suggestion = data::closest_match(paper.marking, labels);
            std::string hint =
                markings.empty()
                    ? std::string("list the site's markings in site.yaml, ") + markings_example
                    : "site.yaml lists " + label_list(markings) +
                          (suggestion ? "; did you mean '" + *suggestion + "'?" : "");
            sink.error(paper.marking_location,
                       "marking '" + paper.marking + "' is not one of the site's markings", hint);
        });
}

} // namespace bp::content
