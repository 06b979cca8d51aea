#pragma once
// Directives bring data into prose: fenced blocks (```chart, ```scorecard, …) become ordinary
// blocks, and {{ values }} become text, computed as at the meeting's data date.
#include "content/figure_book.hpp"
#include "content/model.hpp"
#include "markdown/parse.hpp"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace bp::content {

struct DirectiveContext {
    const Site& site;
    const Board& board;
    const Meeting& meeting;
    Paper& paper; // handlers append chart specs to paper.charts
    DiagnosticSink& sink;
    FigureBook* figures = nullptr; // the meeting's figures: recorded, or answered as published
};

// body is the directive's parsed YAML (a null node when the body is empty); body_origin is
// where that YAML starts, for located errors. Returns the blocks that replace the directive.
using DirectiveHandler = std::function<std::vector<doc::Block>(
    const doc::Block& directive, const YAML::Node& body, const SourceLocation& body_origin,
    DirectiveContext& context)>;

// Resolves the dotted path of a {{ value }} ("violence-with-injury.fytd.change_pct") whose
// first part this resolver recognises; returns nothing (after reporting) when it cannot.
using ValueResolver = std::function<std::optional<std::string>(const std::vector<std::string>& path,
                                                               const SourceLocation& location,
                                                               DirectiveContext& context)>;

struct DirectiveModule {
    std::vector<std::pair<std::string, DirectiveHandler>> directives;
    // Tried in order; a resolver returns std::nullopt *without reporting* when the first part
    // of the path is not its own, so the next one may try.
    std::function<bool(const std::vector<std::string>& path, DirectiveContext& context)> owns_value;
    ValueResolver resolve_value;
};

// Each module lives in its own file: performance (indicators, charts, scorecards) and
// records (actions, membership, forward plans, contents, events, delivery plans).
DirectiveModule performance_directives();
DirectiveModule records_directives();

// Options under which Markdown that may hold directives is parsed: every registered directive
// name is recognised as a fenced block.
const markdown::ParseOptions& directive_parse_options();

// Replaces every directive block and {{ value }} inline in the paper's body.
void expand_directives(DirectiveContext& context);

} // namespace bp::content
