#include "pack/paper_pages.hpp"

#include "layout/layout.hpp"

#include <exception>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace bp::pack {

namespace {

std::string kind_label(const std::string& kind) {
    if (kind == "minutes")
        return "Minutes";
    if (kind == "cover-report")
        return "Cover report";
    if (kind == "chairs-report")
        return "Chair’s report";
    if (kind == "action-plan")
        return "Action plan";
    if (kind == "forward-plan")
        return "Forward plan";
    if (kind == "delivery-plan")
        return "Delivery plan";
    return "Report";
}

// Draws the title block at the top of the paper's first page; returns the height it takes.
double draw_title_block(const content::Paper& paper, const content::AgendaItem& item,
                        const layout::TextMeasurer& measurer, double width, double height,
                        const Margins& margins, layout::Page& page) {
    SheetStyle style;
    SheetWriter writer(measurer, width, height, margins, 1);
    writer.paragraph({kind_label(paper.kind), layout::FontStyle::bold, 9, style.muted});
    writer.space(2);
    writer.paragraph({paper.title, layout::FontStyle::bold, 17, style.accent});
    writer.space(8);
    auto row = [&](const char* label, const std::string& value) {
        if (!value.empty())
            writer.label_value(label, value, 70, 9);
    };
    row("Author", paper.author);
    row("Job title", paper.job_title);
    row("Contact", paper.contact);
    row("Date", paper.date ? paper.date->medium_form() : std::string());
    row("Purpose", content::purpose_phrase(item.purpose));
    writer.space(6);
    writer.rule(0.8, style.accent);
    writer.space(16);
    for (auto& run : writer.pages.front().texts)
        page.texts.push_back(std::move(run));
    for (auto& rule : writer.pages.front().rules)
        page.rules.push_back(rule);
    return writer.cursor() - margins.top;
}

void collect_headings(const std::vector<ComposedPage>& pages, std::vector<OutlineEntry>& into) {
    // Nest by heading level: each heading goes under the last shallower one.
    std::vector<std::pair<int, std::vector<OutlineEntry>*>> stack{{0, &into}};
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& destination : pages[p].page.destinations) {
            if (destination.level < 1 || destination.level > 3 || destination.title.empty())
                continue;
            while (stack.size() > 1 && stack.back().first >= destination.level)
                stack.pop_back();
            auto* siblings = stack.back().second;
            siblings->push_back({destination.title, static_cast<int>(p), destination.y, {}});
            stack.push_back({destination.level, &siblings->back().children});
        }
    }
}

void resolve_internal_links(std::vector<ComposedPage>& pages) {
    for (auto& composed : pages) {
        for (const auto& run : composed.page.texts) {
            if (run.link.size() < 2 || run.link[0] != '#')
                continue;
            std::string id = run.link.substr(1);
            for (std::size_t p = 0; p < pages.size(); ++p)
                for (const auto& destination : pages[p].page.destinations)
                    if (destination.id == id)
                        composed.links.push_back({run.x, run.baseline - run.size, run.width,
                                                  run.size * 1.3, static_cast<int>(p)});
        }
    }
}

PaperPages compose_markdown_paper(const content::Paper& paper, const content::AgendaItem& item,
                                  const std::string& source_root,
                                  const layout::TextMeasurer& measurer,
                                  const PackGeometry& geometry, DiagnosticSink& sink) {
    PaperPages result;
    result.paper = &paper;
    result.title = paper.title;
    double width = paper.landscape ? geometry.height : geometry.width;
    double height = paper.landscape ? geometry.width : geometry.height;

    layout::Page first;
    first.width = width;
    first.height = height;
    first.landscape = paper.landscape;
    double block = draw_title_block(paper, item, measurer, width, height, geometry.margins, first);

    layout::PageGeometry page_geometry;
    page_geometry.width = width;
    page_geometry.height = height;
    page_geometry.landscape = paper.landscape;
    page_geometry.margin_top = geometry.margins.top;
    page_geometry.margin_bottom = geometry.margins.bottom;
    page_geometry.margin_inner = geometry.margins.inner;
    page_geometry.margin_outer = geometry.margins.outer;
    layout::LayoutInput input;
    input.document = &paper.body;
    input.charts = &paper.charts;
    input.widths = &layout::thread_widths(measurer);
    input.diagnostics = &sink; // a table turned or set smaller is worth a warning
    std::string folder = paper.source_path.substr(0, paper.source_path.find_last_of('/') + 1);
    input.image_root = source_root + "/" + folder;
    std::vector<layout::Page> body = lay_out(input, page_geometry, geometry.text, measurer, block);
    if (body.empty())
        body.push_back(layout::Page{width, height, paper.landscape});

    auto& texts = body.front().texts;
    texts.insert(texts.begin(), first.texts.begin(), first.texts.end());
    for (auto& rule : first.rules)
        body.front().rules.push_back(rule);
    double mirror = geometry.margins.outer - geometry.margins.inner;
    for (std::size_t p = 0; p < body.size(); ++p) {
        if (p % 2 == 1)
            shift_page(body[p], mirror);
        ComposedPage composed;
        composed.page = std::move(body[p]);
        composed.chart_specs = &paper.charts;
        result.pages.push_back(std::move(composed));
    }
    resolve_internal_links(result.pages);
    collect_headings(result.pages, result.headings);
    return result;
}

PaperPages compose_pdf_paper(const content::Paper& paper, DiagnosticSink& sink) {
    PaperPages result;
    result.paper = &paper;
    result.title = paper.title;
    try {
        QPDF source;
        source.setSuppressWarnings(true);
        source.processFile(paper.native_path.c_str());
        int index = 0;
        for (auto& page : QPDFPageDocumentHelper(source).getAllPages()) {
            QPDFObjectHandle::Rectangle box = page.getTrimBox().getArrayAsRectangle();
            double width = box.urx - box.llx;
            double height = box.ury - box.lly;
            QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
            if (rotate.isInteger() && (rotate.getIntValue() / 90) % 2 != 0)
                std::swap(width, height);
            if (!(width > 36 && height > 36 && width < 14400 && height < 14400)) {
                width = 595.276;
                height = 841.89;
            }
            ComposedPage composed;
            composed.page.width = width;
            composed.page.height = height;
            composed.page.landscape = width > height;
            composed.appendix = {paper.native_path, index++};
            result.pages.push_back(std::move(composed));
        }
        if (result.pages.empty())
            sink.error(paper.location, "the PDF appendix has no pages",
                       "export the appendix again, or remove it from the agenda");
    } catch (const std::exception& error) {
        result.pages.clear();
        sink.error(paper.location, "cannot read the PDF appendix: " + std::string(error.what()),
                   "check that " + paper.native_path + " is a complete PDF file");
    }
    return result;
}

} // namespace

void shift_page(layout::Page& page, double dx) {
    for (auto& run : page.texts)
        run.x += dx;
    for (auto& box : page.rectangles)
        box.x += dx;
    for (auto& rule : page.rules) {
        rule.x1 += dx;
        rule.x2 += dx;
    }
    for (auto& chart : page.charts)
        chart.x += dx;
    for (auto& image : page.images)
        image.x += dx;
}

PaperPages compose_paper(const content::Paper& paper, const content::AgendaItem& item,
                         const std::string& source_root, const layout::TextMeasurer& measurer,
                         const PackGeometry& geometry, DiagnosticSink& sink) {
    if (paper.is_pdf)
        return compose_pdf_paper(paper, sink);
    return compose_markdown_paper(paper, item, source_root, measurer, geometry, sink);
}

} // namespace bp::pack
