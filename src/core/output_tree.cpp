#include "core/output_tree.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace fs = std::filesystem;

namespace bp {

OutputTree::OutputTree(std::string destination) : destination_(std::move(destination)) {
    while (destination_.size() > 1 && destination_.back() == '/')
        destination_.pop_back();
    fs::path target = fs::absolute(destination_);
    staging_ = (target.parent_path() /
                ("." + target.filename().string() + ".staging-" + std::to_string(::getpid())))
                   .string();
    std::error_code ec;
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_);
}

OutputTree::~OutputTree() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

std::string OutputTree::staging_path(const std::string& path) const {
    return path.empty() ? staging_ : (fs::path(staging_) / path).string();
}

void OutputTree::write(const std::string& path, std::string_view bytes) {
    fs::path full = fs::path(staging_) / path;
    fs::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + full.string());
    std::lock_guard lock(mutex_);
    written_.push_back(path);
}

void OutputTree::copy_file(const std::string& path, const std::string& source_native_path) {
    fs::path full = fs::path(staging_) / path;
    fs::create_directories(full.parent_path());
    fs::copy_file(source_native_path, full, fs::copy_options::overwrite_existing);
    std::lock_guard lock(mutex_);
    written_.push_back(path);
}

std::vector<std::string> OutputTree::written() const {
    std::lock_guard lock(mutex_);
    auto copy = written_;
    std::sort(copy.begin(), copy.end());
    return copy;
}

bool OutputTree::commit(std::string& error) {
    std::error_code ec;
    fs::path target = fs::absolute(destination_);
    fs::path old = target.parent_path() /
                   ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
    fs::remove_all(old, ec);
    bool had_previous = fs::exists(target);
    if (had_previous) {
        fs::rename(target, old, ec);
        if (ec) {
            error = "cannot move the previous " + target.string() + " aside: " + ec.message();
            return false;
        }
    }
    fs::rename(staging_, target, ec);
    if (ec) {
        error = "cannot move the new build into " + target.string() + ": " + ec.message();
        if (had_previous)
            fs::rename(old, target, ec);
        return false;
    }
    committed_ = true;
    fs::remove_all(old, ec);
    return true;
}

} // namespace bp
