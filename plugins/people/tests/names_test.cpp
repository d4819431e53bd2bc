#include <doctest/doctest.h>

#include "names.hpp"

using namespace sdiag::people;

TEST_CASE("full names and short forms") {
  CHECK(is_full_name("Kwame Asante"));
  CHECK_FALSE(is_full_name("Kwame A"));
  CHECK_FALSE(is_full_name("Kwame"));
  CHECK_FALSE(is_full_name("KA"));
}

TEST_CASE("a short form stands for a full name") {
  CHECK(can_stand_for("KA", "Kwame Asante"));
  CHECK(can_stand_for("Kwame", "Kwame Asante"));
  CHECK(can_stand_for("kwame", "Kwame Asante"));
  CHECK(can_stand_for("@Kwame", "Kwame Asante"));
  CHECK(can_stand_for("Kwame A", "Kwame Asante"));
  CHECK(can_stand_for("Asante", "Kwame Asante"));
  CHECK(can_stand_for("Sav", "Savitri Nair"));    // a nickname the first name starts with
  CHECK(can_stand_for("Sav N", "Savitri Nair"));
  CHECK(can_stand_for("KWAME ASANTE", "Kwame Asante"));
  CHECK(can_stand_for("Sa N", "Savitri Nair"));         // the surname's initial makes a short start safe
  CHECK(can_stand_for("Kwame Asa", "Kwame Asante"));    // a shortened surname
  CHECK_FALSE(can_stand_for("Sa", "Savitri Nair"));
  CHECK_FALSE(can_stand_for("S N", "Savitri Nair"));
  CHECK_FALSE(can_stand_for("Sa", "Savitri Nair"));  // too short to be a nickname
  CHECK_FALSE(can_stand_for("KB", "Kwame Asante"));
  CHECK_FALSE(can_stand_for("Kwame B", "Kwame Asante"));
  CHECK_FALSE(can_stand_for("Kwabena", "Kwame Asante"));
  CHECK_FALSE(can_stand_for("Kwame Boateng", "Kwame Asante"));  // two full names never meet
}

TEST_CASE("derived short forms and name case") {
  CHECK(derived_short_forms("Kwame Asante") == std::vector<std::string>{"KA", "Kwame", "Kwame A"});
  CHECK(derived_short_forms("Kwame").empty());
  CHECK(name_case("lucia grant") == "Lucia Grant");
  CHECK(name_case("LUCIA O'NEIL-GRANT") == "Lucia O'Neil-Grant");
  CHECK(name_case("Lucia de Souza") == "Lucia de Souza");
}
