#include <sdiag/context.hpp>

#include <cstdlib>
#include <optional>
#include <string_view>

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

namespace {

// SOURCE_DATE_EPOCH as seconds, or nothing when unset, empty or not valid.
std::optional<std::time_t> source_date_epoch() {
  const char* e = std::getenv("SOURCE_DATE_EPOCH");
  if (!e || !*e) return std::nullopt;
  const std::string_view text(e);
  if (text.size() > 12 || text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  const long long v = std::stoll(std::string(text));
  if (v > latest_source_date_epoch) return std::nullopt;
  return static_cast<std::time_t>(v);
}

}  // namespace

std::time_t reproducible_now() {
  if (auto epoch = source_date_epoch()) return *epoch;
  return std::time(nullptr);
}

std::string source_date_epoch_error() {
  const char* e = std::getenv("SOURCE_DATE_EPOCH");
  if (!e || !*e || source_date_epoch()) return "";
  std::string shown(e);
  if (shown.size() > 40) shown = shown.substr(0, 40) + "...";
  for (auto& c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
  return "SOURCE_DATE_EPOCH='" + shown + "' is not a time sdiag can record: it must be a whole number of seconds "
         "since 1970-01-01 UTC (as 'date +%s' prints it), from 0 to " + std::to_string(latest_source_date_epoch) +
         " (9999-12-31). Fix it, or unset it to use the clock";
}

std::string iso_utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace sdiag
