// CSV: the reader itself, an indicator's figures and the board's action log. The first byte
// picks the file.
#include "data/csv.hpp"
#include "fuzz_site.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (data[0] % 3 == 0) {
        bp::DiagnosticSink sink;
        bp::data::read_csv(text, "fuzz.csv", sink);
        return 0;
    }
    auto files = bp::fuzz::small_site();
    files.add(data[0] % 3 == 1 ? "content/board/indicators/asb.csv" : "content/board/actions.csv",
              std::move(text));
    bp::fuzz::load_everything(files);
    return 0;
}
