#include "content/image_check.hpp"

#include "core/image_file.hpp"
#include "core/text.hpp"

namespace bp::content {

namespace {

void check_image(const FileSystem& files, const std::string& paper_path, const doc::Inline& image,
                 DiagnosticSink& sink) {
    if (image.url.empty() || is_remote_image(image.url))
        return;
    std::string path = image_source_path(paper_path, image.url);
    std::string shown = "image '" + image.url + "'";
    auto bytes = files.is_file(path) ? files.read(path) : std::nullopt;
    if (!bytes) {
        sink.error(image.location, shown + " does not exist (looked for " + path + ")",
                   "check the path: images are found relative to the paper's folder");
        return;
    }
    std::string reason;
    if (verify_image(*bytes, reason))
        return;
    bool too_large = reason.find("pixels a side") != std::string::npos;
    sink.error(image.location, shown + " " + reason,
               too_large ? "scale it down: 2,500 pixels across is plenty for a printed page"
                         : "save it again as PNG, JPEG or SVG (for example with an image "
                           "editor's 'export') and build again");
}

void check_inlines(const FileSystem& files, const std::string& paper_path,
                   const doc::Inlines& inlines, DiagnosticSink& sink) {
    for (const auto& item : inlines) {
        if (item.kind == doc::InlineKind::image)
            check_image(files, paper_path, item, sink);
        check_inlines(files, paper_path, item.children, sink);
    }
}

void check_blocks(const FileSystem& files, const std::string& paper_path,
                  const std::vector<doc::Block>& blocks, DiagnosticSink& sink) {
    for (const auto& block : blocks) {
        check_inlines(files, paper_path, block.inlines, sink);
        for (const auto& cell : block.header.cells)
            check_inlines(files, paper_path, cell.content, sink);
        for (const auto& row : block.rows)
            for (const auto& cell : row.cells)
                check_inlines(files, paper_path, cell.content, sink);
        check_blocks(files, paper_path, block.children, sink);
    }
}

} // namespace

bool is_remote_image(const std::string& url) {
    return starts_with(url, "http:") || starts_with(url, "https:") || starts_with(url, "data:") ||
           starts_with(url, "//");
}

std::string image_source_path(const std::string& paper_path, const std::string& url) {
    std::vector<std::string> parts;
    std::string folder = parent_path(paper_path);
    std::string joined = folder.empty() ? url : folder + "/" + url;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find('/', start);
        if (end == std::string::npos)
            end = joined.size();
        std::string part = joined.substr(start, end - start);
        if (part == "..") {
            if (!parts.empty())
                parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string path;
    for (const auto& part : parts)
        path = path.empty() ? part : path + "/" + part;
    return path;
}

void check_images(const FileSystem& files, const std::string& paper_path, const doc::Document& body,
                  DiagnosticSink& sink) {
    check_blocks(files, paper_path, body.blocks, sink);
    for (const auto& note : body.footnotes)
        check_blocks(files, paper_path, note.blocks, sink);
}

} // namespace bp::content
