#include "pack/pdf_update.hpp"

#include "core/text.hpp"
#include "pack/flate.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

namespace bp::pack {

namespace {

// As many small objects to an object stream as qpdf's writer puts in one.
constexpr std::size_t objects_per_stream = 100;
// The ID's two strings until stamp_content_id puts the file's digest in their place: qpdf's
// own placeholder, so that a file holds one kind whichever wrote it.
const std::string placeholder_id = "31415926535897932384626433832795";

// The offset after the file's last "startxref": where its newest cross-reference section is.
std::optional<std::size_t> last_cross_reference(const std::string& original) {
    std::size_t at = original.rfind("startxref");
    if (at == std::string::npos)
        return std::nullopt;
    std::string_view rest = std::string_view(original).substr(at + 9);
    std::size_t start = rest.find_first_not_of(" \r\n");
    if (start == std::string_view::npos)
        return std::nullopt;
    std::size_t end = rest.find_first_not_of("0123456789", start);
    return parse_count(rest.substr(start, end - start));
}

// Where an object is found once the update is read: written plainly at `offset`, or as
// object `index` of the object stream numbered `stream`.
struct XrefEntry {
    bool in_stream = false;
    std::size_t offset_or_stream = 0;
    int generation_or_index = 0;
};

// What the update holds, found from the changed objects outwards.
class UpdateWalk {
  public:
    explicit UpdateWalk(int first_new) : first_new_(first_new) {}

    void add(QPDFObjectHandle object) {
        if (seen_.insert(object.getObjGen()).second)
            pending_.push_back(object);
    }
    // Every object to write, in the order found.
    std::vector<QPDFObjectHandle> finish() {
        for (std::size_t i = 0; i < pending_.size(); ++i)
            walk_contents(pending_[i]);
        return std::move(pending_);
    }
    // References found inside a direct object, such as the trailer.
    void add_references_in(QPDFObjectHandle direct) { walk_direct(direct); }

  private:
    void walk_contents(QPDFObjectHandle object) {
        walk_direct(object.isStream() ? object.getDict() : object, true);
    }
    // The children of a direct object (or of the object being written, `top`): a reference
    // to a new object is followed, one to the file's objects is left as it is.
    void walk_direct(QPDFObjectHandle object, bool top = false) {
        if (!top && object.getObjGen().isIndirect()) {
            if (object.getObjGen().getObj() >= first_new_)
                add(object);
            return;
        }
        if (object.isArray()) {
            for (QPDFObjectHandle item : object.aitems())
                walk_direct(item);
        } else if (object.isDictionary()) {
            for (auto& [key, value] : object.ditems())
                walk_direct(value);
        }
    }

    int first_new_;
    std::set<QPDFObjGen> seen_;
    std::vector<QPDFObjectHandle> pending_;
};

// The update's bytes, with the offsets of what it writes counted from the file's start.
class UpdateWriter {
  public:
    UpdateWriter(std::size_t start, int next_id) : start_(start), next_id_(next_id) {}

    // The objects to be written, before any is: the object streams and the cross-reference
    // stream are numbered after all of them.
    void reserve_numbers(const std::vector<QPDFObjectHandle>& objects) {
        for (const QPDFObjectHandle& object : objects)
            next_id_ = std::max(next_id_, object.getObjGen().getObj() + 1);
    }

    void write(QPDFObjectHandle object) {
        QPDFObjGen id = object.getObjGen();
        if (object.isStream())
            write_stream(id, object);
        else if (id.getGen() != 0) // an object stream holds generation 0 only
            write_plain(id, object.unparseResolved());
        else
            queue_small(id, object.unparseResolved());
    }

    // The object streams still pending, the cross-reference stream and the trailer's end.
    std::string finish(QPDFObjectHandle trailer, std::size_t previous) {
        flush_small();
        int xref_id = next_id_++;
        entries_[xref_id] = {false, start_ + bytes_.size(), 0};
        std::string dictionary = "/Type /XRef /Size " + std::to_string(next_id_);
        for (const char* key : {"/Root", "/Info"})
            if (trailer.hasKey(key))
                dictionary += std::string(" ") + key + " " + trailer.getKey(key).unparse();
        dictionary += " /ID [<" + placeholder_id + "><" + placeholder_id + ">]";
        dictionary += " /Prev " + std::to_string(previous);
        std::size_t at = start_ + bytes_.size();
        dictionary += cross_reference_table(); // sets the widths that the rows are written in
        write_stream_bytes(QPDFObjGen(xref_id, 0), dictionary,
                           flate_compress(cross_reference_rows()));
        bytes_ += "startxref\n" + std::to_string(at) + "\n%%EOF\n";
        return std::move(bytes_);
    }

  private:
    void write_plain(QPDFObjGen id, const std::string& body) {
        entries_[id.getObj()] = {false, start_ + bytes_.size(), id.getGen()};
        bytes_ += std::to_string(id.getObj()) + " " + std::to_string(id.getGen()) + " obj\n";
        bytes_ += body;
        bytes_ += "\nendobj\n";
    }
    void write_stream(QPDFObjGen id, QPDFObjectHandle stream) {
        std::string data = raw_data(stream);
        QPDFObjectHandle dictionary = stream.getDict().shallowCopy();
        dictionary.removeKey("/Length");
        std::string keys = dictionary.unparseResolved();
        // "<< … >>" without its brackets, so that /Length can join it.
        write_stream_bytes(id, keys.substr(2, keys.size() - 4), data);
    }
    static std::string raw_data(QPDFObjectHandle stream) {
        auto buffer = stream.getRawStreamData();
        if (buffer->getSize() == 0)
            return {};
        return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
    }
    void write_stream_bytes(QPDFObjGen id, const std::string& keys, const std::string& data) {
        write_plain(id, "<< " + keys + " /Length " + std::to_string(data.size()) + " >>\nstream\n" +
                            data + "\nendstream");
    }

    void queue_small(QPDFObjGen id, std::string body) {
        small_.emplace_back(id.getObj(), std::move(body));
        if (small_.size() == objects_per_stream)
            flush_small();
    }
    // The queued small objects as one compressed object stream.
    void flush_small() {
        if (small_.empty())
            return;
        int stream_id = next_id_++;
        std::string numbers;
        std::string bodies;
        for (std::size_t i = 0; i < small_.size(); ++i) {
            auto& [number, body] = small_[i];
            numbers += std::to_string(number) + " " + std::to_string(bodies.size()) + " ";
            bodies += body;
            bodies += "\n";
            entries_[number] = {true, static_cast<std::size_t>(stream_id), static_cast<int>(i)};
        }
        std::string keys = "/Type /ObjStm /N " + std::to_string(small_.size()) + " /First " +
                           std::to_string(numbers.size()) + " /Filter /FlateDecode";
        write_stream_bytes(QPDFObjGen(stream_id, 0), keys, flate_compress(numbers + bodies));
        small_.clear();
    }

    // Field widths and /Index of the cross-reference stream, as dictionary keys.
    std::string cross_reference_table() {
        std::size_t largest = 0;
        for (const auto& [number, entry] : entries_)
            largest = std::max(largest, entry.offset_or_stream);
        offset_width_ = 1;
        while (offset_width_ < 8 && (largest >> (8 * offset_width_)) != 0)
            ++offset_width_;
        std::string index = " /Index [";
        for (auto run = entries_.begin(); run != entries_.end();) {
            auto end = std::next(run);
            int count = 1;
            while (end != entries_.end() && end->first == run->first + count) {
                ++end;
                ++count;
            }
            index += std::to_string(run->first) + " " + std::to_string(count) + " ";
            run = end;
        }
        index.back() = ']';
        return index + " /W [1 " + std::to_string(offset_width_) + " 2] /Filter /FlateDecode";
    }
    std::string cross_reference_rows() const {
        std::string rows;
        auto put = [&rows](std::size_t value, int width) {
            for (int shift = 8 * (width - 1); shift >= 0; shift -= 8)
                rows += static_cast<char>((value >> shift) & 0xff);
        };
        for (const auto& [number, entry] : entries_) {
            rows += static_cast<char>(entry.in_stream ? 2 : 1);
            put(entry.offset_or_stream, offset_width_);
            put(static_cast<std::size_t>(entry.generation_or_index), 2);
        }
        return rows;
    }

    std::size_t start_;
    int next_id_;
    std::string bytes_;
    std::vector<std::pair<int, std::string>> small_;
    std::map<int, XrefEntry> entries_;
    int offset_width_ = 1;
};

} // namespace

bool can_take_update(const std::string& original, QPDF& pdf) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    return original.substr(0, 1024).find("/Linearized") == std::string::npos &&
           !trailer.hasKey("/Encrypt") && trailer.getKey("/Size").isInteger() &&
           last_cross_reference(original).has_value();
}

std::string append_update(const std::string& original, QPDF& pdf,
                          const std::vector<QPDFObjectHandle>& changed) {
    if (!can_take_update(original, pdf))
        throw std::runtime_error("the PDF cannot take an incremental update");
    QPDFObjectHandle trailer = pdf.getTrailer();
    int first_new = trailer.getKey("/Size").getIntValueAsInt();
    UpdateWalk walk(first_new);
    for (const QPDFObjectHandle& object : changed)
        walk.add(object);
    walk.add_references_in(trailer);
    std::string bytes = original;
    if (!bytes.ends_with('\n'))
        bytes += '\n';
    UpdateWriter writer(bytes.size(), first_new);
    std::vector<QPDFObjectHandle> objects = walk.finish();
    writer.reserve_numbers(objects);
    for (QPDFObjectHandle object : objects)
        writer.write(object);
    bytes += writer.finish(trailer, *last_cross_reference(original));
    return bytes;
}

} // namespace bp::pack
