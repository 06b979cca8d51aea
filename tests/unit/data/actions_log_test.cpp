#include "data/actions.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::data;

namespace {

Date day(const char* iso) {
    return *parse_date(iso);
}

Action make_action(const char* id, const char* raised, const char* due) {
    Action action;
    action.id = id;
    action.raised = day(raised);
    action.text = "Do something";
    action.lead = "Ayo Bello";
    action.due = day(due);
    return action;
}

} // namespace

TEST_CASE("action statuses parse in their written spellings") {
    CHECK(parse_action_status("in progress") == ActionStatus::in_progress);
    CHECK(parse_action_status("In-Progress") == ActionStatus::in_progress);
    CHECK(parse_action_status(" complete ") == ActionStatus::complete);
    CHECK(parse_action_status("dropped") == ActionStatus::dropped);
    CHECK_FALSE(parse_action_status("completed").has_value());
    CHECK(std::string(to_string(ActionStatus::in_progress)) == "in progress");
}

TEST_CASE("an open action turns red once its due date passes") {
    Action action = make_action("2017-06-13/1", "2017-06-13", "2017-09-30");
    action.updates.push_back({day("2017-08-01"), "Drafted", {}});
    // No update written yet: amber; once updated and not yet near the due date: green.
    CHECK(rag_as_at(action, day("2017-07-01")) == bp::Rag::amber);
    CHECK(rag_as_at(action, day("2017-08-15")) == bp::Rag::green);
    // Within 30 days of the due date: amber.
    CHECK(rag_as_at(action, day("2017-09-12")) == bp::Rag::amber);
    CHECK(is_due_soon_as_at(action, day("2017-09-12")));
    CHECK_FALSE(is_overdue_as_at(action, day("2017-09-30")));
    CHECK(is_overdue_as_at(action, day("2017-10-01")));
    CHECK(rag_as_at(action, day("2017-12-13")) == bp::Rag::red);
}

TEST_CASE("an action with no update yet is amber") {
    Action action = make_action("2017-06-13/1", "2017-06-13", "2018-03-31");
    CHECK(rag_as_at(action, day("2017-09-12")) == bp::Rag::amber);
    action.updates.push_back({std::nullopt, "Under way", {}});
    CHECK(rag_as_at(action, day("2017-09-12")) == bp::Rag::green);
}

TEST_CASE("a hand-set RAG wins over the computed one") {
    Action action = make_action("2017-06-13/1", "2017-06-13", "2017-07-01");
    action.rag_override = bp::Rag::amber;
    CHECK(rag_as_at(action, day("2017-12-13")) == bp::Rag::amber);
}

TEST_CASE("status and updates are read as at a date") {
    Action action = make_action("2017-06-13/1", "2017-06-13", "2017-12-31");
    action.status = ActionStatus::complete;
    action.completed = day("2017-11-20");
    action.updates.push_back({day("2017-09-01"), "Half done", {}});
    action.updates.push_back({day("2017-11-20"), "Finished", {}});
    // Before completion it was in progress, with the update known then.
    CHECK(status_as_at(action, day("2017-09-12")) == ActionStatus::in_progress);
    CHECK(latest_update_as_at(action, day("2017-09-12"))->text == "Half done");
    CHECK(rag_as_at(action, day("2017-09-12")) == bp::Rag::green);
    CHECK(status_as_at(action, day("2017-12-13")) == ActionStatus::complete);
    CHECK(latest_update_as_at(action, day("2017-12-13"))->text == "Finished");
    CHECK(latest_update_as_at(action, day("2017-08-01")) == nullptr);
    CHECK(rag_as_at(action, day("2017-12-13")) == bp::Rag::green);
    action.status = ActionStatus::dropped;
    CHECK(rag_as_at(action, day("2017-12-13")) == bp::Rag::grey);
}

TEST_CASE("the log answers open, overdue and recently closed as at a meeting") {
    ActionLog log;
    log.actions.push_back(make_action("2017-09-12/1", "2017-09-12", "2017-10-31"));
    log.actions.push_back(make_action("2017-06-13/2", "2017-06-13", "2017-08-31"));
    log.actions.push_back(make_action("2017-06-13/1", "2017-06-13", "2017-07-31"));
    log.actions[0].sequence = 1;
    log.actions[1].sequence = 2;
    log.actions[2].sequence = 1;
    log.actions[2].status = ActionStatus::complete;
    log.actions[2].completed = day("2017-07-20");
    log.sort();
    REQUIRE(log.actions.size() == 3);
    CHECK(log.actions[0].id == "2017-06-13/1");
    CHECK(log.actions[1].id == "2017-06-13/2");
    CHECK(log.actions[2].id == "2017-09-12/1");

    Date september = day("2017-09-12");
    auto open = log.open_as_at(september);
    REQUIRE(open.size() == 1);
    CHECK(open[0]->id == "2017-06-13/2");
    auto overdue = log.overdue_as_at(september);
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0]->id == "2017-06-13/2");
    auto closed = log.closed_between(day("2017-06-13"), september);
    REQUIRE(closed.size() == 1);
    CHECK(closed[0]->id == "2017-06-13/1");
    CHECK(log.closed_between(september, day("2017-12-13")).empty());
    // An action raised at a meeting is not on that meeting's own plan.
    CHECK(log.raised_before(september).size() == 2);
    CHECK(log.raised_before(day("2017-09-13")).size() == 3);
    CHECK(log.find("2017-09-12/1") == &log.actions[2]);
    CHECK(log.find("nope") == nullptr);
}

TEST_CASE("ids of the form date/number give their number for ordering") {
    CHECK(id_sequence("2017-06-13/12") == 12);
    CHECK(id_sequence("2017-06-13/1") == 1);
    CHECK_FALSE(id_sequence("CSP-7").has_value());
    CHECK_FALSE(id_sequence("2017-06-13/").has_value());
    CHECK_FALSE(id_sequence("2017-06-13/1a").has_value());
    CHECK_FALSE(id_sequence("2017-02-30/1").has_value());
    CHECK_FALSE(id_sequence("/").has_value());
}
