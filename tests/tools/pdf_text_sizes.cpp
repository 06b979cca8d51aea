// Reports the size at which a PDF prints its text, as a reader holding the page sees it: the
// font size scaled by the text matrix, the current transformation and the matrices of the form
// XObjects the text is drawn in (charts are placed as scaled forms).
//
//   pdf_text_sizes [--min SIZE] [--external APPENDIX.pdf]... FILE.pdf...
//
// Prints the smallest size on each page. With --min, also prints every text run set smaller
// than SIZE (page, size, operator) and exits 1 when there is one; exits 2 when a file cannot be
// read. Text on the pages of an --external PDF (an appendix merged into a pack as a form) is
// its author's typesetting, not the pack's, and is left out.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <string>
#include <vector>

namespace {

// A PDF matrix [a b c d e f]; points are row vectors, so `then` applies this one first.
struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

    Matrix then(const Matrix& m) const {
        return {a * m.a + b * m.c, a * m.b + b * m.d,       c * m.a + d * m.c,
                c * m.b + d * m.d, e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
    }
    // How tall a unit of text space stands on the page: the length of the transformed y axis.
    double vertical_scale() const { return std::hypot(c, d); }
};

Matrix matrix_from(std::vector<QPDFObjectHandle> numbers) {
    if (numbers.size() != 6)
        return {};
    double v[6];
    for (int i = 0; i < 6; ++i)
        v[i] = numbers[i].isNumber() ? numbers[i].getNumericValue() : 0;
    return {v[0], v[1], v[2], v[3], v[4], v[5]};
}

struct Small {
    int page;
    double size;
    std::string op;
};

struct GraphicsState {
    Matrix ctm;
    double font_size = 0;
};

bool shows_text(QPDFObjectHandle operand) {
    if (operand.isString())
        return !operand.getStringValue().empty();
    if (operand.isArray())
        for (auto& item : operand.getArrayAsVector())
            if (item.isString() && !item.getStringValue().empty())
                return true;
    return false;
}

// The content of each page of the external PDFs, as a form copied from one holds it.
std::set<std::string> external_contents(const std::vector<std::string>& files) {
    std::set<std::string> contents;
    for (const std::string& file : files) {
        QPDF pdf;
        pdf.processFile(file.c_str());
        for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            auto data = page.getFormXObjectForPage().getStreamData(qpdf_dl_generalized);
            contents.insert(
                std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
        }
    }
    return contents;
}

class SizeScanner : public QPDFObjectHandle::ParserCallbacks {
  public:
    SizeScanner(int page, QPDFObjectHandle resources, Matrix ctm, double minimum,
                const std::set<std::string>& external, std::vector<Small>& small, double& smallest,
                int depth)
        : page_(page), resources_(resources), minimum_(minimum), external_(external), small_(small),
          smallest_(smallest), depth_(depth) {
        state_.ctm = ctm;
    }

    void handleObject(QPDFObjectHandle object) override {
        if (!object.isOperator()) {
            operands_.push_back(object);
            return;
        }
        std::string op = object.getOperatorValue();
        if (op == "q") {
            saved_.push_back(state_);
        } else if (op == "Q") {
            if (!saved_.empty()) {
                state_ = saved_.back();
                saved_.pop_back();
            }
        } else if (op == "cm") {
            state_.ctm = matrix_from(operands_).then(state_.ctm);
        } else if (op == "BT") {
            text_matrix_ = {};
        } else if (op == "Tm") {
            text_matrix_ = matrix_from(operands_);
        } else if (op == "Tf" && operands_.size() == 2 && operands_[1].isNumber()) {
            state_.font_size = operands_[1].getNumericValue();
        } else if ((op == "Tj" || op == "TJ" || op == "'" || op == "\"") && !operands_.empty() &&
                   shows_text(operands_.back())) {
            record(std::fabs(state_.font_size) * text_matrix_.then(state_.ctm).vertical_scale(),
                   op);
        } else if (op == "Do" && operands_.size() == 1 && operands_[0].isName()) {
            draw_form(operands_[0].getName());
        }
        operands_.clear();
    }

    void handleEOF() override {}

  private:
    void record(double size, const std::string& op) {
        smallest_ = std::min(smallest_, size);
        if (size < minimum_ - 0.005) // sizes are written to a hundredth of a point
            small_.push_back({page_, size, op});
    }

    void draw_form(const std::string& name) {
        if (depth_ > 8 || !resources_.isDictionary())
            return;
        QPDFObjectHandle xobjects = resources_.getKey("/XObject");
        if (!xobjects.isDictionary())
            return;
        QPDFObjectHandle form = xobjects.getKey(name);
        if (!form.isStream() || !form.getDict().getKey("/Subtype").isNameAndEquals("/Form"))
            return;
        if (!external_.empty()) {
            auto data = form.getStreamData(qpdf_dl_generalized);
            if (external_.count(
                    std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize())))
                return;
        }
        QPDFObjectHandle dict = form.getDict();
        Matrix placed = state_.ctm;
        if (dict.getKey("/Matrix").isArray())
            placed = matrix_from(dict.getKey("/Matrix").getArrayAsVector()).then(state_.ctm);
        QPDFObjectHandle inner = dict.getKey("/Resources");
        SizeScanner scanner(page_, inner.isDictionary() ? inner : resources_, placed, minimum_,
                            external_, small_, smallest_, depth_ + 1);
        QPDFObjectHandle::parseContentStream(form, &scanner);
    }

    int page_;
    QPDFObjectHandle resources_;
    double minimum_;
    const std::set<std::string>& external_;
    std::vector<Small>& small_;
    double& smallest_;
    int depth_;
    GraphicsState state_;
    std::vector<GraphicsState> saved_;
    Matrix text_matrix_;
    std::vector<QPDFObjectHandle> operands_;
};

} // namespace

int main(int argc, char** argv) {
    double minimum = 0;
    std::vector<std::string> files, externals;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--min" && i + 1 < argc)
            minimum = std::atof(argv[++i]);
        else if (arg == "--external" && i + 1 < argc)
            externals.push_back(argv[++i]);
        else
            files.push_back(arg);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: pdf_text_sizes [--min SIZE] FILE.pdf...\n");
        return 2;
    }
    std::set<std::string> external;
    try {
        external = external_contents(externals);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 2;
    }
    bool any_small = false;
    for (const std::string& file : files) {
        try {
            QPDF pdf;
            pdf.processFile(file.c_str());
            int number = 0;
            for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
                ++number;
                std::vector<Small> small;
                double smallest = std::numeric_limits<double>::infinity();
                SizeScanner scanner(number, page.getAttribute("/Resources", false), {}, minimum,
                                    external, small, smallest, 0);
                page.parseContents(&scanner);
                if (std::isfinite(smallest))
                    std::printf("%s: page %d: smallest text %.3f pt\n", file.c_str(), number,
                                smallest);
                for (const Small& run : small)
                    std::printf("%s: page %d: text at %.3f pt (%s), under %.2f pt\n", file.c_str(),
                                run.page, run.size, run.op.c_str(), minimum);
                any_small = any_small || !small.empty();
            }
        } catch (const std::exception& error) {
            std::fprintf(stderr, "%s: %s\n", file.c_str(), error.what());
            return 2;
        }
    }
    return any_small ? 1 : 0;
}
