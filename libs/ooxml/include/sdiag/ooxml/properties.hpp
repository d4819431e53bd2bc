/// @file sdiag/ooxml/properties.hpp
/// docProps/core.xml and docProps/app.xml: title, subject, author,
/// keywords, language and dates (from the context's "now", so that runs
/// under SOURCE_DATE_EPOCH give identical files).
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

#include <sdiag/model/document.hpp>

namespace sdiag::ooxml {

std::string core_properties_xml(const sdiag::doc::DocumentMeta& meta, std::time_t now);
std::string app_properties_xml(const sdiag::doc::DocumentMeta& meta);

/// libxlsxwriter reads a zero creation time as "not given" and records the
/// clock; SOURCE_DATE_EPOCH=0 is a valid time, so a workbook it wrote with
/// now == 0 has its dates set to 1970-01-01T00:00:00Z here, in place.
void record_epoch_zero(const std::filesystem::path& xlsx);

}  // namespace sdiag::ooxml
