#pragma once
// A Mustache theme: templates, partials and asset files. Each file is looked up first in the
// site's own theme folder (themes/<name>/ under the source root) and then in the default theme
// shipped with boardpack, so a site overrides the default file by file.
#include "core/diagnostics.hpp"
#include "core/filesystem.hpp"

#include <cstdint>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bp::site {

using TemplateData = kainjow::mustache::data;

struct ThemeFile {
    std::string text;
    SourceLocation origin; // the file it came from, for diagnostics
};

class Theme {
  public:
    // Reads every template and partial up front and reports syntax errors and references to
    // partials that do not exist, each at its file, line and column.
    Theme(const FileSystem& source_files, const std::string& theme_name,
          const std::string& data_dir, DiagnosticSink& sink);

    // Renders templates/<name>.mustache. A template that fails to render reports an error and
    // yields an empty string. Thread-safe.
    std::string render(const std::string& name, const TemplateData& data,
                       DiagnosticSink& sink) const;

    bool has_template(const std::string& name) const { return templates_.count(name) > 0; }
    const std::map<std::string, ThemeFile>& templates() const { return templates_; }
    const std::map<std::string, ThemeFile>& partials() const { return partials_; }

    // Asset files (paths relative to the theme's assets/ folder) with their bytes; a site's file
    // replaces the default's of the same path. A site's asset that is a link to a file outside
    // the site folder is reported to `sink` and left out.
    std::map<std::string, std::string> assets(DiagnosticSink& sink) const;

  private:
    void load_folder(const std::string& folder, std::map<std::string, ThemeFile>& into,
                     DiagnosticSink& sink);
    void check(const ThemeFile& file, DiagnosticSink& sink) const;

    const FileSystem& source_files_;
    std::string override_root_; // "themes/<name>" inside the source file system
    std::unique_ptr<FileSystem> defaults_;
    std::string default_root_; // real path of the default theme, for diagnostics
    std::map<std::string, ThemeFile> templates_;
    std::map<std::string, ThemeFile> partials_;
    std::map<std::string, TemplateData> partial_data_; // the partials as the renderer takes them
    std::map<std::string, std::string> rendered_text_; // each template, its partials inlined
    std::uint64_t id_;                                 // names this theme in parsed-template caches
};

// Converts a byte offset inside `text` to a 1-based line and column.
SourceLocation locate_offset(const SourceLocation& origin, const std::string& text,
                             std::size_t offset);

} // namespace bp::site
