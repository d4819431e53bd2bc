#include <sdiag/context.hpp>

#include <cerrno>
#include <cstdlib>

#include <spdlog/spdlog.h>

namespace sdiag {

Context::Context(std::string plugin, Options options, std::vector<Finding>& findings)
    : plugin_(std::move(plugin)), options_(std::move(options)), findings_(findings),
      now_(reproducible_now()) {}

void Context::debug(const std::string& message) const { spdlog::debug("{}: {}", plugin_, message); }
void Context::info(const std::string& message) const { spdlog::info("{}: {}", plugin_, message); }
void Context::warn(const std::string& message) const { spdlog::warn("{}: {}", plugin_, message); }

void Context::finding(Severity severity, std::string source, std::string location,
                      std::string message) {
  findings_.push_back(Finding{severity, plugin_, std::move(source), std::move(location),
                              std::move(message)});
}

void Context::progress(const std::string& step, double fraction) const {
  if (progress_) progress_(step, fraction);
}

std::time_t reproducible_now() {
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    errno = 0;
    long long v = std::strtoll(e, &end, 10);
    if (errno == 0 && end && *end == '\0' && v >= 0) return static_cast<std::time_t>(v);
  }
  return std::time(nullptr);
}

std::string iso_utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace sdiag
