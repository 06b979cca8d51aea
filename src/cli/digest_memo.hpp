#pragma once
// The build cache's copy of the file digests a build worked out (remembered_digests_text in
// core/digest.hpp): the next build digests a source again only when its size or times changed,
// rather than reading every file of the site to learn that nothing did.
#include "cli/build_cache.hpp"
#include "content/model.hpp"

#include <string>

namespace bp::cli {

class DigestMemo {
  public:
    // Recalls the digests the last build with this cache kept, when there are any.
    DigestMemo(const BuildCache& cache, content::Audience audience);
    // Keeps the digests this build asked for, when they are not what was recalled.
    void save() const;

  private:
    const BuildCache& cache_;
    std::string part_;
    std::string recalled_; // a damage check of what was recalled: an archive's is megabytes
};

} // namespace bp::cli
