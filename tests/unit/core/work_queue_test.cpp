#include "core/work_queue.hpp"

#include <atomic>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <vector>

using namespace bp;

TEST_CASE("for_each_index runs every index once, on any number of threads") {
    for (unsigned threads : {1u, 2u, 7u}) {
        std::vector<std::atomic<int>> runs(100);
        for_each_index(runs.size(), threads, [&](std::size_t i) { ++runs[i]; });
        for (const auto& count : runs)
            CHECK(count == 1);
    }
    for_each_index(0, 3, [](std::size_t) { FAIL("no index to run"); });
}

TEST_CASE("for_each_index finishes the other jobs and rethrows the lowest index's exception") {
    std::atomic<int> finished = 0;
    std::string caught;
    try {
        for_each_index(50, 4, [&](std::size_t i) {
            if (i == 31 || i == 7 || i == 45)
                throw std::runtime_error("job " + std::to_string(i));
            ++finished;
        });
    } catch (const std::runtime_error& failure) {
        caught = failure.what();
    }
    CHECK(caught == "job 7");
    CHECK(finished == 47);
}

TEST_CASE("a job may queue more work, which runs before the queue's run returns") {
    WorkQueue queue(2);
    std::atomic<int> done = 0;
    for (int i = 0; i < 10; ++i)
        queue.push_back([&] {
            ++done;
            queue.push_front([&] { ++done; });
        });
    queue.run();
    CHECK(done == 20);
}
