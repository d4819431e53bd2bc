#include "docx_package_reader.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace docx_test {

std::map<std::string, std::string> read_package(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> parts;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    in.clear();
    Poco::Zip::ZipInputStream zin(in, it->second, true);
    parts[it->first] = std::string(std::istreambuf_iterator<char>(zin), {});
  }
  return parts;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + needle.size())) ++n;
  return n;
}

}  // namespace docx_test
