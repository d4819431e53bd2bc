#include "uploads.hpp"

#include <fstream>
#include <regex>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/String.h>

#include <sdiag/limits.hpp>
#include <sdiag/text.hpp>

namespace sdiag::core::serve {

namespace {

using Poco::Net::HTTPResponse;

std::string mib(std::uintmax_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Length in bytes of the UTF-8 sequence starting at s[i], or 0 when broken.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return 0;
  return n;
}

class StoringPartHandler : public Poco::Net::PartHandler {
 public:
  explicit StoringPartHandler(std::filesystem::path folder) : folder_(std::move(folder)) {}

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    if (files_.size() >= max_upload_files)
      throw UploadError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                        "more than " + std::to_string(max_upload_files) + " files in one upload; upload fewer at a time");
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    auto name = shown_name(params.get("filename", ""));
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
    char buffer[64 * 1024];
    std::uintmax_t size = 0;
    while (stream) {
      stream.read(buffer, sizeof buffer);
      const auto got = static_cast<std::uintmax_t>(stream.gcount());
      size += got;
      total_ += got;
      if (size > limits::max_input_bytes || total_ > limits::max_input_bytes)
        throw UploadError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                          name + ": the upload is larger than " + mib(limits::max_input_bytes) +
                              ", the limit for workshop files (is this the right file?)");
      out.write(buffer, static_cast<std::streamsize>(got));
    }
    if (!out.flush()) throw std::runtime_error("cannot store the upload in the workspace (is the disk full?)");
  }

  std::vector<UploadedFile> files_;

 private:
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
    auto c = static_cast<unsigned char>(last[i]);
    if (n == 1 && (c < 0x20 || c == 0x7f)) {
      ++i;
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

std::vector<UploadedFile> store_uploads(Poco::Net::HTTPServerRequest& request, const std::filesystem::path& folder) {
  if (request.getContentLength64() > static_cast<Poco::Int64>(limits::max_input_bytes))
    throw UploadError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                      "the upload is larger than " + mib(limits::max_input_bytes) + ", the limit for workshop files");
  if (Poco::icompare(request.getContentType().substr(0, 19), "multipart/form-data") != 0)
    throw UploadError(HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE,
                      "send the files as multipart/form-data (a form with one or more files)");
  StoringPartHandler handler(folder);
  Poco::Net::HTMLForm form;
  form.setFieldLimit(static_cast<int>(2 * max_upload_files));
  try {
    form.load(request, request.stream(), handler);
  } catch (const UploadError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw UploadError(HTTPResponse::HTTP_BAD_REQUEST, "the upload could not be read: " + e.displayText());
  }
  if (handler.files_.empty())
    throw UploadError(HTTPResponse::HTTP_BAD_REQUEST, "the upload holds no file; choose or drop the workshop files");
  return std::move(handler.files_);
}

}  // namespace sdiag::core::serve
