#include "core/text.hpp"
#include "site/site_builder.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <sys/wait.h>

#ifndef BOARDPACK_DATA_DIR
#define BOARDPACK_DATA_DIR "."
#endif

namespace bp::site {
namespace {

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string find_pagefind() {
    std::string bundled = std::string(BOARDPACK_DATA_DIR) + "/node_modules/.bin/pagefind";
    std::error_code ec;
    if (std::filesystem::exists(bundled, ec))
        return bundled;
    return "pagefind";
}

} // namespace

void build_search_index(const std::string& staging_root, DiagnosticSink& sink) {
    std::string command =
        shell_quote(find_pagefind()) + " --site " + shell_quote(staging_root) + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        sink.warning({}, "cannot start pagefind; the site has no search index",
                     "install it with `npm install` in the boardpack folder");
        return;
    }
    std::string log;
    std::array<char, 4096> buffer{};
    while (std::size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe))
        log.append(buffer.data(), read);
    int status = ::pclose(pipe);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 127) {
        sink.warning({}, "pagefind is not installed; the site has no search index",
                     "run `npm install` in the boardpack folder (pagefind is a dev dependency)");
    } else if (code != 0) {
        sink.error({}, "pagefind failed to index the site: " + trim(log));
    }
}

} // namespace bp::site
