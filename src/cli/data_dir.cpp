#include "cli/data_dir.hpp"

#include <cstdlib>

namespace bp::cli {

std::string data_dir() {
    const char* from_environment = std::getenv("BOARDPACK_DATA_DIR");
    if (from_environment && *from_environment)
        return from_environment;
    return BOARDPACK_DATA_DIR;
}

} // namespace bp::cli
