/// @file sdiag/ooxml/properties.hpp
/// docProps/core.xml and docProps/app.xml: title, subject, author,
/// keywords, language and dates (from the context's "now", so that runs
/// under SOURCE_DATE_EPOCH give identical files).
#pragma once

#include <ctime>
#include <string>

#include <sdiag/model/document.hpp>

namespace sdiag::ooxml {

std::string core_properties_xml(const sdiag::doc::DocumentMeta& meta, std::time_t now);
std::string app_properties_xml(const sdiag::doc::DocumentMeta& meta);

}  // namespace sdiag::ooxml
