#include "cli/preview_server.hpp"

#include "cli/served_path.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"

#include <filesystem>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <optional>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

std::string content_type(const std::string& path) {
    static const std::pair<const char*, const char*> types[] = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css"},
        {".js", "text/javascript"},
        {".svg", "image/svg+xml"},
        {".pdf", "application/pdf"},
        {".json", "application/json"},
        {".xml", "application/xml"},
        {".ics", "text/calendar"},
        {".png", "image/png"},
        {".csv", "text/csv"},
        {".woff2", "font/woff2"},
        {".pf_meta", "application/octet-stream"}};
    for (const auto& [extension, type] : types)
        if (ends_with(path, extension))
            return type;
    return "application/octet-stream";
}

std::optional<std::string> read_file(const fs::path& path) {
    return read_regular_file(path.string());
}

} // namespace

std::string reload_script() {
    return R"(<script>
(function () {
  var version = null;
  function overlay(text) {
    var box = document.getElementById('boardpack-errors');
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement('pre');
      box.id = 'boardpack-errors';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;' +
        'background:#0b0c0c;color:#fff;border-left:8px solid #d4351c;padding:1rem;z-index:9999;' +
        'font:14px/1.4 monospace;white-space:pre-wrap';
      document.body.appendChild(box);
    }
    box.textContent = 'The last change did not build; this is the last good version.\n\n' + text;
  }
  function poll() {
    fetch('/__boardpack/status', {cache: 'no-store'}).then(function (r) { return r.json(); })
      .then(function (s) {
        if (version !== null && s.version !== version) { location.reload(); return; }
        version = s.version;
        overlay(s.errors);
      }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
  }
  poll();
})();
</script>
)";
}

PreviewServer::PreviewServer(std::string site_root)
    : site_root_(std::move(site_root)), server_(std::make_unique<httplib::Server>()) {
    server_->Get("/__boardpack/status", [this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(status_json(), "application/json");
    });
    server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (host_allowed(req.get_header_value("Host"), bound_address_))
            return httplib::Server::HandlerResponse::Unhandled;
        res.status = 403;
        res.set_content("Forbidden: this preview answers only to its own address", "text/plain");
        return httplib::Server::HandlerResponse::Handled;
    });
    server_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
        // Under the base path first, as the published site is; then the path as it stands, so
        // a folder that happens to share the base path's name is still reachable at "/".
        ServedPath served;
        std::string ahead = overlay();
        for (const std::string& root : {ahead, site_root_}) {
            if (root.empty())
                continue;
            served = resolve_served_path(root, path_within_site(req.path, base_path()));
            if (served.status == 404)
                served = resolve_served_path(root, req.path);
            if (served.status != 404)
                break;
        }
        if (served.status == 403) {
            res.status = 403;
            res.set_content("Forbidden", "text/plain");
            return;
        }
        bool missing = served.status != 200;
        if (missing)
            served = resolve_served_path(site_root_, "/404.html");
        auto body = served.status == 200 ? read_file(served.file) : std::nullopt;
        if (!body) {
            res.status = 404;
            res.set_content("Not found", "text/plain");
            return;
        }
        if (missing)
            res.status = 404;
        std::string type = content_type(served.file.string());
        if (starts_with(type, "text/html")) {
            auto end = body->rfind("</body>");
            body->insert(end == std::string::npos ? body->size() : end, reload_script());
        }
        res.set_header("Cache-Control", "no-store");
        res.set_content(*body, type.c_str());
    });
}

PreviewServer::~PreviewServer() {
    stop();
}

bool PreviewServer::start(const std::string& address, int port) {
    bound_address_ = address;
    if (!server_->bind_to_port(address, port))
        return false;
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    return true;
}

void PreviewServer::stop() {
    if (server_)
        server_->stop();
    if (thread_.joinable())
        thread_.join();
}

void PreviewServer::publish_success() {
    std::lock_guard lock(mutex_);
    ++version_;
    errors_.clear();
}

void PreviewServer::set_base_path(const std::string& base_path) {
    std::lock_guard lock(mutex_);
    base_path_ = base_path;
}

void PreviewServer::set_overlay(const std::string& folder) {
    std::lock_guard lock(mutex_);
    overlay_ = folder;
}

std::string PreviewServer::overlay() const {
    std::lock_guard lock(mutex_);
    return overlay_;
}

std::string PreviewServer::base_path() const {
    std::lock_guard lock(mutex_);
    return base_path_;
}

void PreviewServer::publish_failure(const std::string& diagnostics) {
    std::lock_guard lock(mutex_);
    errors_ = diagnostics;
}

std::string PreviewServer::status_json() const {
    std::lock_guard lock(mutex_);
    nlohmann::ordered_json status = {{"version", version_}, {"errors", errors_}};
    return status.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace bp::cli
