#include "content/paper_images.hpp"

#include "core/image_file.hpp"
#include "core/text.hpp"

#include <filesystem>

namespace bp::content {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percent_decoded(const std::string& url) {
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '%' && i + 2 < url.size() && hex_value(url[i + 1]) >= 0 &&
            hex_value(url[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(url[i + 1]) * 16 + hex_value(url[i + 2]));
            i += 2;
        } else {
            out += url[i];
        }
    }
    return out;
}

struct ImageCollector {
    const FileSystem& files;
    Paper& paper;
    DiagnosticSink& sink;
    std::string folder = parent_path(paper.source_path);

    void inlines(const doc::Inlines& list) {
        for (const auto& item : list) {
            if (item.kind == doc::InlineKind::image)
                image(item);
            inlines(item.children);
        }
    }

    void blocks(const std::vector<doc::Block>& list) {
        for (const auto& block : list) {
            inlines(block.inlines);
            for (const auto& cell : block.header.cells)
                inlines(cell.content);
            for (const auto& row : block.rows)
                for (const auto& cell : row.cells)
                    inlines(cell.content);
            blocks(block.children);
        }
    }

    // Decoded now, so `check` and `build` report a damaged image alike, at its Markdown line.
    bool decodable(const doc::Inline& item, const std::string& bytes) {
        std::string reason;
        if (verify_image(bytes, reason))
            return true;
        bool too_large = reason.find("pixels a side") != std::string::npos;
        sink.error(item.location, "image '" + item.url + "' " + reason,
                   too_large ? "scale it down: 2,500 pixels across is plenty for a printed page"
                             : "save it again as PNG, JPEG or SVG (for example with an image "
                               "editor's 'export') and build again");
        return false;
    }

    void image(const doc::Inline& item) {
        if (is_remote_image(item.url))
            return;
        std::string path = image_site_path(folder, item.url);
        if (path.empty() || files.outside(path)) {
            sink.error(item.location, "image '" + item.url + "' lies outside the site folder",
                       outside_site_hint);
            return;
        }
        auto bytes = files.is_file(path) ? files.read(path) : std::nullopt;
        if (!bytes) {
            sink.error(item.location,
                       "image '" + item.url + "' does not exist (looked for " + path + ")",
                       "image paths are relative to the paper's folder, e.g. ![Map](map.png)");
            return;
        }
        if (!decodable(item, *bytes))
            return;
        paper.images.push_back({item.url, path});
    }
};

} // namespace

bool is_remote_image(const std::string& url) {
    return starts_with(url, "http:") || starts_with(url, "https:") || starts_with(url, "data:") ||
           starts_with(url, "//");
}

std::string image_site_path(const std::string& paper_folder, const std::string& url) {
    if (is_remote_image(url))
        return {};
    std::string decoded = percent_decoded(url.substr(0, url.find_first_of("?#")));
    if (decoded.empty() || decoded[0] == '/' || decoded.find('\0') != std::string::npos)
        return {};
    std::string joined =
        std::filesystem::path(join_path(paper_folder, decoded)).lexically_normal().string();
    if (joined.empty() || starts_with(joined, ".."))
        return {};
    return joined;
}

void collect_paper_images(const FileSystem& files, Paper& paper, DiagnosticSink& sink) {
    paper.images.clear();
    ImageCollector collector{files, paper, sink};
    collector.blocks(paper.body.blocks);
    for (const auto& note : paper.body.footnotes)
        collector.blocks(note.blocks);
}

} // namespace bp::content
