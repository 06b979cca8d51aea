#include "cli/served_path.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <vector>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

bool inside(const fs::path& root, const fs::path& path) {
    auto root_end = root.end();
    auto [mismatch, _] = std::mismatch(root.begin(), root_end, path.begin(), path.end());
    return mismatch == root_end;
}

// The host name without a port: "localhost:8080" -> "localhost", "[::1]:80" -> "[::1]".
std::string host_name(const std::string& header) {
    if (starts_with(header, "[")) {
        auto close = header.find(']');
        return close == std::string::npos ? header : header.substr(0, close + 1);
    }
    auto colon = header.find(':');
    return colon == std::string::npos ? header : header.substr(0, colon);
}

} // namespace

ServedPath resolve_served_path(const fs::path& site_root, const std::string& url_path) {
    if (url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos)
        return {403, {}};
    std::error_code ec;
    fs::path root = fs::canonical(site_root, ec);
    if (ec)
        return {404, {}};
    fs::path path = root;
    for (const auto& segment : split(url_path, '/')) {
        if (segment.empty() || segment == ".")
            continue;
        if (segment == ".." || segment[0] == '.')
            return {403, {}};
        path /= fs::path(segment).filename(); // one name, never a root
    }
    if (url_path.empty() || url_path.back() == '/' || fs::is_directory(path, ec))
        path /= "index.html";
    fs::path real = fs::canonical(path, ec);
    if (ec)
        return {404, {}};
    if (!inside(root, real))
        return {403, {}};
    if (!fs::is_regular_file(real, ec))
        return {404, {}};
    return {200, real};
}

std::string path_within_site(const std::string& url_path, const std::string& base_path) {
    if (base_path.empty() || base_path == "/")
        return url_path;
    // "/boards" without its slash is the home page too, but "/boardsX" is not under "/boards/".
    std::string bare =
        base_path.back() == '/' ? base_path.substr(0, base_path.size() - 1) : base_path;
    if (url_path == bare)
        return "/";
    if (starts_with(url_path, bare + "/"))
        return url_path.substr(bare.size());
    return url_path;
}

bool is_loopback_address(const std::string& address) {
    if (address == "localhost" || address == "::1" || address == "[::1]")
        return true;
    // A dotted IPv4 address in 127.0.0.0/8, never a name that merely starts "127.".
    in_addr ipv4{};
    return inet_pton(AF_INET, address.c_str(), &ipv4) == 1 && (ntohl(ipv4.s_addr) >> 24) == 127;
}

bool host_allowed(const std::string& host_header, const std::string& bound_address) {
    std::string name = to_lower_ascii(host_name(trim(host_header)));
    if (name.empty())
        return false;
    if (is_loopback_address(name))
        return true;
    return name == to_lower_ascii(bound_address) || name == "[" + bound_address + "]";
}

} // namespace bp::cli
