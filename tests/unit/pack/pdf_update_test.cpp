#include "core/filesystem.hpp"
#include "pack/flate.hpp"
#include "pack/pdf_update.hpp"
#include "pack/post_pass.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

std::filesystem::path test_folder() {
    return std::filesystem::temp_directory_path() / "boardpack-pack-tests" / "pdf-update";
}

std::string stream_text(QPDFObjectHandle stream) {
    auto buffer = stream.getStreamData(qpdf_dl_generalized);
    return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
}

void add_page(QPDF& pdf, const std::string& content) {
    QPDFObjectHandle page = pdf.makeIndirectObject(
        QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 200 200] /Resources << >> >>"));
    page.replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
    QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);
}

// A file of `pages` pages as qpdf writes one, object streams and all.
std::string written_pdf(int pages, bool linearise = false) {
    QPDF pdf;
    pdf.emptyPDF();
    for (int i = 0; i < pages; ++i)
        add_page(pdf, "0 0 m " + std::to_string(i) + " 10 l S");
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setStaticID(true);
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setLinearization(linearise);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
}

struct Opened {
    std::string bytes;
    QPDF pdf;
    explicit Opened(std::string file) : bytes(std::move(file)) {
        pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
    }
};

std::vector<QPDFObjectHandle> root_and_pages(QPDF& pdf) {
    std::vector<QPDFObjectHandle> changed{pdf.getRoot(), pdf.getRoot().getKey("/Pages")};
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages())
        changed.push_back(page.getObjectHandle());
    return changed;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++count;
    return count;
}

} // namespace

TEST_CASE("an update leaves the file's bytes as they were and adds what changed after them") {
    std::string original = written_pdf(2);
    QPDF pdf;
    pdf.processMemoryFile("original.pdf", original.data(), original.size());
    add_page(pdf, "5 5 m 20 20 l S");
    pdf.getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
    std::string updated = append_update(original, pdf, root_and_pages(pdf));
    stamp_content_id(updated);

    CHECK(updated.starts_with(original));
    // The update's trailer points back to the file's own cross-reference stream.
    std::size_t previous = original.rfind("startxref\n") + 10;
    std::string offset = original.substr(previous, original.find('\n', previous) - previous);
    CHECK(updated.find("/Prev " + offset + " ", original.size()) != std::string::npos);

    Opened reread(updated);
    auto pages = QPDFPageDocumentHelper(reread.pdf).getAllPages();
    REQUIRE(pages.size() == 3);
    CHECK(stream_text(pages[0].getObjectHandle().getKey("/Contents")) == "0 0 m 0 10 l S");
    CHECK(stream_text(pages[2].getObjectHandle().getKey("/Contents")) == "5 5 m 20 20 l S");
    CHECK(reread.pdf.getRoot().getKey("/PageMode").getName() == "/UseOutlines");

    std::string path = save_pdf(test_folder(), "updated.pdf", updated);
    CommandResult check = run_command("qpdf --check '" + path + "' 2>&1");
    CHECK(check.status == 0);
    CHECK(check.output.find("WARNING") == std::string::npos);
    CHECK(run_command("pdfinfo '" + path + "' 2>&1").output.find("Pages:           3") !=
          std::string::npos);
}

TEST_CASE("an object of the file that the change does not name keeps the file's version") {
    std::string original = written_pdf(2);
    QPDF pdf;
    pdf.processMemoryFile("original.pdf", original.data(), original.size());
    QPDFObjectHandle first = QPDFPageDocumentHelper(pdf).getAllPages()[0].getObjectHandle();
    first.replaceKey("/Rotate", QPDFObjectHandle::newInteger(90));
    std::string named = append_update(original, pdf, {pdf.getRoot(), first});
    std::string unnamed = append_update(original, pdf, {pdf.getRoot()});

    Opened with_page(named);
    CHECK(QPDFPageDocumentHelper(with_page.pdf)
              .getAllPages()[0]
              .getObjectHandle()
              .getKey("/Rotate")
              .getIntValue() == 90);
    Opened without_page(unnamed);
    CHECK_FALSE(QPDFPageDocumentHelper(without_page.pdf)
                    .getAllPages()[0]
                    .getObjectHandle()
                    .hasKey("/Rotate"));
}

TEST_CASE("an update packs small objects a hundred to a stream and copies streams as they are") {
    std::string original = written_pdf(1);
    QPDF pdf;
    pdf.processMemoryFile("original.pdf", original.data(), original.size());
    QPDFObjectHandle numbers = QPDFObjectHandle::newArray();
    for (int i = 0; i < 250; ++i)
        numbers.appendItem(pdf.makeIndirectObject(QPDFObjectHandle::newInteger(i * 7)));
    pdf.getRoot().replaceKey("/Numbers", numbers);
    std::string plain = "a line of text that compresses well; " + std::string(400, 'x');
    std::string compressed = flate_compress(plain);
    QPDFObjectHandle stream = QPDFObjectHandle::newStream(&pdf);
    stream.replaceStreamData(compressed, QPDFObjectHandle::newName("/FlateDecode"),
                             QPDFObjectHandle::newNull());
    pdf.getRoot().replaceKey("/ZNote", stream);
    std::string updated = append_update(original, pdf, {pdf.getRoot()});
    stamp_content_id(updated);

    std::string update = updated.substr(original.size());
    // 250 numbers and the catalogue in three object streams; the note in none.
    CHECK(count_of(update, "/Type /ObjStm") == 3);
    CHECK(update.find(compressed) != std::string::npos);

    Opened reread(updated);
    QPDFObjectHandle read = reread.pdf.getRoot().getKey("/Numbers");
    REQUIRE(read.getArrayNItems() == 250);
    bool all_read = true;
    for (int i = 0; i < 250; ++i)
        all_read = all_read && read.getArrayItem(i).getIntValue() == i * 7;
    CHECK(all_read);
    CHECK(stream_text(reread.pdf.getRoot().getKey("/ZNote")) == plain);
    // No number is given twice: the object streams are numbered after every object written,
    // the note among them, written after the first hundred.
    CHECK(reread.pdf.getObjectCount() == reread.pdf.getAllObjects().size());
    std::string path = save_pdf(test_folder(), "numbers.pdf", updated);
    CHECK(run_command("qpdf --check '" + path + "' 2>&1").status == 0);
}

TEST_CASE("the same change to the same file gives the same bytes") {
    std::string original = written_pdf(3);
    auto updated = [&original] {
        QPDF pdf;
        pdf.processMemoryFile("original.pdf", original.data(), original.size());
        add_page(pdf, "1 1 m 2 2 l S");
        std::string bytes = append_update(original, pdf, root_and_pages(pdf));
        stamp_content_id(bytes);
        return bytes;
    };
    std::string first = updated();
    CHECK(first == updated());
    // The file written by qpdf keeps its placeholder; the update's ID is stamped.
    CHECK(first.substr(original.size()).find("31415926535897932384626433832795") ==
          std::string::npos);
}

TEST_CASE("a linearised file, or an encrypted one, is not given an update") {
    std::string linearised = written_pdf(2, true);
    QPDF pdf;
    pdf.processMemoryFile("linearised.pdf", linearised.data(), linearised.size());
    CHECK_FALSE(can_take_update(linearised, pdf));
    CHECK_THROWS_AS(append_update(linearised, pdf, {pdf.getRoot()}), std::runtime_error);

    std::string plain_path = save_pdf(test_folder(), "plain.pdf", written_pdf(1));
    std::string locked_path = (test_folder() / "locked.pdf").string();
    REQUIRE(
        run_command("qpdf --encrypt reader owner 256 -- '" + plain_path + "' '" + locked_path + "'")
            .status == 0);
    std::string locked = read_regular_file(locked_path).value_or("");
    QPDF encrypted;
    encrypted.processMemoryFile("locked.pdf", locked.data(), locked.size(), "reader");
    CHECK_FALSE(can_take_update(locked, encrypted));

    std::string plain = written_pdf(1);
    QPDF open;
    open.processMemoryFile("plain.pdf", plain.data(), plain.size());
    CHECK(can_take_update(plain, open));
}
