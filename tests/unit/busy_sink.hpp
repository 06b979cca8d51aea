#pragma once
// Meetings and boards are read in parallel into one sink: a reader must tell its own errors
// from those another thread reports meanwhile.
#include "core/diagnostics.hpp"

#include <atomic>
#include <thread>

namespace bp::test_support {

// Calls `read` (true when it read) `times` times while another thread reports errors into
// `sink`; returns how many reads failed.
template <typename Read>
int failures_while_others_report(DiagnosticSink& sink, Read read, int times = 300) {
    std::atomic<bool> reading{true};
    std::thread others([&] {
        for (int n = 0; reading && n < 100000; ++n) {
            sink.error({"content/other/board.yaml", 3, 1}, "another meeting's error");
            std::this_thread::yield();
        }
    });
    int failed = 0;
    for (int n = 0; n < times; ++n)
        failed += read() ? 0 : 1;
    reading = false;
    others.join();
    return failed;
}

} // namespace bp::test_support
