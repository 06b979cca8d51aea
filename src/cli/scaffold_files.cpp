#include "cli/scaffold_files.hpp"

namespace bp::cli {

namespace {

const char* site_yaml = R"(title: Riverside Partnership Papers
organisation: Riverside District Council
base_url: https://intranet.riverside.example/boards/
language: en-GB
paper: a4
financial_year_start: 4
)";

const char* board_yaml = R"(name: Riverside Safer Communities Board
short_name: Safer Communities Board
purpose: >
  Brings together the council, police, fire and health services and the voluntary sector
  to reduce crime and the fear of crime in Riverside.
venue: Council Chamber, Riverside Town Hall, Market Street, Riverside
start: "10:00"
end: "12:00"
contact:
  name: Alex Morgan
  job_title: Partnership Officer
  email: alex.morgan@riverside.example
  phone: 01234 567890
members:
  - name: Cllr Jo Bennett
    post: Cabinet Member for Communities
    organisation: Riverside District Council
    role: Chair
  - name: Sam Okoye
    post: Chief Inspector
    organisation: Riverside Police
  - name: Priti Shah
    post: Head of Community Safety
    organisation: Riverside District Council
)";

const char* meeting_yaml = R"(date: 2025-01-14
status: scheduled
items:
  - number: "1"
    title: Welcome and apologies
    presenter: Chair
    minutes: 5
    verbal: true
  - number: "2"
    title: Community safety update
    presenter: Priti Shah
    minutes: 20
    purpose: information
    paper: 02-update.md
  - number: "3"
    title: Any other business
    presenter: All
    minutes: 5
    verbal: true
)";

const char* update_md = R"(---
title: Community safety update
author: Priti Shah
job_title: Head of Community Safety
contact: priti.shah@riverside.example
date: 2025-01-06
security: unprotected
kind: report
summary: An update on the partnership’s priorities for the quarter.
---
## 1. Purpose

This report updates the board on the three priorities agreed in the partnership plan.

## 2. Recommendation

The board is asked to **note** the update.

## 3. Progress

| Priority | Lead | Status |
|:---------|:-----|:------:|
| Reducing anti-social behaviour | Sam Okoye | On track |
| Tackling domestic abuse | Priti Shah | On track |
| Safer town centre | Jo Bennett | Delayed |
)";

} // namespace

std::vector<std::pair<std::string, std::string>> scaffold_files() {
    return {
        {"site.yaml", site_yaml},
        {"content/safer-communities/board.yaml", board_yaml},
        {"content/safer-communities/2025-01-14/meeting.yaml", meeting_yaml},
        {"content/safer-communities/2025-01-14/02-update.md", update_md},
    };
}

} // namespace bp::cli
