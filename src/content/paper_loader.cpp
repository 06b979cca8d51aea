#include "content/exempt.hpp"
#include "content/front_matter.hpp"
#include "content/loader_parts.hpp"
#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <cctype>

namespace bp::content {

namespace {

const std::set<std::string> front_matter_keys = {
    "title",       "author", "job_title",  "contact",  "date",      "security",
    "orientation", "kind",   "summary",    "present",  "apologies", "in_attendance",
    "records",     "absent", "minutes_by", "approves", "marking",   "exempt"};

const std::vector<std::string> paper_kinds = {"report",        "cover-report",      "minutes",
                                              "chairs-report", "action-plan",       "forward-plan",
                                              "delivery-plan", "performance-report"};

Security read_security(const YAML::Node& yaml, const SourceLocation& origin, DiagnosticSink& sink) {
    auto text = data::read_choice(yaml, "security", {"unprotected", "protected", "restricted"},
                                  origin, sink);
    // "protected" once printed a made-up marking and still published the paper.
    if (text == "protected")
        sink.error(data::location_of(yaml["security"], origin),
                   "'security: protected' is no longer a marking",
                   "give the paper a protective marking listed in site.yaml, e.g. 'marking: "
                   "OFFICIAL-SENSITIVE' with 'markings: [{label: OFFICIAL-SENSITIVE, public: "
                   "false}]' in site.yaml; or 'security: restricted' for members only");
    if (text == "restricted")
        return Security::restricted;
    return Security::unprotected;
}

Paper pdf_appendix(const FileSystem& files, const std::string& path, const SourceLocation& named_at,
                   DiagnosticSink& sink) {
    Paper paper;
    paper.source_path = path;
    paper.slug = paper_slug(path);
    paper.title = file_stem(path);
    paper.kind = "appendix";
    paper.is_pdf = true;
    paper.location = named_at;
    auto bytes = files.read(path);
    if (!bytes || !starts_with(*bytes, "%PDF-"))
        sink.error(named_at, "'" + file_name(path) + "' is not a PDF file",
                   "appendices must be PDF files; export the document to PDF first");
    paper.native_path = files.native_path(path).value_or("");
    return paper;
}

} // namespace

std::string paper_slug(const std::string& path) {
    std::string stem = file_stem(path);
    std::size_t i = 0;
    while (i < stem.size() && std::isdigit(static_cast<unsigned char>(stem[i])))
        ++i;
    if (i > 0 && i < stem.size() && std::isalpha(static_cast<unsigned char>(stem[i])) &&
        i + 1 < stem.size() && (stem[i + 1] == '-' || stem[i + 1] == '_'))
        ++i; // "07a-…"
    if (i > 0 && i < stem.size() && (stem[i] == '-' || stem[i] == '_'))
        stem = stem.substr(i + 1);
    std::string slug = slugify(stem);
    return slug.empty() ? "paper" : slug;
}

void read_paper_front_matter(const YAML::Node& yaml, const SourceLocation& origin, Paper& paper,
                             DiagnosticSink& sink) {
    data::check_keys(yaml, front_matter_keys, origin, sink, "front matter");
    paper.title = data::read_string(yaml, "title", origin, sink, true).value_or(paper.slug);
    paper.author = data::read_string(yaml, "author", origin, sink).value_or("");
    paper.job_title = data::read_string(yaml, "job_title", origin, sink).value_or("");
    paper.contact = data::read_string(yaml, "contact", origin, sink).value_or("");
    paper.summary = trim(data::read_string(yaml, "summary", origin, sink).value_or(""));
    paper.date = data::read_date(yaml, "date", origin, sink);
    paper.security = read_security(yaml, origin, sink);
    paper.marking = trim(data::read_string(yaml, "marking", origin, sink).value_or(""));
    if (yaml["marking"])
        paper.marking_location = data::location_of(yaml["marking"], origin);
    paper.exempt = read_exempt(yaml, origin, sink);
    auto orientation =
        data::read_choice(yaml, "orientation", {"portrait", "landscape"}, origin, sink);
    paper.landscape = orientation == "landscape";
    paper.kind = data::read_choice(yaml, "kind", paper_kinds, origin, sink).value_or("report");
}

std::optional<Paper> load_paper_header(const FileSystem& files, const std::string& path,
                                       const SourceLocation& named_at, DiagnosticSink& sink) {
    std::string extension = to_lower_ascii(file_extension(path));
    if (extension == ".pdf")
        return pdf_appendix(files, path, named_at, sink);
    if (extension != ".md") {
        sink.error(named_at, "'" + file_name(path) + "' is neither a Markdown paper nor a PDF",
                   "papers are .md files; appendices are .pdf files");
        return std::nullopt;
    }
    auto text = files.read(path);
    if (!text) {
        sink.error(named_at, "cannot read paper '" + path + "'");
        return std::nullopt;
    }
    auto front = split_front_matter(*text, path, sink);
    if (!front)
        return std::nullopt;
    Paper paper;
    paper.source_path = path;
    paper.slug = paper_slug(path);
    paper.location = front->yaml_origin;
    read_paper_front_matter(front->yaml, front->yaml_origin, paper, sink);
    return paper;
}

} // namespace bp::content
