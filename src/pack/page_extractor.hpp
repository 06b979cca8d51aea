#pragma once
// Cutting page ranges out of a finished pack as PDFs of their own: the agenda PDF and the
// PDF of each report.
#include "pack/composed_pack.hpp"

#include <cstddef>
#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <string>
#include <vector>

namespace bp::pack {

// A meeting's extracts are cut from its pack in hand, before the pack is written; one made
// from a written pack reads it once for all its extracts. Each extract is written from the
// pack's own objects, the rest left out by giving the pack, for the time of one write, a
// catalog and a page tree holding only the extract's pages; the fonts come along already
// compressed, with no copy of any object. Page labels keep the pack's numbers, so page 1 of
// an extract is labelled `first` (or `first_label`, when given: the printed number, where it
// differs). Links are left out: they point into the rest of the pack. An extract has no object
// streams: it is a few dozen objects, so they would save a couple of kilobytes and double the
// cost of writing it (bench/README.md).
class PageExtractor {
  public:
    // `finished` must outlive the extractor. Throws when qpdf cannot read it. Extracts are
    // linearised when the pack is and they are larger than `linearise_above` bytes
    // (fast_web_view_bytes in pack.hpp).
    explicit PageExtractor(const std::string& finished,
                           std::size_t linearise_above = fast_web_view_bytes);
    // Cuts from a pack still being finished (finish_pdf), before it is written: reading the
    // written pack back (its object streams inflated, its page tree walked) would cost about
    // as much as writing an extract. Each extract leaves `pack` as it found it.
    // Its extracts are linearised when `linearise` is set and they are larger than
    // `linearise_above` bytes, as the pack itself.
    PageExtractor(QPDF& pack, bool linearise, std::size_t linearise_above = fast_web_view_bytes);
    PageExtractor(const PageExtractor&) = delete;
    PageExtractor& operator=(const PageExtractor&) = delete;
    int page_count() const { return static_cast<int>(pages_.size()); }
    // Pages `first`..`last` (1-based, inclusive). Returns "" and sets `error` on failure.
    std::string extract(int first, int last, const std::vector<OutlineEntry>& outline,
                        const DocumentInfo& info, std::string& error, int first_label = 0);

  private:
    std::string write_extract(int first, int last, const std::vector<OutlineEntry>& outline,
                              const DocumentInfo& info, int first_label);

    std::unique_ptr<QPDF> read_; // the pack's bytes as read, unless cut from a pack in hand
    QPDF& source_;
    std::vector<QPDFPageObjectHelper> pages_;
    bool linearise_ = true; // extracts larger than linearise_above_ are linearised
    std::size_t linearise_above_;
};

} // namespace bp::pack
