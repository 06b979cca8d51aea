#include "core/diagnostics.hpp"

#include <doctest/doctest.h>
#include <thread>
#include <vector>

TEST_CASE("a diagnostic prints as file:line:col: severity: message with its hint") {
    bp::Diagnostic d{bp::Severity::error,
                     {"content/csp/board.yaml", 4, 3},
                     "unknown key 'membrs'",
                     "did you mean 'members'?"};
    CHECK(
        bp::format_diagnostic(d) ==
        "content/csp/board.yaml:4:3: error: unknown key 'membrs'\n  hint: did you mean 'members'?");
    bp::Diagnostic w{bp::Severity::warning, {"site.yaml", 0, 0}, "no logo", ""};
    CHECK(bp::format_diagnostic(w) == "site.yaml: warning: no logo");
}

TEST_CASE("the sink sorts by place, removes repeats and counts severities") {
    bp::DiagnosticSink sink;
    sink.warning({"b.md", 2, 1}, "second");
    sink.error({"a.md", 9, 1}, "first");
    sink.error({"a.md", 9, 1}, "first");
    auto sorted = sink.sorted();
    REQUIRE(sorted.size() == 2);
    CHECK(sorted[0].location.file == "a.md");
    CHECK(sink.error_count() == 2);
    CHECK(sink.warning_count() == 1);
    CHECK(sink.has_errors());
}

TEST_CASE("the sink takes reports from many threads") {
    bp::DiagnosticSink sink;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&sink, t] {
            for (int i = 0; i < 250; ++i)
                sink.error({"f" + std::to_string(t), i + 1, 1}, "m");
        });
    for (auto& thread : threads)
        thread.join();
    CHECK(sink.error_count() == 1000);
    CHECK(sink.sorted().size() == 1000);
}
