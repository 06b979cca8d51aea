#pragma once
#include "content/model.hpp"

#include <string>

namespace bp::cli {

struct ServeOptions {
    std::string source = ".";
    int port = 8080;
    std::string bind = "127.0.0.1"; // the members' edition is refused on anything but loopback
    content::Audience audience = content::Audience::public_audience;
    // Stops after this many seconds (0: run until interrupted); lets tests end the server.
    int stop_after_seconds = 0;
    std::string cache; // as BuildOptions: the build cache's folder, empty for the default
    bool use_cache = true;
};

int run_serve(const ServeOptions& options);

} // namespace bp::cli
