#include "content/minutes_source.hpp"

#include "content/directives.hpp"
#include "markdown/parse.hpp"

namespace bp::content {

const MinutesSource* MinutesSources::get(const std::string& source_path) {
    auto [found, added] = parsed_.try_emplace(source_path);
    if (added) {
        DiagnosticSink already_reported;
        auto text = files_.read(source_path);
        auto front = text ? split_front_matter(*text, source_path, already_reported) : std::nullopt;
        if (front) {
            doc::Document body = markdown::parse(front->body, front->body_origin, already_reported,
                                                 directive_parse_options());
            found->second = MinutesSource{std::move(*front), std::move(body)};
        }
    }
    return found->second ? &*found->second : nullptr;
}

} // namespace bp::content
