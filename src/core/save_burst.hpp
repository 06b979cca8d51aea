#pragma once
// When an editor's save is over. A save is a burst of file-system events: a file written in
// pieces and closed, or a temporary written and renamed over the old file, a backup deleted.
// A preview that builds at the first event may read half a file; one that waits a long pause
// after every event makes each edit wait that pause before its page is shown.
//
// The rule: a file written to or created is open until it is closed after writing, renamed
// into place, deleted or renamed away. While any file of the burst is open, the burst is over
// only after a long pause with no event (an editor may write a file in pieces); once every
// file is closed, after a short one, long enough for the events a save sends after its last
// write (a backup deleted) and short against the build it starts. Either way an event that
// comes after the pause starts another build, so a save is never lost, only built twice.
#include <set>
#include <string>
#include <string_view>

namespace bp {

enum class FileChange {
    writing, // created or written to: more may follow
    written, // closed after writing, or renamed into place: the file is whole
    removed, // deleted or renamed away
};

class SaveBurst {
  public:
    static constexpr int open_pause_ms = 150;
    static constexpr int settled_pause_ms = 25;

    void note(std::string_view path, FileChange change);
    // How long to wait for the burst's next event before taking it as over.
    int pause_ms() const { return open_.empty() ? settled_pause_ms : open_pause_ms; }

  private:
    std::set<std::string, std::less<>> open_; // paths written to and not yet closed
};

} // namespace bp
