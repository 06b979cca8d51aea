// Times one meeting pack of about 70 pages built in memory through the pack stage, and
// WeasyPrint rendering the same papers as HTML, so the two can be compared page for page.
//
//   bench_pack [--runs N] [--weasyprint-runs N] [--pages N] [--no-weasyprint] [--keep DIR]
//
// The meeting is synthetic: the example board's Markdown papers (all four meetings, audience
// "members") are repeated as agenda items until the pack reaches the wanted page count. PDF
// appendices are left out because WeasyPrint cannot merge them.
#include "content/load.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"
#include "pack/pack.hpp"
#include "pack/page_extractor.hpp"
#include "site/html_renderer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <time.h>
#include <utility>
#include <vector>

namespace {

using namespace bp;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Options {
    int runs = 15;
    int weasyprint_runs = 3;
    int target_pages = 70;
    bool weasyprint = true;
    std::string keep_dir; // where the HTML and both PDFs are left; a temp folder otherwise
};

// Wall time, and CPU time as well: on a busy machine the wall time includes waiting for a
// core, while CPU time is what the work itself costs.
struct Timing {
    int runs = 0;
    double median_ms = 0;
    double min_ms = 0;
    double median_cpu_ms = 0;
};

double median(std::vector<double> samples) {
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    std::size_t middle = samples.size() / 2;
    return samples.size() % 2 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
}

double elapsed_ms(Clock::time_point started) {
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

// This thread's CPU time plus that of waited-for child processes (WeasyPrint).
double cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    auto ms = [](const timeval& time) { return time.tv_sec * 1e3 + time.tv_usec / 1e3; };
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6 + ms(children.ru_utime) + ms(children.ru_stime);
}

struct Samples {
    std::vector<double> wall, cpu;
    void take(const std::function<void()>& work) {
        auto started = Clock::now();
        double cpu_started = cpu_ms();
        work();
        cpu.push_back(cpu_ms() - cpu_started);
        wall.push_back(elapsed_ms(started));
    }
    Timing timing() const {
        Timing timing;
        timing.runs = static_cast<int>(wall.size());
        timing.median_ms = median(wall);
        timing.min_ms = wall.empty() ? 0 : *std::min_element(wall.begin(), wall.end());
        timing.median_cpu_ms = median(cpu);
        return timing;
    }
};

Timing time_runs(int runs, const std::function<void()>& work) {
    Samples samples;
    for (int run = 0; run < runs; ++run)
        samples.take(work);
    return samples.timing();
}

// Two ways of doing the same work, run in turns so that a change in the machine's load falls
// on both alike.
std::pair<Timing, Timing> time_alternately(int runs, const std::function<void()>& first,
                                           const std::function<void()>& second) {
    Samples a, b;
    for (int run = 0; run < runs; ++run) {
        a.take(first);
        b.take(second);
    }
    return {a.timing(), b.timing()};
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--runs" && has_value)
            options.runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--weasyprint-runs" && has_value)
            options.weasyprint_runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--pages" && has_value)
            options.target_pages = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--keep" && has_value)
            options.keep_dir = argv[++i];
        else if (arg == "--no-weasyprint")
            options.weasyprint = false;
        else {
            std::cerr << "usage: bench_pack [--runs N] [--weasyprint-runs N] [--pages N] "
                         "[--no-weasyprint] [--keep DIR]\n";
            std::exit(2);
        }
    }
    return options;
}

void print_diagnostics(const DiagnosticSink& sink) {
    for (const auto& diagnostic : sink.sorted())
        std::cerr << format_diagnostic(diagnostic) << "\n";
}

// Items that carry Markdown papers, sub-items lifted to the top level, PDF appendices dropped.
void collect_paper_items(const content::AgendaItem& item, std::vector<content::AgendaItem>& pool) {
    content::AgendaItem copy = item;
    copy.sub_items.clear();
    std::erase_if(copy.papers, [](const content::Paper& paper) { return paper.is_pdf; });
    if (!copy.papers.empty())
        pool.push_back(std::move(copy));
    for (const auto& sub_item : item.sub_items)
        collect_paper_items(sub_item, pool);
}

struct Example {
    content::Site site;
    const content::Board* board = nullptr;
    std::vector<content::AgendaItem> pool;
};

bool load_example(Example& example) {
    DiskFileSystem files(BOARDPACK_SOURCE_ROOT);
    DiagnosticSink sink;
    example.site = content::load_site_index(files, sink);
    example.site.source_root = BOARDPACK_SOURCE_ROOT;
    if (example.site.boards.empty()) {
        print_diagnostics(sink);
        return false;
    }
    example.board = &example.site.boards.front();
    for (const auto& indexed : example.board->meetings) {
        content::Meeting meeting = indexed;
        content::apply_audience(meeting, content::Audience::members);
        content::load_meeting_papers(files, example.site, *example.board, meeting, sink);
        for (const auto& item : meeting.items)
            collect_paper_items(item, example.pool);
    }
    // Errors are shown but do not stop the benchmark: the example may be mid-edit, and a
    // paper with an error still has a body to lay out.
    print_diagnostics(sink);
    if (sink.has_errors())
        std::cerr << "bench_pack: the example site has " << sink.error_count()
                  << " errors; timing it anyway\n\n";
    return !example.pool.empty();
}

// A `linearise_above` under the pack's size linearises it, as a build does one of over 1 MiB.
content::PackSummary build_pack(const Example& example, const content::Meeting& meeting,
                                std::string* pdf = nullptr,
                                std::size_t linearise_above = pack::fast_web_view_bytes) {
    DiagnosticSink sink;
    auto output = pack::build_meeting_pack(
        example.site, *example.board, meeting, content::Audience::members,
        {pack::bundled_font_files(pack::bundled_font_dir()), linearise_above}, sink);
    if (sink.has_errors())
        print_diagnostics(sink);
    if (pdf)
        *pdf = std::move(output.pack_pdf);
    return output.summary;
}

// The report PDFs build_meeting_pack cuts from the finished pack (pack/report_pdfs.cpp), cut
// again from the written pack: one PageExtractor, one PDF per item with pages. Timed alone,
// they tell the pack's own cost apart from theirs, and so compare with runs from before the
// pack wrote them. build_meeting_pack cuts them from the pack in hand, before writing it, so
// this time also holds reading the pack back, which the build does not pay. Returns how many
// were cut.
int cut_report_pdfs(const std::string& pack_pdf, const content::PackSummary& summary) {
    pack::PageExtractor extractor(pack_pdf);
    int cut = 0;
    for (const auto& item : summary.items) {
        if (item.first_sheet <= 0 || item.last_page < item.first_page)
            continue;
        std::string error;
        int last_sheet = item.first_sheet + item.last_page - item.first_page;
        if (!extractor
                 .extract(item.first_sheet, last_sheet, {{"Item " + item.number, 0, 0, {}}}, {},
                          error, item.first_page)
                 .empty())
            ++cut;
    }
    return cut;
}

// The latest example meeting, its agenda replaced by the paper pool repeated until the pack
// has at least `target_pages` pages.
content::Meeting synthetic_meeting(const Example& example, int target_pages) {
    content::Meeting meeting = example.board->meetings.back();
    meeting.items.clear();
    meeting.declarations.clear();
    const std::size_t limit = example.pool.size() * 20; // stops a runaway if pages never grow
    for (std::size_t next = 0; next < limit; ++next) {
        content::AgendaItem item = example.pool[next % example.pool.size()];
        item.number = std::to_string(meeting.items.size() + 1);
        meeting.items.push_back(std::move(item));
        if (build_pack(example, meeting).pages >= target_pages)
            break;
    }
    return meeting;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string font_faces() {
    const char* faces[][3] = {{"Regular", "normal", "normal"},
                              {"Bold", "bold", "normal"},
                              {"Italic", "normal", "italic"},
                              {"BoldItalic", "bold", "italic"}};
    std::string css;
    for (const auto& face : faces)
        css += std::string("@font-face { font-family: \"Noto Sans\"; src: url(\"file://") +
               pack::bundled_font_dir() + "/NotoSans-" + face[0] +
               ".ttf\"); font-weight: " + face[1] + "; font-style: " + face[2] + "; }\n";
    return css;
}

// What a pack has besides the papers: an A4 page with numbered footers, an agenda first and
// every paper starting on a right-hand page.
const char* pack_css = R"(
@page { size: A4; margin: 18mm 16mm; @bottom-center { content: "Page " counter(page); font-size: 9pt; } }
.paper { break-before: right; }
.agenda td, .agenda th { text-align: left; vertical-align: top; padding: 2pt 6pt; }
)";

std::string agenda_html(const content::Meeting& meeting) {
    std::string html = "<section class=\"front-sheet\"><h1>" + bp::html_escape(meeting.title) +
                       "</h1><table class=\"agenda\"><thead><tr><th>Item</th><th>Title</th>"
                       "<th>Presenter</th></tr></thead><tbody>";
    for (const auto& item : meeting.items)
        html += "<tr><td>" + bp::html_escape(item.number) + "</td><td>" +
                bp::html_escape(item.title) + "</td><td>" + bp::html_escape(item.presenter) +
                "</td></tr>";
    return html + "</tbody></table></section>\n";
}

// The same papers as one HTML document, through the site stage's renderer and the default
// theme's screen and print styles.
std::string meeting_html(const content::Meeting& meeting) {
    std::string css_dir = std::string(BOARDPACK_SOURCE_ROOT) + "/themes/default/assets/css/";
    std::string html = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>" +
                       bp::html_escape(meeting.title) + "</title><style>\n" + font_faces() +
                       read_text(css_dir + "site.css") + read_text(css_dir + "print.css") +
                       pack_css + "</style></head><body><main class=\"main\">\n" +
                       agenda_html(meeting);
    int chart_prefix = 0;
    for (const auto& item : meeting.items) {
        for (const auto& paper : item.papers) {
            site::RenderOptions options;
            options.chart_id_prefix = "chart" + std::to_string(++chart_prefix);
            html += "<section class=\"paper\"><p class=\"caption\">Agenda item " +
                    bp::html_escape(item.number) + "</p><h1>" + bp::html_escape(paper.title) +
                    "</h1><div class=\"paper-body\">" +
                    site::render_document(paper.body, paper.charts, options).html +
                    "</div></section>\n";
        }
    }
    return html + "</main></body></html>\n";
}

bool has_command(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

int pdf_pages(const fs::path& pdf) {
    std::string command = "pdfinfo " + shell_quote(pdf.string()) + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return 0;
    char line[512];
    int pages = 0;
    while (fgets(line, sizeof line, pipe))
        if (std::sscanf(line, "Pages: %d", &pages) == 1)
            break;
    pclose(pipe);
    return pages;
}

int count_papers(const content::Meeting& meeting) {
    int papers = 0;
    for (const auto& item : meeting.items)
        papers += static_cast<int>(item.papers.size());
    return papers;
}

int count_charts(const content::Meeting& meeting) {
    int charts = 0;
    for (const auto& item : meeting.items)
        for (const auto& paper : item.papers)
            charts += static_cast<int>(paper.charts.size());
    return charts;
}

std::string load_average() {
    std::string text = read_text("/proc/loadavg");
    std::istringstream in(text);
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

void print_header() {
    std::printf("  %-28s %5s %10s %8s %10s %6s %12s\n", "", "runs", "median ms", "min ms", "cpu ms",
                "pages", "cpu ms/page");
}

void print_row(const char* label, const Timing& timing, int pages) {
    std::printf("  %-28s %5d %10.1f %8.1f %10.1f", label, timing.runs, timing.median_ms,
                timing.min_ms, timing.median_cpu_ms);
    if (pages > 0)
        std::printf(" %6d %12.2f\n", pages, timing.median_cpu_ms / pages);
    else
        std::printf(" %6s %12s\n", "-", "-");
}

struct WeasyResult {
    Timing render;
    Timing startup;
    int pages = 0;
};

WeasyResult time_weasyprint(const fs::path& html, const fs::path& pdf, int runs) {
    WeasyResult result;
    std::string render = "weasyprint -q " + shell_quote(html.string()) + " " +
                         shell_quote(pdf.string()) + " >/dev/null 2>&1";
    result.render = time_runs(runs, [&] { std::system(render.c_str()); });
    result.pages = pdf_pages(pdf);
    result.startup = time_runs(runs, [] { std::system("weasyprint --version >/dev/null 2>&1"); });
    return result;
}

fs::path work_folder(const Options& options) {
    if (!options.keep_dir.empty()) {
        fs::create_directories(options.keep_dir);
        return options.keep_dir;
    }
    std::string pattern = (fs::temp_directory_path() / "boardpack-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        std::perror("bench_pack: cannot make a temporary folder");
        std::exit(1);
    }
    return pattern;
}

} // namespace

int main(int argc, char** argv) {
    Options options = parse_options(argc, argv);
    std::string load_at_start = load_average();
    Example example;
    if (!load_example(example)) {
        std::cerr << "bench_pack: the example site under " << BOARDPACK_SOURCE_ROOT
                  << " did not load\n";
        return 1;
    }
    content::Meeting meeting = synthetic_meeting(example, options.target_pages);

    std::string pdf;
    content::PackSummary summary = build_pack(example, meeting, &pdf); // also warms caches
    if (!summary.built) {
        std::cerr << "bench_pack: the pack was not built\n";
        return 1;
    }
    // The pack is under 1 MiB, which a build writes plain. With the limit at half its size it
    // is linearised and its agenda and report PDFs, each far smaller, are not: what a pack of
    // over 1 MiB costs a build (the linearised rows of earlier results).
    const std::size_t half_the_pack = pdf.size() / 2;
    std::string linearised_pdf;
    build_pack(example, meeting, &linearised_pdf, half_the_pack);
    if (linearised_pdf.substr(0, 1024).find("/Linearized") == std::string::npos)
        std::cerr << "bench_pack: the pack was not linearised at half its size\n";
    auto [pack_timing, linearised_timing] = time_alternately(
        options.runs, [&] { build_pack(example, meeting); },
        [&] { build_pack(example, meeting, nullptr, half_the_pack); });
    int reports = 0;
    Timing report_timing =
        time_runs(options.runs, [&] { reports = cut_report_pdfs(pdf, summary); });

    fs::path folder = work_folder(options);
    std::ofstream(folder / "boardpack.pdf", std::ios::binary) << pdf;
    std::ofstream(folder / "meeting.html", std::ios::binary) << meeting_html(meeting);

    std::printf("boardpack pack benchmark\n");
    std::printf("  content: %zu agenda items, %d Markdown papers, %d charts, %d pages "
                "(example board \"%s\" repeated, audience members)\n",
                meeting.items.size(), count_papers(meeting), count_charts(meeting), summary.pages,
                example.board->slug.c_str());
    std::printf("  machine: %u hardware threads, load average %s at start; one thread timed\n",
                std::thread::hardware_concurrency(), load_at_start.c_str());
    if (options.keep_dir.empty())
        std::printf("  files:   removed at the end (--keep DIR leaves the HTML and both PDFs)\n\n");
    else
        std::printf("  files:   %s\n\n", folder.c_str());
    print_header();
    print_row("boardpack build_meeting_pack", pack_timing, summary.pages);
    print_row("  the pack linearised", linearised_timing, summary.pages);
    std::printf("  of which the %d report PDFs (cut again alone: median %.1f ms, %.1f ms CPU)\n",
                reports, report_timing.median_ms, report_timing.median_cpu_ms);
    // Before the pack wrote a PDF per report, this benchmark timed the pack and its agenda
    // alone: this line compares with figures from then.
    std::printf("  so the pack and its agenda alone: %.1f ms CPU\n",
                pack_timing.median_cpu_ms - report_timing.median_cpu_ms);

    bool ran_weasyprint = false;
    WeasyResult weasy;
    if (!options.weasyprint) {
        std::printf("  WeasyPrint: skipped (--no-weasyprint)\n");
    } else if (!has_command("weasyprint")) {
        std::printf("  WeasyPrint: skipped, not installed (apt-get install weasyprint)\n");
    } else {
        weasy = time_weasyprint(folder / "meeting.html", folder / "weasyprint.pdf",
                                options.weasyprint_runs);
        print_row("WeasyPrint, same papers", weasy.render, weasy.pages);
        print_row("WeasyPrint startup alone", weasy.startup, 0);
        ran_weasyprint = true;
    }

    auto verdict = [&](double ms) { return ms <= 60 * summary.pages / 70.0 ? "met" : "NOT met"; };
    std::printf("\n  target: <= 60 ms CPU for a 70-page pack: %s (median %.1f ms CPU, %.1f ms "
                "wall), %d pages; linearised %s (median %.1f ms CPU)\n",
                verdict(pack_timing.median_cpu_ms), pack_timing.median_cpu_ms,
                pack_timing.median_ms, summary.pages, verdict(linearised_timing.median_cpu_ms),
                linearised_timing.median_cpu_ms);
    if (ran_weasyprint && pack_timing.median_ms > 0 && pack_timing.median_cpu_ms > 0)
        std::printf("  boardpack : WeasyPrint = 1 : %.1f by wall time, 1 : %.1f by CPU time "
                    "(1 : %.1f by CPU time without WeasyPrint's start-up)\n",
                    weasy.render.median_ms / pack_timing.median_ms,
                    weasy.render.median_cpu_ms / pack_timing.median_cpu_ms,
                    (weasy.render.median_cpu_ms - weasy.startup.median_cpu_ms) /
                        pack_timing.median_cpu_ms);
    if (options.keep_dir.empty()) {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
    return 0;
}
