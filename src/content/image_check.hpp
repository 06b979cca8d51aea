#pragma once
// Every image a paper names is read and decoded while the site loads, so `check` and `build`
// report a missing or damaged image alike, at the Markdown line that names it.
#include "core/diagnostics.hpp"
#include "core/filesystem.hpp"
#include "markdown/document.hpp"

#include <string>

namespace bp::content {

// `paper_path` is the paper's path from the source root; images resolve beside it.
void check_images(const FileSystem& files, const std::string& paper_path, const doc::Document& body,
                  DiagnosticSink& sink);

// Where an image named in a paper lives, from the source root: "content/b/2017/logo.png".
std::string image_source_path(const std::string& paper_path, const std::string& url);

// Remote images are not embedded, only linked from the site.
bool is_remote_image(const std::string& url);

} // namespace bp::content
