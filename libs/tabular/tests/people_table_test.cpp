// Contributors tables as people: header words, Present values, and rows
// that cannot be read turned into problems rather than dropped.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include <sdiag/tabular/people_table.hpp>

using namespace sdiag::tabular;
using Rows = std::vector<std::vector<std::string>>;

namespace {

struct Read {
  std::vector<sdiag::Person> people;
  std::vector<std::pair<std::size_t, std::string>> problems;
};

Read read(const std::vector<std::string>& header, const Rows& rows) {
  Read r;
  r.people = people_from_table(header, rows, "t-", [&](std::size_t row, const std::string& message) {
    r.problems.emplace_back(row, message);
  });
  return r;
}

}  // namespace

TEST_CASE("header words: the usual names of each column, first match wins") {
  auto c = people_columns({"Full name", "Job title", "Service area", "Organisation", "Attended?", "Name"});
  CHECK(c.name == 0);
  CHECK(c.role == 1);
  CHECK(c.team == 2);
  CHECK(c.business_area == 3);
  CHECK(c.present == 4);
  CHECK(c.any());

  auto none = people_columns({"Notes", "Date"});
  CHECK(none.name == -1);
  CHECK(none.role == -1);
  CHECK_FALSE(none.any());
  CHECK(people_columns({"Role"}).any());
}

TEST_CASE("Present: yes and no words, blank is present, anything else is not guessed") {
  for (const char* yes : {"Yes", " y ", "PRESENT", "x", "\xE2\x9C\x93", "1", "online", ""}) CHECK(parse_present(yes) == true);
  for (const char* no : {"No", "absent", "Apologies", "did not attend", "-", "0"}) CHECK(parse_present(no) == false);
  CHECK_FALSE(parse_present("maybe").has_value());
}

TEST_CASE("one person per row with a name or a role; the rest are problems, never silent") {
  auto r = read({"Name", "Role", "Team", "Present"},
                {{"Helen Ashworth", "Director", "Children's services", "yes"},
                 {"", "Team manager, fostering", "", ""},
                 {"Jo Bloggs", "Analyst", "BI", "sometimes"},
                 {"", "", "Finance", "no"},
                 {" ", "", "", ""},
                 {"Ask jo@example.org", "Lead", "IT", "no"},
                 {"Short row"}});
  REQUIRE(r.people.size() == 5);
  CHECK(r.people[0].id == "t-1");
  CHECK(r.people[0].name == "Helen Ashworth");
  CHECK(r.people[0].team == "Children's services");
  CHECK(r.people[0].present);
  CHECK(r.people[1].name.empty());
  CHECK(r.people[1].role == "Team manager, fostering");
  CHECK(r.people[2].present);  // "sometimes" is not guessed: counted as present, with a problem
  CHECK(r.people[3].name == "Ask [e-mail removed]");
  CHECK_FALSE(r.people[3].present);
  CHECK(r.people[4].id == "t-5");
  CHECK(r.people[4].name == "Short row");
  CHECK(r.people[4].role.empty());

  REQUIRE(r.problems.size() == 3);
  CHECK(r.problems[0].first == 2);
  CHECK(r.problems[0].second.find("'sometimes' is not a yes or no") != std::string::npos);
  CHECK(r.problems[1].first == 3);  // Finance only: neither name nor role (the blank row after it says nothing)
  CHECK(r.problems[1].second.find("neither a name nor a role") != std::string::npos);
  CHECK(r.problems[2].first == 5);
  CHECK(r.problems[2].second.find("e-mail address was removed") != std::string::npos);
}

TEST_CASE("a table without a Name or Role column reads nobody and says so") {
  auto r = read({"Notes", "When"}, {{"a", "b"}});
  CHECK(r.people.empty());
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].second.find("no Name or Role column") != std::string::npos);
}
