#include "manual_declare.hpp"
// Built for the SDK minor just before the model's layout last changed.
TEST_DECLARE(Nothing, SDIAG_API_MAJOR, SDIAG_MODEL_SINCE_MINOR - 1, "older-model")
