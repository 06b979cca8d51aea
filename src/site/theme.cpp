#include "site/theme.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <set>

namespace bp::site {
namespace {

namespace mustache = kainjow::mustache;

// Partials come from the theme, never from page data, so a data key can share a partial's name.
class ThemeContext final : public mustache::basic_context<std::string> {
  public:
    ThemeContext(const TemplateData* data, const std::map<std::string, TemplateData>& partials)
        : inner_(data), partials_(partials) {}
    void push(const TemplateData* data) override { inner_.push(data); }
    void pop() override { inner_.pop(); }
    const TemplateData* get(const std::string& name) const override { return inner_.get(name); }
    const TemplateData* get_partial(const std::string& name) const override {
        auto found = partials_.find(name);
        return found == partials_.end() ? nullptr : &found->second;
    }

  private:
    mustache::context<std::string> inner_;
    const std::map<std::string, TemplateData>& partials_;
};

// Parsing a template costs about as much as rendering it, and every page renders two (its own
// and the layout), so each thread keeps the templates it has parsed, for the theme it last
// rendered with. kainjow's error state sticks to a parsed template: one that fails to render
// is dropped and parsed afresh next time.
class ParsedTemplates {
  public:
    static ParsedTemplates& for_this_thread(std::uint64_t theme) {
        thread_local ParsedTemplates parsed;
        if (parsed.theme_ != theme) {
            parsed.by_name_.clear();
            parsed.theme_ = theme;
        }
        return parsed;
    }
    struct Parsed {
        std::unique_ptr<mustache::mustache> parsed;
        std::size_t last_rendered_bytes = 0; // pages of one template are much of a size
    };
    Parsed& get(const std::string& name, const std::string& text) {
        auto& slot = by_name_[name];
        if (!slot.parsed) {
            slot.parsed = std::make_unique<mustache::mustache>(text);
            slot.parsed->set_custom_escape([](const std::string& raw) { return html_escape(raw); });
        }
        return slot;
    }
    void drop(const std::string& name) { by_name_.erase(name); }

  private:
    std::uint64_t theme_ = 0;
    std::map<std::string, Parsed> by_name_;
};

// Takes the rendered pieces into one string sized beforehand: kainjow's own render goes
// through a string stream, which grows by copying and copies the whole page once more at
// the end.
struct PageText {
    std::string text;
    PageText& operator<<(const std::string& piece) {
        text += piece;
        return *this;
    }
};

std::uint64_t next_theme_id() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

// kainjow reports "Unclosed tag at 123": split off the byte offset.
std::pair<std::string, std::size_t> split_error(const std::string& message) {
    auto at = message.rfind(" at ");
    if (at == std::string::npos)
        return {message, std::string::npos};
    std::string digits = message.substr(at + 4);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
        return {message, std::string::npos};
    return {message.substr(0, at), static_cast<std::size_t>(std::stoul(digits))};
}

struct PartialReference {
    std::string name;
    std::size_t offset;
};

std::vector<PartialReference> partial_references(const std::string& text) {
    std::vector<PartialReference> found;
    for (auto at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
        auto end = text.find("}}", at);
        if (end == std::string::npos)
            break;
        found.push_back({trim(text.substr(at + 3, end - at - 3)), at});
    }
    return found;
}

// Whether `text` can stand in for a partial tag as it is: kainjow parses a partial afresh,
// with the default delimiters, every time it renders one, so text that changes the delimiters
// (or holds a comment, which might hide a "{{>") is left to it.
bool inlines_plainly(const std::string& text) {
    return text.find("{{=") == std::string::npos && text.find("{{!") == std::string::npos;
}

// `text` with each partial tag replaced by the partial's own text, which renders the same
// bytes in the same context, so that a page's partials are parsed with its template, once a
// thread, not once a use: parsing them was a twentieth of a whole build's CPU. A partial
// already being inlined keeps its tag (an agenda item's sub-items), as does one missing.
std::string inline_partials(const std::string& text,
                            const std::map<std::string, ThemeFile>& partials,
                            std::vector<std::string>& inlining) {
    if (!inlines_plainly(text))
        return text;
    std::string out;
    std::size_t copied = 0;
    for (const auto& reference : partial_references(text)) {
        auto found = partials.find(reference.name);
        if (found == partials.end() || !inlines_plainly(found->second.text) ||
            std::find(inlining.begin(), inlining.end(), reference.name) != inlining.end())
            continue;
        out.append(text, copied, reference.offset - copied);
        inlining.push_back(reference.name);
        out += inline_partials(found->second.text, partials, inlining);
        inlining.pop_back();
        copied = text.find("}}", reference.offset) + 2;
    }
    out.append(text, copied);
    return out;
}

std::string without_extension(const std::string& name) {
    return name.substr(0, name.size() - std::string(".mustache").size());
}

void list_recursive(const FileSystem& files, const std::string& root, const std::string& relative,
                    std::map<std::string, std::pair<const FileSystem*, std::string>>& into) {
    std::string folder = join_path(root, relative);
    for (const auto& name : files.list(folder)) {
        std::string child = join_path(relative, name);
        std::string full = join_path(root, child);
        if (files.is_directory(full))
            list_recursive(files, root, child, into);
        else if (files.is_file(full) || files.outside(full))
            into[child] = {&files, full}; // a link elsewhere is reported when it is read
    }
}

} // namespace

SourceLocation locate_offset(const SourceLocation& origin, const std::string& text,
                             std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < text.size() && i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {origin.file, line, column};
}

Theme::Theme(const FileSystem& source_files, const std::string& theme_name,
             const std::string& data_dir, DiagnosticSink& sink)
    : source_files_(source_files), override_root_(join_path("themes", theme_name)),
      defaults_(std::make_unique<DiskFileSystem>(join_path(data_dir, "themes/default"))),
      default_root_(join_path(data_dir, "themes/default")), id_(next_theme_id()) {
    load_folder("templates", templates_, sink);
    load_folder("partials", partials_, sink);
    for (const auto& [name, file] : partials_)
        partial_data_.emplace(name, file.text);
    for (const char* name :
         {"layout", "home", "board", "meeting", "paper", "archive", "search", "not_found",
          "indicators", "indicator", "actions", "forward_plan", "meetings_calendar"}) {
        if (templates_.count(name))
            continue;
        sink.error({join_path(default_root_, "templates"), 0, 0},
                   std::string("the theme has no template named ") + name,
                   "boardpack's default theme is missing or incomplete; reinstall boardpack or "
                   "add templates/" +
                       std::string(name) + ".mustache to " + override_root_);
    }
    for (const auto& [name, file] : templates_)
        check(file, sink);
    for (const auto& [name, file] : partials_)
        check(file, sink);
    for (const auto& [name, file] : templates_) {
        std::vector<std::string> inlining;
        std::string inlined = inline_partials(file.text, partials_, inlining);
        // A partial kainjow would reject as it rendered it is left for it to report.
        rendered_text_[name] = mustache::mustache(inlined).is_valid() ? inlined : file.text;
    }
}

void Theme::load_folder(const std::string& folder, std::map<std::string, ThemeFile>& into,
                        DiagnosticSink& sink) {
    auto add_from = [&](const FileSystem& files, const std::string& root,
                        const std::string& shown_root) {
        std::string path = join_path(root, folder);
        for (const auto& name : files.list(path)) {
            if (!ends_with(name, ".mustache"))
                continue;
            auto text = files.read(join_path(path, name));
            SourceLocation origin{join_path(join_path(shown_root, folder), name), 1, 1};
            if (!text && files.outside(join_path(path, name)))
                sink.error(origin, "the template is a link to a file outside the site folder",
                           outside_site_hint);
            if (!text)
                continue;
            into[without_extension(name)] = {sanitize_utf8(*text), origin};
        }
    };
    add_from(*defaults_, "", default_root_);
    if (source_files_.is_directory(override_root_))
        add_from(source_files_, override_root_, override_root_);
}

void Theme::check(const ThemeFile& file, DiagnosticSink& sink) const {
    mustache::mustache parsed(file.text);
    if (!parsed.is_valid()) {
        auto [message, offset] = split_error(parsed.error_message());
        SourceLocation where = offset == std::string::npos
                                   ? file.origin
                                   : locate_offset(file.origin, file.text, offset);
        sink.error(where, "template syntax: " + message,
                   "every {{#section}} needs a matching {{/section}}, and every tag its }}");
    }
    for (const auto& reference : partial_references(file.text)) {
        if (partials_.count(reference.name))
            continue;
        sink.error(locate_offset(file.origin, file.text, reference.offset),
                   "template uses a partial that does not exist: " + reference.name,
                   "partials live in partials/<name>.mustache in the theme folder");
    }
}

std::string Theme::render(const std::string& name, const TemplateData& data,
                          DiagnosticSink& sink) const {
    auto found = templates_.find(name);
    if (found == templates_.end())
        return {}; // reported once, when the theme was loaded
    ParsedTemplates& cache = ParsedTemplates::for_this_thread(id_);
    auto& [parsed, last_rendered_bytes] = cache.get(name, rendered_text_.at(name));
    if (!parsed->is_valid())
        return {}; // reported when the theme was loaded
    ThemeContext context(&data, partial_data_);
    PageText out;
    out.text.reserve(last_rendered_bytes + last_rendered_bytes / 8);
    parsed->render(context, out);
    if (!parsed->is_valid()) {
        sink.error(found->second.origin, "template failed to render: " + parsed->error_message());
        cache.drop(name);
        return {};
    }
    last_rendered_bytes = out.text.size();
    return std::move(out.text);
}

std::map<std::string, std::string> Theme::assets(DiagnosticSink& sink) const {
    std::map<std::string, std::pair<const FileSystem*, std::string>> sources;
    list_recursive(*defaults_, "assets", "", sources);
    if (source_files_.is_directory(join_path(override_root_, "assets")))
        list_recursive(source_files_, join_path(override_root_, "assets"), "", sources);
    std::map<std::string, std::string> out;
    for (const auto& [path, source] : sources) {
        auto bytes = source.first->read(source.second);
        if (bytes)
            out[path] = std::move(*bytes);
        else if (source.first->outside(source.second))
            sink.error({source.second, 0, 0},
                       "the theme asset is a link to a file outside the site folder",
                       outside_site_hint);
    }
    return out;
}

} // namespace bp::site
