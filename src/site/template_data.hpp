#pragma once
// Small helpers for building Mustache data. Every key a template may test is always set (an
// empty value becomes `false`): Mustache looks a missing key up in the enclosing sections, which
// would show the wrong thing.
#include "site/theme.hpp"

#include <string>
#include <utility>
#include <vector>

namespace bp::site {

inline TemplateData object_data() {
    return TemplateData(TemplateData::type::object);
}
inline TemplateData list_data() {
    return TemplateData(TemplateData::type::list);
}
// The text, or false when it is empty, so that {{#key}}…{{/key}} hides empty values.
inline TemplateData text_data(const std::string& text) {
    return text.empty() ? TemplateData(false) : TemplateData(text);
}
// A new list held under `key` in `object`, to fill in place: the template data's set and
// push_back copy their argument, and a page of hundreds of rows (the archive's thousands of
// meetings) should be built only once. The list stays where it is as `object` gains keys.
inline std::vector<TemplateData>& list_in(TemplateData& object, const std::string& key) {
    object.set(key, list_data());
    return const_cast<std::vector<TemplateData>&>(object.get(key)->list_value());
}
// Puts `value` in `object` under `key`. The template data's set copies its argument, a page's
// whole body and lists of rows included; this moves it in. Does nothing when `object` is not
// an object, as set does.
inline void put(TemplateData& object, const std::string& key, TemplateData value) {
    if (object.is_object())
        object[key] = std::move(value);
}
inline TemplateData link_data(const std::string& label, const std::string& href) {
    TemplateData link = object_data();
    put(link, "label", label);
    put(link, "href", href);
    return link;
}

} // namespace bp::site
