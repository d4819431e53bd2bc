#include "uploads.hpp"

#include <fstream>
#include <regex>

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <sdiag/limits.hpp>
#include <sdiag/text.hpp>

namespace sdiag::core::serve {

namespace {

using Poco::Net::HTTPResponse;

std::string mib(std::uintmax_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Length in bytes of the well-formed UTF-8 sequence starting at s[i], or 0
// when broken (overlong, a surrogate, past U+10FFFF, cut short).
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size() || !text::is_valid_utf8(std::string_view(s).substr(i, n))) return 0;
  return n;
}

// A character a name must not show: C0 and C1 controls, DEL, the line and
// paragraph separators (U+2028, U+2029) and the marks that reorder text
// (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), with which
// "report\u202Excod.exe" shows as "reportexe.docx".
bool hidden_or_control(std::string_view ch) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(ch[k]); };
  if (ch.size() == 1) return b(0) < 0x20 || b(0) == 0x7f;
  if (ch.size() == 2) return (b(0) == 0xc2 && b(1) < 0xa0) || (b(0) == 0xd8 && b(1) == 0x9c);
  if (ch.size() == 3 && b(0) == 0xe2 && b(1) == 0x80) return b(2) == 0x8e || b(2) == 0x8f || (b(2) >= 0xa8 && b(2) <= 0xae);
  if (ch.size() == 3 && b(0) == 0xe2 && b(1) == 0x81) return b(2) >= 0xa6 && b(2) <= 0xa9;
  return false;
}

// The boundary the Content-Type names: 1 to 70 of the characters RFC 2046 allows, not ending in a space.
std::string boundary_of(const std::string& content_type) {
  std::string media_type;
  Poco::Net::NameValueCollection params;
  Poco::Net::MessageHeader::splitParameters(content_type, media_type, params);
  if (Poco::icompare(Poco::trim(media_type), "multipart/form-data") != 0)
    throw HttpError(HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE,
                    "send the files as multipart/form-data (a form with one or more files)");
  static const std::regex allowed("[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]");
  auto boundary = params.get("boundary", "");
  if (!std::regex_match(boundary, allowed))
    throw HttpError(HTTPResponse::HTTP_BAD_REQUEST,
                    "the Content-Type names no usable boundary (multipart/form-data; boundary=..., 1 to 70 "
                    "characters); send the files as a browser form does");
  return boundary;
}

// The files of one upload, stored as they arrive; every byte of every part counted against the limit.
class PartStore {
 public:
  explicit PartStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

  void add(const Poco::Net::MessageHeader& header, std::istream& part) {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    if (!params.has("filename")) return copy(part, nullptr, "a form field");  // not a file: read past it
    if (files_.size() >= max_upload_files)
      throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                      "more than " + std::to_string(max_upload_files) + " files in one upload; upload fewer at a time");
    auto name = shown_name(params.get("filename"));
    const auto number = std::to_string(files_.size() + 1);
    if (name.empty()) name = "file " + number;
    // Only the extension is kept, and only when it is plain letters and digits: plugins may look at it.
    static const std::regex plain_extension("\\.[a-z0-9]{1,10}");
    auto extension = Poco::toLower(std::filesystem::path(name).extension().string());
    if (!std::regex_match(extension, plain_extension)) extension.clear();
    auto stored = folder_ / ("upload-" + number + extension);

    std::ofstream out(stored, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot store the upload in the workspace");
    files_.push_back({stored, name});
    copy(part, &out, name);
    if (!out.flush()) throw std::runtime_error("cannot store the upload in the workspace (is the disk full?)");
  }

  std::vector<UploadedFile> files_;

 private:
  void copy(std::istream& part, std::ostream* out, const std::string& name) {
    char buffer[64 * 1024];
    std::uintmax_t size = 0;
    while (part) {
      part.read(buffer, sizeof buffer);
      const auto got = static_cast<std::uintmax_t>(part.gcount());
      size += got;
      total_ += got;
      if (size > limits::max_input_bytes || total_ > limits::max_input_bytes)
        throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                        name + ": the upload is larger than " + mib(limits::max_input_bytes) +
                            ", the limit for workshop files (is this the right file?)");
      if (out) out->write(buffer, static_cast<std::streamsize>(got));
    }
  }

  std::filesystem::path folder_;
  std::uintmax_t total_ = 0;
};

}  // namespace

std::string shown_name(const std::string& given) {
  auto slash = given.find_last_of("/\\");
  std::string last = slash == std::string::npos ? given : given.substr(slash + 1);
  std::string out;
  for (std::size_t i = 0; i < last.size();) {
    auto n = utf8_length(last, i);
    if (n == 0) {
      ++i;  // a broken byte is dropped
      continue;
    }
    if (hidden_or_control(std::string_view(last).substr(i, n))) {
      i += n;
      continue;
    }
    if (out.size() + n > 120) break;
    out.append(last, i, n);
    i += n;
  }
  out = text::trim(out);
  if (out == "." || out == "..") out.clear();
  return out;
}

std::vector<UploadedFile> store_parts(const std::string& content_type, std::istream& body,
                                      const std::filesystem::path& folder) {
  Poco::Net::MultipartReader reader(body, boundary_of(content_type));
  PartStore store(folder);
  std::size_t parts = 0;
  bool closed = false;  // the closing boundary was read: nothing is missing
  try {
    while (reader.hasNextPart()) {
      if (++parts > max_upload_parts)
        throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                        "more than " + std::to_string(max_upload_parts) + " parts in one upload; upload fewer files at a time");
      Poco::Net::MessageHeader header;
      reader.nextPart(header);
      store.add(header, reader.stream());
      closed = dynamic_cast<Poco::Net::MultipartInputStream&>(reader.stream()).lastPart();
    }
  } catch (const Poco::Net::MultipartException& e) {
    throw HttpError(HTTPResponse::HTTP_BAD_REQUEST,
                    "the upload's parts are not marked with the boundary its Content-Type names (" + e.displayText() +
                        "); send the files as a browser form does");
  } catch (const Poco::Exception& e) {
    throw HttpError(HTTPResponse::HTTP_BAD_REQUEST,
                    "the upload could not be read (" + e.displayText() + "); upload the files again from the page");
  }
  if (!closed)
    throw HttpError(HTTPResponse::HTTP_BAD_REQUEST,
                    "the upload is incomplete: it ends before its closing boundary (was the connection cut?); "
                    "upload the files again");
  if (store.files_.empty())
    throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "the upload holds no file; choose or drop the workshop files");
  return std::move(store.files_);
}

std::vector<UploadedFile> store_uploads(Poco::Net::HTTPServerRequest& request, const std::filesystem::path& folder) {
  if (request.getContentLength64() > static_cast<Poco::Int64>(limits::max_input_bytes))
    throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                    "the upload is larger than " + mib(limits::max_input_bytes) + ", the limit for workshop files");
  return store_parts(request.getContentType(), request.stream(), folder);
}

}  // namespace sdiag::core::serve
