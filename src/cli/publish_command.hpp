#pragma once
#include <string>

namespace bp::cli {

struct PublishOptions {
    std::string source = ".";
    std::string meeting; // "<board>/<YYYY-MM-DD>"
};

// Writes content/<board>/<date>/published.yaml: the digest of every input of the meeting and
// every figure its papers resolved. Exit status: 0 published, 1 content errors (nothing
// written).
int run_publish(const PublishOptions& options);

} // namespace bp::cli
