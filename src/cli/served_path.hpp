#pragma once
// What the preview server may answer: a request's path mapped to a file inside the built site,
// and the Host headers it accepts. Kept apart from the server so the rules read in one place.
#include <filesystem>
#include <string>

namespace bp::cli {

struct ServedPath {
    int status = 404;           // 200 when `file` may be served, else 403 or 404
    std::filesystem::path file; // the file inside the site root
};

// `url_path` is the request path after percent-decoding. Empty, "." and ".." segments, hidden
// names and anything whose real path (symlinks followed) leaves `site_root` are refused: the
// path is never joined to the root as a whole, so "//etc/passwd" cannot replace the root.
ServedPath resolve_served_path(const std::filesystem::path& site_root, const std::string& url_path);

// The request path with the site's base path ("/boards/") taken off the front, so
// "/boards/a.html" and "/a.html" name the same file; other paths are returned unchanged. The
// result still goes through resolve_served_path, which alone decides what may be served.
std::string path_within_site(const std::string& url_path, const std::string& base_path);

// True for names of the loopback interface ("localhost", "127.0.0.1", "[::1]") and for
// `bound_address`, with or without a port. Other names could reach the preview through DNS
// rebinding from a page on another origin.
bool host_allowed(const std::string& host_header, const std::string& bound_address);

bool is_loopback_address(const std::string& address);

} // namespace bp::cli
