#include "pack/contents_numbers.hpp"

#include "layout/layout.hpp"

#include <cmath>
#include <map>

namespace bp::pack {

namespace {

constexpr double leader_gap = 4; // clear space either side of the dot leaders

void collect_targets(const std::vector<doc::Block>& blocks, bool in_contents,
                     std::set<std::string>& into) {
    for (const doc::Block& block : blocks) {
        bool contents = in_contents || (block.kind == doc::BlockKind::bullet_list &&
                                        block.css_class == "contents");
        if (contents)
            for (const doc::Inline& node : block.inlines)
                if (node.kind == doc::InlineKind::link && node.url.size() > 1 && node.url[0] == '#')
                    into.insert(node.url.substr(1));
        collect_targets(block.children, contents, into);
    }
}

// Where each anchor lands: the index of the page within the paper.
std::map<std::string, int> anchor_pages(const std::vector<ComposedPage>& pages) {
    std::map<std::string, int> found;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const auto& destination : pages[p].page.destinations)
            found.emplace(destination.id, static_cast<int>(p));
    return found;
}

struct EntryLine {
    double baseline = 0;
    double start = 0, end = 0; // x extent of the entry's runs on this line
    const layout::TextRun* style = nullptr;
    bool alone = true;
};

// The last line of each entry on one page, keyed by anchor.
std::map<std::string, EntryLine> entry_lines(const layout::Page& page,
                                             const std::set<std::string>& targets) {
    std::map<std::pair<std::string, double>, EntryLine> lines;
    for (const auto& run : page.texts) {
        if (run.link.size() < 2 || run.link[0] != '#' || !targets.count(run.link.substr(1)))
            continue;
        EntryLine& line = lines[{run.link.substr(1), run.baseline}];
        if (!line.style) {
            line = {run.baseline, run.x, run.x + run.width, &run, true};
        } else {
            line.start = std::min(line.start, run.x);
            line.end = std::max(line.end, run.x + run.width);
        }
    }
    // Anything else on the line to the right of the entry's start means a sentence.
    for (auto& [key, line] : lines)
        for (const auto& run : page.texts)
            if (run.baseline == line.baseline && run.link != "#" + key.first &&
                run.x + run.width > line.start && !run.text.empty())
                line.alone = false;
    std::map<std::string, EntryLine> last;
    for (const auto& [key, line] : lines)
        if (line.alone && (!last.count(key.first) || last[key.first].baseline < line.baseline))
            last[key.first] = line;
    return last;
}

} // namespace

std::set<std::string> contents_targets(const doc::Document& body) {
    std::set<std::string> targets;
    collect_targets(body.blocks, false, targets);
    return targets;
}

void number_contents_entries(std::vector<ComposedPage>& pages, const std::set<std::string>& targets,
                             int first_page_number, const layout::TextMeasurer& measurer,
                             const Margins& margins) {
    if (targets.empty())
        return;
    std::map<std::string, int> landing = anchor_pages(pages);
    layout::Colour text_colour = layout::TextStyle{}.text;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        layout::Page& page = pages[p].page;
        int number = first_page_number + static_cast<int>(p);
        double right = page.width - right_margin(margins, number);
        std::vector<layout::TextRun> added;
        for (const auto& [anchor, line] : entry_lines(page, targets)) {
            auto target = landing.find(anchor);
            if (target == landing.end())
                continue;
            const layout::TextRun& entry = *line.style;
            std::string label = std::to_string(first_page_number + target->second);
            double width = measurer.width(label, layout::FontStyle::regular, entry.size);
            double label_x = right - width;
            if (label_x - leader_gap < line.end)
                continue; // no room: the entry already reaches the margin
            added.push_back(make_run(measurer, label_x, line.baseline, label,
                                     layout::FontStyle::regular, entry.size, text_colour));
            pages[p].links.push_back(
                {label_x, line.baseline - entry.size, width, entry.size * 1.3, target->second});
            double dot = measurer.width(".", layout::FontStyle::regular, entry.size);
            double room = label_x - leader_gap - (line.end + leader_gap);
            int dots = dot > 0 ? static_cast<int>(std::floor(room / dot)) : 0;
            if (dots >= 2)
                added.push_back(make_run(measurer, label_x - leader_gap - dots * dot, line.baseline,
                                         std::string(dots, '.'), layout::FontStyle::regular,
                                         entry.size, layout::TextStyle{}.muted));
        }
        for (auto& run : added)
            page.texts.push_back(std::move(run));
    }
}

} // namespace bp::pack
