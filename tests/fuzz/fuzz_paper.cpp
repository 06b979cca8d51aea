// A paper: front matter, Markdown, directives and {{ inline values }}, loaded into a site.
#include "fuzz_site.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto files = bp::fuzz::small_site();
    files.add(bp::fuzz::paper_path, std::string(reinterpret_cast<const char*>(data), size));
    bp::fuzz::load_everything(files);
    return 0;
}
