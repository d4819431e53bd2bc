#include "test_files.hpp"

#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/UnicodeConverter.h>
#include <Poco/Zip/Compress.h>

namespace ooxml_test {

std::string zip_of(const Entries& entries, bool stored) {
  std::ostringstream out;
  Poco::Zip::Compress c(out, true);
  for (const auto& [name, data] : entries) {
    std::istringstream in(data);
    c.addFile(in, Poco::DateTime(1980, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX), stored ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
  }
  c.close();
  return out.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

std::string utf16(const std::string& utf8, bool big_endian) {
  Poco::UTF16String units;
  Poco::UnicodeConverter::convert(utf8, units);
  std::string out;
  auto put = [&](unsigned unit) {
    const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  };
  put(0xFEFF);
  for (auto unit : units) put(unit);
  return out;
}

std::string nested(int depth, const std::string& open, const std::string& close) {
  std::string out;
  out.reserve(static_cast<std::size_t>(depth) * (open.size() + close.size()));
  for (int i = 0; i < depth; ++i) out += open;
  for (int i = 0; i < depth; ++i) out += close;
  return out;
}

}  // namespace ooxml_test
