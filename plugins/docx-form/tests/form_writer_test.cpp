// The docx-form output through the real shared library: the blank form is
// written where asked, reads back as nothing, and is the same every time.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sdiag/testing.hpp>

namespace {

const std::string plugin = std::string(SDIAG_TEST_PLUGIN_DIR) + "/docx-form.so";

std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

sdiag::Diagnostic with_default_template() {
  sdiag::Diagnostic d;
  d.tmpl = sdiag::testing::default_template(SDIAG_TEST_DATA_DIR);
  return d;
}

}  // namespace

TEST_CASE("docx-form is an input and an output, writing capture-form.docx by default") {
  sdiag::testing::Harness h(plugin);
  CHECK(h.info().kinds == std::vector{sdiag::Kind::input, sdiag::Kind::output});
  auto written = h.write(with_default_template(), nullptr);
  REQUIRE(written.size() == 1);
  CHECK(written[0] == h.output_folder() / "capture-form.docx");
  CHECK(bytes_of(written[0]).starts_with("PK"));
  CHECK(h.sniff(written[0]) == 90);
}

TEST_CASE("the blank form reads back as no notes, no people and no title") {
  sdiag::testing::Harness h(plugin);
  h.set("file", "blank.docx");
  auto written = h.write(with_default_template(), nullptr);
  REQUIRE(written.size() == 1);
  CHECK(written[0].filename() == "blank.docx");
  auto d = h.read(written[0]);
  CHECK(d.notes.empty());
  CHECK(d.people.empty());
  CHECK(d.meta.title.empty());
  for (const auto& f : h.findings()) CHECK_MESSAGE(f.severity == sdiag::Severity::info, f.message);
}

TEST_CASE("the same template gives the same bytes; another template another form") {
  sdiag::testing::Harness a(plugin), b(plugin);
  auto first = bytes_of(a.write(with_default_template(), nullptr).at(0));
  auto second = bytes_of(b.write(with_default_template(), nullptr).at(0));
  CHECK(first == second);
  auto other = with_default_template();
  other.tmpl.sections.pop_back();
  sdiag::testing::Harness c(plugin);
  CHECK(bytes_of(c.write(other, nullptr).at(0)) != first);
}

TEST_CASE("a template without sections is refused, and nothing is written") {
  sdiag::testing::Harness h(plugin);
  // The harness's default folder is shared by the process: this case needs its own.
  h.output_dir(h.output_folder() / "refused");
  CHECK_THROWS_WITH_AS(h.write(sdiag::Diagnostic{}, nullptr), doctest::Contains("no sections"), std::runtime_error);
  CHECK_FALSE(std::filesystem::exists(h.output_folder() / "capture-form.docx"));
}
