#include "content/front_matter.hpp"

#include "core/text.hpp"
#include "data/yaml_source.hpp"

namespace bp::content {

namespace {

bool is_fence(std::string_view line) {
    return trim(line) == "---";
}

} // namespace

std::optional<FrontMatterText> find_front_matter(std::string_view text, const std::string& file,
                                                 DiagnosticSink& sink) {
    if (starts_with(text, "\xEF\xBB\xBF"))
        text.remove_prefix(3); // a byte-order mark
    std::size_t first_end = text.find('\n');
    std::string_view first_line = text.substr(0, first_end);
    if (!is_fence(first_line)) {
        sink.error({file, 1, 1}, "the paper has no front matter",
                   "start the file with a line '---', then 'title: …', then another '---'");
        return std::nullopt;
    }
    std::size_t position = first_end == std::string_view::npos ? text.size() : first_end + 1;
    int line = 2;
    while (position < text.size()) {
        std::size_t end = text.find('\n', position);
        std::string_view current = text.substr(position, end - position);
        if (is_fence(current)) {
            std::size_t body_start = end == std::string_view::npos ? text.size() : end + 1;
            return FrontMatterText{text.substr(first_end + 1, position - first_end - 1),
                                   {file, 2, 1},
                                   text.substr(body_start),
                                   {file, line + 1, 1}};
        }
        if (end == std::string_view::npos)
            break;
        position = end + 1;
        ++line;
    }
    sink.error({file, 1, 1}, "the front matter is not closed",
               "add a line '---' after the last front-matter key");
    return std::nullopt;
}

std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& file,
                                              DiagnosticSink& sink) {
    auto found = find_front_matter(text, file, sink);
    if (!found)
        return std::nullopt;
    auto parsed = data::parse_yaml(found->yaml, found->yaml_origin, sink);
    if (!parsed)
        return std::nullopt;
    if (parsed->IsNull())
        parsed = YAML::Node(YAML::NodeType::Map);
    if (!parsed->IsMap()) {
        sink.error(found->yaml_origin, "front matter must be a list of 'key: value' lines");
        return std::nullopt;
    }
    return FrontMatter{*parsed, found->yaml_origin, std::string(found->body), found->body_origin};
}

} // namespace bp::content
