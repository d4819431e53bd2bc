// E-mail redaction: what counts as an address, what is left alone, and a
// hostile cell read in linear time.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include <sdiag/tabular/redact.hpp>

using sdiag::tabular::is_email;
using sdiag::tabular::redact_emails;

TEST_CASE("addresses anywhere in the text are replaced; the rest is kept") {
  bool removed = false;
  CHECK(redact_emails("Ask jo.bloggs@example.org for the extract", &removed) == "Ask [e-mail removed] for the extract");
  CHECK(removed);
  CHECK(redact_emails("a@b.co.uk, c.d+e@f-g.example.gov.uk.") == "[e-mail removed], [e-mail removed].");
  CHECK(redact_emails("O'Neill@council.gov.uk") == "[e-mail removed]");

  removed = false;
  for (const char* kept : {"no address here", "@mention", "jo@", "jo@localhost", "jo@example.c", "meet @ 10", ""}) {
    CAPTURE(kept);
    CHECK(redact_emails(kept, &removed) == kept);
  }
  CHECK_FALSE(removed);
}

TEST_CASE("is_email: the whole text is one address") {
  CHECK(is_email("tom.okafor@castlebrook.example.gov.uk"));
  CHECK_FALSE(is_email("Tom <tom@example.org>"));
  CHECK_FALSE(is_email("@example.org"));
  CHECK_FALSE(is_email("tom@example"));
  CHECK_FALSE(is_email(""));
}

TEST_CASE("a long run of letters around '@' is matched in linear time") {
  std::string hostile = std::string(200000, 'a') + "@" + std::string(200000, 'b') + " and x@y.org";
  auto t0 = std::chrono::steady_clock::now();
  bool removed = false;
  auto out = redact_emails(hostile, &removed);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(seconds < 5);
  CHECK(removed);
  CHECK(out == std::string(200000, 'a') + "@" + std::string(200000, 'b') + " and [e-mail removed]");
}
