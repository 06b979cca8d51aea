#include "pack/page_extractor.hpp"

#include "pack/post_pass.hpp"

#include <exception>
#include <qpdf/QPDFPageDocumentHelper.hh>

namespace bp::pack {

namespace {

// For its lifetime, `pdf` is the document of `pages` alone: its trailer names a new catalog
// whose page tree holds them, and each of them names that tree as its parent and has no links
// (they point into the rest of the pack). The writer writes only what the trailer reaches, so
// the rest of the pack is left out. Everything is put back when the view ends, so the next
// extract, or the pack's own writing, starts from the pack as it was.
class ExtractView {
  public:
    ExtractView(QPDF& pdf, const std::vector<QPDFPageObjectHelper>& pages)
        : pdf_(pdf), trailer_(pdf.getTrailer()), root_(trailer_.getKey("/Root")),
          info_(trailer_.getKey("/Info")) {
        QPDFObjectHandle kids = QPDFObjectHandle::newArray();
        for (const auto& page : pages)
            kids.appendItem(page.getObjectHandle());
        QPDFObjectHandle tree = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        tree.replaceKey("/Type", QPDFObjectHandle::newName("/Pages"));
        tree.replaceKey("/Kids", kids);
        tree.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<int>(pages.size())));
        QPDFObjectHandle catalog = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        catalog.replaceKey("/Type", QPDFObjectHandle::newName("/Catalog"));
        catalog.replaceKey("/Pages", tree);
        for (const auto& page : pages) {
            QPDFObjectHandle object = page.getObjectHandle();
            kept_.push_back({object, object.getKey("/Parent"), object.getKey("/Annots")});
            object.replaceKey("/Parent", tree);
            object.removeKey("/Annots");
        }
        trailer_.replaceKey("/Root", catalog);
        pdf.updateAllPagesCache();
    }
    ExtractView(const ExtractView&) = delete;
    ExtractView& operator=(const ExtractView&) = delete;
    ~ExtractView() {
        try {
            for (auto& [page, parent, links] : kept_) {
                page.replaceKey("/Parent", parent);
                if (!links.isNull())
                    page.replaceKey("/Annots", links);
            }
            trailer_.replaceKey("/Root", root_);
            trailer_.replaceKey("/Info", info_);
            pdf_.updateAllPagesCache();
        } catch (const std::exception&) {
            // Only the next extract could notice, and it reports its own failure.
        }
    }

  private:
    QPDF& pdf_;
    QPDFObjectHandle trailer_;
    QPDFObjectHandle root_;
    QPDFObjectHandle info_;
    struct KeptKeys {
        QPDFObjectHandle page, parent, links;
    };
    std::vector<KeptKeys> kept_;
};

std::unique_ptr<QPDF> read_pack(const std::string& finished) {
    auto pack = std::make_unique<QPDF>();
    pack->setSuppressWarnings(true);
    pack->processMemoryFile("pack.pdf", finished.data(), finished.size());
    return pack;
}

} // namespace

PageExtractor::PageExtractor(const std::string& finished, std::size_t linearise_above)
    : read_(read_pack(finished)), source_(*read_), linearise_(source_.isLinearized()),
      linearise_above_(linearise_above) {
    source_.pushInheritedAttributesToPage();
    pages_ = QPDFPageDocumentHelper(source_).getAllPages();
}

PageExtractor::PageExtractor(QPDF& pack, bool linearise, std::size_t linearise_above)
    : source_(pack), linearise_(linearise), linearise_above_(linearise_above) {
    // Each page then carries its own resources and boxes, whichever tree it is put in.
    source_.pushInheritedAttributesToPage();
    pages_ = QPDFPageDocumentHelper(source_).getAllPages();
}

std::string PageExtractor::extract(int first, int last, const std::vector<OutlineEntry>& outline,
                                   const DocumentInfo& info, std::string& error, int first_label) {
    int count = page_count();
    if (first < 1 || last < first || last > count) {
        error = "pages " + std::to_string(first) + "-" + std::to_string(last) +
                " are outside the pack's " + std::to_string(count) + " pages";
        return {};
    }
    try {
        std::string bytes = write_extract(first, last, outline, info, first_label);
        if (!linearise_ || bytes.size() <= linearise_above_)
            return bytes;
        return linearised_copy(bytes, false);
    } catch (const std::exception& failure) {
        error = failure.what();
        return {};
    }
}

std::string PageExtractor::write_extract(int first, int last,
                                         const std::vector<OutlineEntry>& outline,
                                         const DocumentInfo& info, int first_label) {
    std::vector<QPDFPageObjectHelper> pages(pages_.begin() + (first - 1), pages_.begin() + last);
    ExtractView view(source_, pages);
    write_outline(source_, outline);
    write_page_labels(source_, {{0, "", true, first_label > 0 ? first_label : first}});
    write_info(source_, info);
    return write_pdf(source_, false, false);
}

} // namespace bp::pack
