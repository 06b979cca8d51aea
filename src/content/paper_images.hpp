#pragma once
// The images a paper shows: each local image must be a file inside the site folder (symlinks
// followed), so neither the pack nor the site can publish a file from elsewhere on the machine.
#include "content/model.hpp"
#include "core/filesystem.hpp"

#include <string>
#include <vector>

namespace bp::content {

// "http:", "https:", "data:" and "//host/…" images are not files of the site.
bool is_remote_image(const std::string& url);

// The site-relative path an image URL in a paper names ("content/csp/2017-09-12/img/a.png"),
// percent-escapes decoded; empty for remote images.
std::string image_site_path(const std::string& paper_folder, const std::string& url);

// Reports every local image of `paper` that lies outside the site, does not exist or cannot be
// decoded (damaged, truncated, too large, not an image), located at the image, and records the
// others in paper.images.
void collect_paper_images(const FileSystem& files, Paper& paper, DiagnosticSink& sink);

} // namespace bp::content
