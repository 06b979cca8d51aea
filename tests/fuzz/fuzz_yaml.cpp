// The YAML files of a site. The first byte picks which file the rest replaces.
#include "fuzz_site.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const targets[] = {
        "site.yaml", "content/board/board.yaml", "content/board/2024-05-14/meeting.yaml",
        "content/board/indicators/asb.yaml", "content/board/forward-plan.yaml"};
    if (size < 1)
        return 0;
    auto files = bp::fuzz::small_site();
    files.add(targets[data[0] % 5], std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    bp::fuzz::load_everything(files);
    return 0;
}
