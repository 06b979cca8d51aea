#include "cli/build_cache_notes.hpp"

#include <nlohmann/json.hpp>

namespace bp::cli {

namespace {

using nlohmann::json;

json summary_json(const content::PackSummary& summary) {
    json items = json::array();
    for (const auto& item : summary.items)
        items.push_back({{"number", item.number},
                         {"first_page", item.first_page},
                         {"last_page", item.last_page},
                         {"report_file", item.report_file},
                         {"report_bytes", item.report_bytes},
                         {"first_sheet", item.first_sheet}});
    json supplements = json::array();
    for (const auto& supplement : summary.supplements)
        supplements.push_back({{"number", supplement.number},
                               {"file", supplement.file},
                               {"pages", supplement.pages},
                               {"bytes", supplement.bytes}});
    return {{"built", summary.built},
            {"pack_file", summary.pack_file},
            {"agenda_file", summary.agenda_file},
            {"pages", summary.pages},
            {"pack_bytes", summary.pack_bytes},
            {"agenda_pages", summary.agenda_pages},
            {"agenda_bytes", summary.agenda_bytes},
            {"items", items},
            {"supplements", supplements}};
}

content::PackSummary summary_from(const json& in) {
    content::PackSummary summary;
    summary.built = in.at("built").get<bool>();
    summary.pack_file = in.at("pack_file").get<std::string>();
    summary.agenda_file = in.at("agenda_file").get<std::string>();
    summary.pages = in.at("pages").get<int>();
    summary.pack_bytes = in.at("pack_bytes").get<std::size_t>();
    summary.agenda_pages = in.at("agenda_pages").get<int>();
    summary.agenda_bytes = in.at("agenda_bytes").get<std::size_t>();
    for (const auto& item : in.at("items"))
        summary.items.push_back(
            {item.at("number").get<std::string>(), item.at("first_page").get<int>(),
             item.at("last_page").get<int>(), item.at("report_file").get<std::string>(),
             item.at("report_bytes").get<std::size_t>(), item.at("first_sheet").get<int>()});
    for (const auto& supplement : in.at("supplements"))
        summary.supplements.push_back(
            {supplement.at("number").get<int>(), supplement.at("file").get<std::string>(),
             supplement.at("pages").get<int>(), supplement.at("bytes").get<std::size_t>()});
    return summary;
}

json document_json(const site::SearchDocument& document) {
    return {{"url", document.url},
            {"title", document.title},
            {"kind", document.kind},
            {"board", document.board},
            {"board_slug", document.board_slug},
            {"date", document.date},
            {"date_iso", document.date_iso},
            {"year", document.year},
            {"item", document.item},
            {"text", document.text}};
}

site::SearchDocument document_from(const json& in) {
    return {in.at("url").get<std::string>(),        in.at("title").get<std::string>(),
            in.at("kind").get<std::string>(),       in.at("board").get<std::string>(),
            in.at("board_slug").get<std::string>(), in.at("date").get<std::string>(),
            in.at("date_iso").get<std::string>(),   in.at("year").get<std::string>(),
            in.at("item").get<std::string>(),       in.at("text").get<std::string>()};
}

json warnings_json(const std::vector<Diagnostic>& warnings) {
    json diagnostics = json::array();
    for (const auto& warning : warnings)
        diagnostics.push_back({{"file", warning.location.file},
                               {"line", warning.location.line},
                               {"column", warning.location.column},
                               {"message", warning.message},
                               {"hint", warning.hint}});
    return diagnostics;
}

std::string dump(const json& note) {
    return note.dump(-1, ' ', false, json::error_handler_t::replace);
}

json parse(const std::string& note) {
    return json::parse(note, nullptr, false);
}

} // namespace

std::string cache_note(const std::vector<Diagnostic>& warnings,
                       const std::optional<content::PackSummary>& summary) {
    json note = {{"warnings", warnings_json(warnings)}};
    if (summary)
        note["summary"] = summary_json(*summary);
    return dump(note);
}

std::optional<std::string> pages_note(const std::vector<Diagnostic>& warnings,
                                      const PagesNote& pages) {
    json documents = json::array();
    for (const auto& document : pages.documents)
        documents.push_back(document_json(document));
    json note = {
        {"warnings", warnings_json(warnings)}, {"images", pages.images}, {"documents", documents}};
    try {
        return note.dump(); // strict: the documents must come back byte for byte
    } catch (const json::type_error&) {
        return std::nullopt;
    }
}

std::optional<PagesNote> pages_in_note(const std::string& note) {
    json parsed = parse(note);
    if (parsed.is_discarded() || !parsed.contains("images") || !parsed.contains("documents"))
        return std::nullopt;
    try {
        PagesNote pages;
        pages.images = parsed.at("images").get<ImageDigests>();
        for (const auto& document : parsed.at("documents"))
            pages.documents.push_back(document_from(document));
        return pages;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

bool replay_warnings(const std::string& note, DiagnosticSink& sink) {
    json parsed = parse(note);
    if (parsed.is_discarded() || !parsed.contains("warnings"))
        return false;
    std::vector<Diagnostic> warnings;
    try {
        for (const auto& warning : parsed.at("warnings"))
            warnings.push_back({Severity::warning,
                                {warning.at("file").get<std::string>(),
                                 warning.at("line").get<int>(), warning.at("column").get<int>()},
                                warning.at("message").get<std::string>(),
                                warning.at("hint").get<std::string>()});
    } catch (const json::exception&) {
        return false;
    }
    for (auto& warning : warnings)
        sink.report(std::move(warning));
    return true;
}

std::optional<content::PackSummary> summary_in_note(const std::string& note) {
    json parsed = parse(note);
    if (parsed.is_discarded() || !parsed.contains("summary"))
        return std::nullopt;
    try {
        return summary_from(parsed.at("summary"));
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

} // namespace bp::cli
