#include "manual_declare.hpp"
TEST_DECLARE(Nothing, SDIAG_API_MAJOR + 1, 0, "wrong-major")
