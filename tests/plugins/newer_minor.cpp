#include "manual_declare.hpp"
TEST_DECLARE(Nothing, SDIAG_API_MAJOR, SDIAG_API_MINOR + 1, "newer-minor")
