#include "core/save_burst.hpp"

namespace bp {

void SaveBurst::note(std::string_view path, FileChange change) {
    if (change == FileChange::writing) {
        open_.emplace(path);
        return;
    }
    if (auto found = open_.find(path); found != open_.end())
        open_.erase(found);
}

} // namespace bp
