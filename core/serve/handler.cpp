#include "handler.hpp"

#include <fstream>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Zip/Compress.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <sdiag/atomic_file.hpp>
#include <sdiag/json.hpp>
#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

#include "http_error.hpp"
#include "request_deadlines.hpp"
#include "request_target.hpp"
#include "uploads.hpp"

namespace sdiag::core::serve {

namespace {

namespace fs = std::filesystem;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr const char* zip_name = "sdiag-report.zip";

void send(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& body,
          const std::string& type) {
  response.setStatusAndReason(status);
  response.setContentType(type);
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  response.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

void send_json(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const nlohmann::json& body) {
  send(response, status, body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", "application/json");
}

void send_error(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& message) {
  send_json(response, status, {{"error", message}});
}

nlohmann::json findings_json(const std::vector<Finding>& findings) {
  auto list = nlohmann::json::array();
  for (const auto& f : findings)
    list.push_back({{"severity", to_string(f.severity)}, {"plugin", f.plugin}, {"source", f.source},
                    {"location", f.location}, {"message", f.message}});
  return list;
}

std::string media_type(const fs::path& file) {
  auto ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".md") return "text/markdown; charset=utf-8";
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".zip") return "application/zip";
  if (ext == ".docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/octet-stream";
}

/// The request's body, held to the input size limit. @throws HttpError.
std::string read_body(HTTPServerRequest& request) {
  const auto limit = limits::max_input_bytes;
  if (request.getContentLength64() > static_cast<Poco::Int64>(limit))
    throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "the body is larger than the input limit");
  std::string body;
  char buffer[64 * 1024];
  auto& in = request.stream();
  while (in) {
    in.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (body.size() > limit)
      throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "the body is larger than the input limit");
  }
  return body;
}

void write_zip(const fs::path& zip, const std::vector<fs::path>& files) {
  AtomicFile f(zip);
  {
    std::ofstream out(f.temp_path(), std::ios::binary);
    Poco::Zip::Compress compress(out, true);
    for (const auto& file : files) compress.addFile(Poco::Path(file.string()), Poco::Path(file.filename().string()));
    compress.close();
    if (!out.flush()) throw std::runtime_error("cannot write " + zip.filename().string());
  }
  f.commit();
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(ServerState& state) : state_(state) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    add_security_headers(response);
    try {
      if (auto refused = state_.guard.check_site(request)) throw HttpError(refused.status, refused.reason);
      const auto target = parse_target(request.getURI());
      const auto& parts = target.segments;
      if (!parts.empty() && parts[0] == "api") {
        if (auto refused = state_.guard.check_token(request)) {
          if (refused.status == HTTPResponse::HTTP_UNAUTHORIZED) response.set("WWW-Authenticate", "Bearer");
          throw HttpError(refused.status, refused.reason);
        }
        api(request, response, parts);
      } else {
        page(request, response, target);
      }
    } catch (const HttpError& e) {
      reply_error(response, e.status, e.what());
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", request.getMethod(), request.getURI(), e.what());
      reply_error(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, e.what());
    }
    RequestDeadlines::next_request();
  }

 private:
  static void reply_error(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const std::string& message) {
    if (response.sent()) return;
    // The rest of a refused body is not read: the connection closes after the answer.
    response.setKeepAlive(false);
    send_error(response, status, message);
  }

  // The page's own files, from share/sdiag/web; "/?token=" sets the cookie and drops the token from the address.
  void page(HTTPServerRequest& request, HTTPServerResponse& response, const RequestTarget& target) {
    const auto& parts = target.segments;
    if (request.getMethod() != "GET" && request.getMethod() != "HEAD")
      throw HttpError(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "the page's files are only read");
    if (parts.empty()) {
      for (const auto& [key, value] : target.query) {
        if (key != "token") continue;
        if (!state_.guard.is_token(value))
          throw HttpError(HTTPResponse::HTTP_FORBIDDEN, "this token is not this server's: open the address sdiag serve printed last");
        response.add("Set-Cookie", state_.guard.set_cookie_value());
        response.setStatusAndReason(HTTPResponse::HTTP_SEE_OTHER);
        response.set("Location", "/");
        response.setContentLength(0);
        response.send();
        return;
      }
    }
    const auto name = parts.empty() ? std::string("index.html") : parts.size() == 1 ? parts[0] : std::string();
    auto file = plain_file_in(state_.args.web_dir, name);
    if (!file) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "no such page");
    send(response, HTTPResponse::HTTP_OK, read_file(*file), media_type(*file));
  }

  fs::path workspace(const std::string& id) const {
    auto dir = state_.workspaces.find(id);
    if (!dir) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "no such workspace (removed, or another server's); upload the workshop files again");
    return *dir;
  }

  void api(HTTPServerRequest& request, HTTPServerResponse& response, const std::vector<std::string>& parts) {
    const auto& method = request.getMethod();
    const auto n = parts.size();
    if (n == 2 && parts[1] == "workspaces") {
      if (method != "POST") throw HttpError(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "POST the workshop files here");
      return create_workspace(request, response);
    }
    if (n < 4 || parts[1] != "workspaces") throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "no such API route");
    const auto dir = workspace(parts[2]);
    const auto& what = parts[3];
    if (n == 4 && what == "diagnostic" && method == "GET")
      return send(response, HTTPResponse::HTTP_OK, read_file(Workspaces::diagnostic_of(dir)), "application/json");
    if (n == 4 && what == "diagnostic" && method == "PUT") return save_diagnostic(request, response, dir);
    if (n == 4 && what == "undo" && method == "POST") {
      RequestDeadlines::Working busy;  // waits for a save in progress, then copies a version
      auto previous = state_.workspaces.undo(dir);
      if (!previous) throw HttpError(HTTPResponse::HTTP_CONFLICT, "nothing to undo");
      return send(response, HTTPResponse::HTTP_OK, *previous, "application/json");
    }
    if (n == 4 && what == "render" && method == "POST") return render(response, dir);
    if (n == 5 && what == "files" && (method == "GET" || method == "HEAD")) {
      auto file = Workspaces::own_folder(Workspaces::report_of(dir)) ? plain_file_in(Workspaces::report_of(dir), parts[4])
                                                                      : std::nullopt;
      if (!file) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "no such file in the report; write the report first");
      const bool inline_view = file->extension() == ".pdf";
      response.set("Content-Disposition", std::string(inline_view ? "inline" : "attachment") + "; filename=\"" +
                                              file->filename().string() + "\"");
      return response.sendFile(file->string(), media_type(*file));
    }
    throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "no such API route");
  }

  void create_workspace(HTTPServerRequest& request, HTTPServerResponse& response) {
    auto [id, staging] = state_.workspaces.create();
    try {
      const auto files = store_uploads(request, Workspaces::uploads_of(staging));
      RequestDeadlines::Working busy;
      auto analysed = state_.args.analyse(files);
      if (analysed.diagnostic_json.empty()) {
        state_.workspaces.remove(staging);
        return send_json(response, HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                         {{"error", "none of the files could be read"}, {"findings", findings_json(analysed.findings)}});
      }
      state_.workspaces.save(staging, analysed.diagnostic_json);
      state_.workspaces.open(id, staging);
      send_json(response, HTTPResponse::HTTP_CREATED, {{"id", id}, {"findings", findings_json(analysed.findings)}});
    } catch (...) {
      state_.workspaces.remove(staging);
      throw;
    }
  }

  void save_diagnostic(HTTPServerRequest& request, HTTPServerResponse& response, const fs::path& dir) {
    const auto body = read_body(request);
    RequestDeadlines::Working busy;  // sent: checking and saving it (a large one, seconds) is the server's time
    std::vector<Finding> warnings;
    Diagnostic parsed;
    try {
      parsed = diagnostic_from_json(body, warnings);
    } catch (const InputError& e) {
      auto where = e.location().empty() ? std::string() : e.location() + ": ";
      throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "not saved: " + where + e.what());
    }
    state_.workspaces.save(dir, to_json(parsed));
    send_json(response, HTTPResponse::HTTP_OK, {{"saved", true}});
  }

  void render(HTTPServerResponse& response, const fs::path& dir) {
    const auto folder = Workspaces::report_folder_to_write(dir);
    RequestDeadlines::Working busy;
    std::lock_guard one_report_at_a_time(state_.report_mutex);  // the zip holds the files this run wrote
    auto rendered = state_.args.render(Workspaces::diagnostic_of(dir), folder);
    auto files = nlohmann::json::array();
    for (const auto& w : rendered.written) files.push_back(w.filename().string());
    if (!rendered.written.empty()) {
      write_zip(folder / zip_name, rendered.written);
      files.push_back(zip_name);
    }
    send_json(response, rendered.written.empty() ? HTTPResponse::HTTP_UNPROCESSABLE_ENTITY : HTTPResponse::HTTP_OK,
              {{"files", files}, {"failed", rendered.failed}, {"findings", findings_json(rendered.findings)}});
  }

  ServerState& state_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new Handler(state_);
}

}  // namespace sdiag::core::serve
