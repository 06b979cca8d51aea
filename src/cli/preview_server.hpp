#pragma once
// Serves a built site (on loopback unless told otherwise) and tells open pages when to reload, or
// what went wrong.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace bp::cli {

class PreviewServer {
  public:
    explicit PreviewServer(std::string site_root);
    ~PreviewServer();
    // False when the address and port cannot be bound. Requests naming another host are refused.
    bool start(const std::string& address, int port);
    void stop();
    // A successful build bumps the version (pages reload); a failed one shows its messages.
    void publish_success();
    void publish_failure(const std::string& diagnostics);
    // The path of site.yaml's base_url ("/boards/"): the site is served there as well as at
    // "/", so links that start from that path (as the 404 page's do) work in the preview.
    void set_base_path(const std::string& base_path);
    // A folder of pages rendered ahead of the next build (an edited meeting's pages): its
    // files are served before the site's until the build that includes them is published.
    // An empty folder serves the site alone.
    void set_overlay(const std::string& folder);

  private:
    std::string status_json() const;
    std::string base_path() const;
    std::string overlay() const;
    std::string site_root_;
    std::string bound_address_ = "127.0.0.1";
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    mutable std::mutex mutex_;
    int version_ = 0;
    std::string errors_;
    std::string base_path_ = "/";
    std::string overlay_;
};

// The script added to every served page: polls the status and reloads or shows an overlay.
std::string reload_script();

} // namespace bp::cli
