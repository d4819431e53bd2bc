// Declares a plugin by hand with a chosen API version, as a plugin built
// against another SDK would.
#pragma once
#include <sdiag/plugin.hpp>

#define TEST_DECLARE(Class, MAJOR, MINOR, NAME)                                                  \
  extern "C" BOOST_SYMBOL_EXPORT const int sdiag_plugin_api_major = MAJOR;                       \
  extern "C" BOOST_SYMBOL_EXPORT const int sdiag_plugin_api_minor = MINOR;                       \
  namespace test_entry {                                                                         \
  inline ::sdiag::PluginInfo info() {                                                            \
    return {.name = NAME, .kinds = {::sdiag::Kind::analysis}, .version = "0", .summary = "test"}; \
  }                                                                                              \
  inline std::unique_ptr<::sdiag::Plugin> create() { return std::make_unique<Class>(); }         \
  }                                                                                              \
  BOOST_DLL_ALIAS(test_entry::info, sdiag_plugin_info)                                           \
  BOOST_DLL_ALIAS(test_entry::create, sdiag_plugin_create)

struct Nothing : sdiag::Analysis {
  void analyse(sdiag::Diagnostic&, sdiag::Context&) override {}
};
