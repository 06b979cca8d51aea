#include "core/filesystem.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace bp {

std::string join_path(const std::string& a, const std::string& b) {
    if (a.empty() || a == ".")
        return b;
    if (b.empty())
        return a;
    if (a.back() == '/')
        return a + b;
    return a + "/" + b;
}

std::string parent_path(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string file_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string file_extension(const std::string& path) {
    std::string name = file_name(path);
    auto dot = name.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot);
}

std::string file_stem(const std::string& path) {
    std::string name = file_name(path);
    return name.substr(0, name.size() - file_extension(name).size());
}

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {}

std::string DiskFileSystem::resolve(const std::string& path) const {
    return join_path(root_, path);
}

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
    std::ifstream in(resolve(path), std::ios::binary);
    if (!in || !fs::is_regular_file(resolve(path)))
        return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

bool DiskFileSystem::is_file(const std::string& path) const {
    std::error_code ec;
    return fs::is_regular_file(resolve(path), ec);
}

bool DiskFileSystem::is_directory(const std::string& path) const {
    std::error_code ec;
    return fs::is_directory(resolve(path.empty() ? "." : path), ec);
}

std::vector<std::string> DiskFileSystem::list(const std::string& directory) const {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry :
         fs::directory_iterator(resolve(directory.empty() ? "." : directory), ec)) {
        std::string name = entry.path().filename().string();
        if (!name.empty() && name[0] != '.')
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> DiskFileSystem::native_path(const std::string& path) const {
    if (!is_file(path))
        return std::nullopt;
    return resolve(path);
}

void MemoryFileSystem::add(const std::string& path, std::string contents) {
    files_[path] = std::move(contents);
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
    auto it = files_.find(path);
    if (it == files_.end())
        return std::nullopt;
    return it->second;
}

bool MemoryFileSystem::is_file(const std::string& path) const {
    return files_.count(path) > 0;
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
    if (path.empty() || path == ".")
        return true;
    std::string prefix = path + "/";
    auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryFileSystem::list(const std::string& directory) const {
    std::string prefix = (directory.empty() || directory == ".") ? "" : directory + "/";
    std::set<std::string> names;
    for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
        if (it->first.compare(0, prefix.size(), prefix) != 0)
            break;
        std::string rest = it->first.substr(prefix.size());
        std::string name = rest.substr(0, rest.find('/'));
        if (!name.empty() && name[0] != '.')
            names.insert(name);
    }
    return {names.begin(), names.end()};
}

} // namespace bp
