#include <doctest/doctest.h>

#include <sdiag/loader.hpp>

using namespace sdiag;

TEST_CASE("options are checked against their declaration") {
  PluginInfo info{.name = "p", .kinds = {Kind::analysis}, .version = "1", .summary = "s",
                  .options = {{"count", OptionType::integer, "3", "how many"},
                              {"mode", OptionType::string, "fast", "how", {"fast", "slow"}},
                              {"on", OptionType::boolean, "false", "switch"},
                              {"names", OptionType::list, "a, b,,c", "names"}}};
  auto o = resolve_options(info, {{"count", "7"}});
  CHECK(o.integer("count") == 7);
  CHECK(o.str("mode") == "fast");
  CHECK_FALSE(o.boolean("on"));
  CHECK(o.list("names") == std::vector<std::string>{"a", "b", "c"});
  CHECK_THROWS_WITH_AS(resolve_options(info, {{"colour", "red"}}),
                       "plugin 'p' has no option 'colour'; valid options: count, mode, on, names", OptionError);
  CHECK_THROWS_AS(resolve_options(info, {{"count", "many"}}), OptionError);
  CHECK_THROWS_AS(resolve_options(info, {{"mode", "medium"}}), OptionError);
  CHECK(resolve_options(info, {{"on", "yes"}}).boolean("on"));
}
