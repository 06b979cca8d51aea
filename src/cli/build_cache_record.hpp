#pragma once
// A record, kept in the build cache, of the last build into an output folder: a digest of
// every input, and one of each output file's path, size and modification time. A later build
// whose inputs have the same digest, into a folder still exactly as that build left it, has
// nothing to do.
#include "cli/build_cache.hpp"
#include "content/model.hpp"

#include <optional>
#include <set>
#include <string>

namespace bp::cli {

struct BuildRecord {
    std::size_t meetings = 0;
    int packs = 0;
    int pages = 0;
    std::string warnings; // the build's warnings, as cache_note() writes them
    // Files outside content/ that papers read (images, appendices) and the logo.
    std::set<std::string> files_outside_content;
};

class BuildRecords {
  public:
    BuildRecords(const BuildCache& cache, std::string source, std::string out,
                 content::Audience audience);
    // The record of the last build into the output folder, when every input has the digest
    // it had then and the folder holds exactly the files that build wrote, unaltered.
    std::optional<BuildRecord> up_to_date() const;
    // After a build was swapped in: records its inputs, as digested before it started, and
    // the output folder as the build wrote it (`written`, committed), without a walk of it.
    void store(const BuildRecord& record, const OutputTree& written) const;

  private:
    std::string part() const;
    const BuildCache& cache_;
    std::string source_;
    std::string out_;
    content::Audience audience_;
    std::string inputs_; // digest of the inputs every build reads, taken when constructed
};

} // namespace bp::cli
