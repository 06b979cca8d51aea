#include "content/records_declarations.hpp"

#include "data/yaml_source.hpp"

namespace bp::content {

std::vector<Declaration> read_declarations(const YAML::Node& list, const SourceLocation& origin,
                                           DiagnosticSink& sink) {
    std::vector<Declaration> declarations;
    if (!list || list.IsNull())
        return declarations;
    if (!list.IsSequence()) {
        sink.error(data::location_of(list, origin), "'declarations' must be a list",
                   "write '- { name: …, item: \"6\", interest: … }' for each declaration");
        return declarations;
    }
    for (const auto& entry : list) {
        if (!entry.IsMap()) {
            sink.error(data::location_of(entry, origin), "a declaration must be a map",
                       "write { name: …, item: \"6\", interest: … }");
            continue;
        }
        data::check_keys(entry, {"name", "item", "interest"}, origin, sink, "a declaration");
        auto name = data::read_string(entry, "name", origin, sink, true);
        auto interest = data::read_string(entry, "interest", origin, sink, true);
        if (!name || !interest)
            continue;
        declarations.push_back({*name, data::read_string(entry, "item", origin, sink).value_or(""),
                                *interest, data::location_of(entry, origin)});
    }
    return declarations;
}

} // namespace bp::content
