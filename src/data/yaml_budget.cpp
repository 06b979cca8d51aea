#include "data/yaml_budget.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace bp::data {

namespace {

struct Overrun {
    YAML::Mark mark;
    std::string message;
    std::string hint;
};

// Counts each node once as written and as often as aliases repeat it.
class AliasCounter final : public YAML::EventHandler {
  public:
    explicit AliasCounter(const YamlBudget& budget) : budget_(budget) {}

    void OnDocumentStart(const YAML::Mark&) override { frames_.push_back({0, 0}); }
    void OnDocumentEnd() override { frames_.clear(); }
    void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { leaf(anchor); }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  const std::string&) override {
        leaf(anchor);
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        frames_.push_back({anchor, 1});
    }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        frames_.push_back({anchor, 1});
    }
    void OnSequenceEnd() override { close(); }
    void OnMapEnd() override { close(); }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        for (const auto& frame : frames_)
            if (frame.anchor == anchor && anchor != 0)
                throw Overrun{mark, "an alias refers to the node that contains it",
                              "an alias (*name) may only repeat a node that is already "
                              "complete; copy the values instead"};
        if (++aliases_ > budget_.max_aliases)
            throw Overrun{
                mark, "the file uses more than " + std::to_string(budget_.max_aliases) + " aliases",
                "write the values out instead of repeating them with *aliases"};
        auto size = sizes_.find(anchor);
        std::size_t nodes = size == sizes_.end() ? 1 : size->second;
        add(nodes);
        expanded_ += nodes;
        if (expanded_ > budget_.max_expanded_nodes)
            throw Overrun{mark,
                          "aliases expand the file to more than " +
                              std::to_string(budget_.max_expanded_nodes) + " values",
                          "write the values out instead of nesting *aliases"};
    }

  private:
    struct Frame {
        YAML::anchor_t anchor;
        std::size_t nodes;
    };

    void leaf(YAML::anchor_t anchor) {
        if (anchor != 0)
            sizes_[anchor] = 1;
        add(1);
    }

    void close() {
        Frame frame = frames_.back();
        frames_.pop_back();
        if (frame.anchor != 0)
            sizes_[frame.anchor] = frame.nodes;
        add(frame.nodes);
    }

    // Sizes saturate so that the sums cannot overflow; the budget trips long before.
    void add(std::size_t nodes) {
        if (frames_.empty())
            return;
        std::size_t& total = frames_.back().nodes;
        total = std::min(total + nodes, budget_.max_expanded_nodes * 4);
    }

    const YamlBudget& budget_;
    std::vector<Frame> frames_;
    std::map<YAML::anchor_t, std::size_t> sizes_;
    std::size_t aliases_ = 0;
    std::size_t expanded_ = 0;
};

} // namespace

bool check_yaml_aliases(std::string_view text, const SourceLocation& origin, DiagnosticSink& sink,
                        const YamlBudget& budget) {
    if (text.find('*') == std::string_view::npos)
        return true; // no alias can appear without one
    std::istringstream in{std::string(text)};
    try {
        YAML::Parser parser(in);
        AliasCounter counter(budget);
        // The first document only: it is the one YAML::Load reads, and yaml-cpp finds
        // documents without end after a stray top-level comma (",*"), consuming nothing.
        parser.HandleNextDocument(counter);
    } catch (const Overrun& overrun) {
        SourceLocation where{origin.file, origin.line + std::max(overrun.mark.line, 0),
                             std::max(overrun.mark.column, 0) + 1};
        sink.error(where, overrun.message, overrun.hint);
        return false;
    } catch (const YAML::Exception&) {
        // Reported with its place when the document itself is parsed.
    }
    return true;
}

} // namespace bp::data
