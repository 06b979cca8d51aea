#include "content/loader_parts.hpp"
#include "data/yaml_source.hpp"

namespace bp::content {

std::optional<YAML::Node> read_yaml_file(const FileSystem& files, const std::string& path,
                                         DiagnosticSink& sink, bool required) {
    auto text = files.read(path);
    if (!text) {
        if (required)
            sink.error({path, 0, 0}, "file not found",
                       "create " + path + " (see 'Writing content' in the README)");
        return std::nullopt;
    }
    auto node = data::parse_yaml(*text, {path, 1, 1}, sink);
    if (!node)
        return std::nullopt;
    if (!node->IsMap()) {
        sink.error({path, 1, 1}, "expected 'key: value' lines at the top level of " + path);
        return std::nullopt;
    }
    return node;
}

} // namespace bp::content
