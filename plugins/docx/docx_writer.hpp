// Any Document as a DOCX package (WordprocessingML), in memory.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <sdiag/model/document.hpp>

namespace sdiag::docx {

struct WriteOptions {
  std::time_t now = 0;                  ///< creation date in the document properties
  std::filesystem::path reference;      ///< house-style DOCX, empty for the default style
  double figure_dpi = 200;              ///< resolution drawings are rasterised at
};

struct WriteResult {
  std::string bytes;                    ///< the .docx file
  std::vector<std::string> problems;    ///< what was left out or changed, for the user
};

/// @throws std::runtime_error when the reference document cannot be used.
WriteResult write_docx(const sdiag::doc::Document& document, const WriteOptions& options);

}  // namespace sdiag::docx
