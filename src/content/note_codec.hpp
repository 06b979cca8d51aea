#pragma once
// The bytes of what a memo keeps (a meeting as the index reads it, a board's records): fields
// one after another, a text as its length, ':' and its bytes, a number followed by ';'. Nothing
// is escaped, so reading is a scan of digits and a copy. A reader throws std::invalid_argument
// at the first field that is not whole.
#include "core/date.hpp"
#include "core/diagnostics.hpp"

#include <charconv>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bp::content {

class NoteWriter {
  public:
    void text(const std::string& value) {
        bytes_ += std::to_string(value.size());
        bytes_ += ':';
        bytes_ += value;
    }
    void number(long long value) {
        bytes_ += std::to_string(value);
        bytes_ += ';';
    }
    void flag(bool value) { number(value ? 1 : 0); }
    void location(const SourceLocation& where) {
        text(where.file);
        number(where.line);
        number(where.column);
    }
    void date(const Date& value) { text(value.iso()); }
    void optional_date(const std::optional<Date>& value) {
        flag(value.has_value());
        if (value)
            date(*value);
    }
    std::string take() { return std::move(bytes_); }

  private:
    std::string bytes_;
};

class NoteReader {
  public:
    explicit NoteReader(std::string_view bytes) : rest_(bytes), start_(bytes.data()) {}
    std::string text() { return std::string(text_view()); }
    // The same without a copy: valid while the bytes read are.
    std::string_view text_view() {
        std::size_t size = digits_before(':');
        if (size > rest_.size())
            throw std::invalid_argument("a kept note ends early");
        std::string_view value = rest_.substr(0, size);
        rest_.remove_prefix(size);
        return value;
    }
    // How many bytes have been read: where the next field starts.
    std::size_t position() const { return static_cast<std::size_t>(rest_.data() - start_); }
    long long number() {
        long long value = 0;
        auto [end, error] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), value);
        if (error != std::errc() || end == rest_.data() + rest_.size() || *end != ';')
            throw std::invalid_argument("not a number in a kept note");
        rest_.remove_prefix(static_cast<std::size_t>(end - rest_.data()) + 1);
        return value;
    }
    int integer() { return static_cast<int>(number()); }
    bool flag() { return number() != 0; }
    std::size_t count() {
        long long value = number();
        if (value < 0 || static_cast<unsigned long long>(value) > rest_.size())
            throw std::invalid_argument("a count beyond a kept note's end");
        return static_cast<std::size_t>(value);
    }
    template <typename Enum> Enum choice(Enum last) {
        long long value = number();
        if (value < 0 || value > static_cast<long long>(last))
            throw std::invalid_argument("a choice out of range in a kept note");
        return static_cast<Enum>(value);
    }
    SourceLocation location() {
        SourceLocation where;
        where.file = text();
        where.line = integer();
        where.column = integer();
        return where;
    }
    Date date() {
        auto value = parse_date(text());
        if (!value)
            throw std::invalid_argument("not a date in a kept note");
        return *value;
    }
    std::optional<Date> optional_date() {
        if (!flag())
            return std::nullopt;
        return date();
    }
    bool done() const { return rest_.empty(); }

  private:
    std::size_t digits_before(char mark) {
        std::size_t value = 0;
        auto [end, error] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), value);
        if (error != std::errc() || end == rest_.data() + rest_.size() || *end != mark)
            throw std::invalid_argument("not a length in a kept note");
        rest_.remove_prefix(static_cast<std::size_t>(end - rest_.data()) + 1);
        return value;
    }
    std::string_view rest_;
    const char* start_;
};

} // namespace bp::content
