// Unit tests of each step of the clustering method.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "class_tfidf.hpp"
#include "clusterer.hpp"
#include "features.hpp"
#include "hac.hpp"
#include "textmatch.hpp"

using namespace sdiag::cluster;

namespace {

std::vector<std::string> lowers(const std::vector<Word>& ws) {
  std::vector<std::string> out;
  for (const auto& w : ws) out.push_back(w.lower);
  return out;
}

Vocabulary castlebrook_vocabulary() {
  Vocabulary v;
  v.load(std::string(SDIAG_TEST_DATA_DIR) + "/vocabulary/abbreviations.json");
  return v;
}

}  // namespace

TEST_CASE("words are split like scikit-learn's \\w runs, keeping the spelling") {
  auto ws = split_words("Reports take 3 days—LL's queue; café 👍 Ärger");
  CHECK(lowers(ws) == std::vector<std::string>{"reports", "take", "3", "days", "ll", "s", "queue", "café", "ärger"});
  CHECK(ws[4].original == "LL");
  CHECK(split_words("").empty());
  CHECK(split_words("👍🎉 !!").empty());
  CHECK(lowers(split_words("\xff\xfe bad\xc3")) == std::vector<std::string>{"bad"});
}

TEST_CASE("the vocabulary unifies spellings, longest first, exact ones only as written") {
  Vocabulary v;
  v.add("Liquidlogic", {"Liquidlogic", "Liquid Logic"}, {"LL"});
  v.add("EHM", {"EHM", "early help module"});
  v.add("early help", {"early help"});
  v.add("IT", {"ICT"}, {"IT"});
  auto out = v.unify(split_words("LL and liquid logic; we'll see the Early Help module and early help; it is IT"));
  auto l = lowers(out);
  CHECK(std::count(l.begin(), l.end(), "#liquidlogic") == 2);
  CHECK(std::count(l.begin(), l.end(), "#ehm") == 1);
  CHECK(std::count(l.begin(), l.end(), "#earlyhelp") == 1);
  CHECK(std::count(l.begin(), l.end(), "#it") == 1);   // "it" the pronoun is not IT
  CHECK(std::count(l.begin(), l.end(), "ll") == 1);    // "we'll" is not LL
  CHECK(castlebrook_vocabulary().size() > 20);
}

TEST_CASE("the analyser drops stop words and single letters, stems, and keeps terms whole") {
  auto v = castlebrook_vocabulary();
  Analyser a(v);
  auto toks = a.analyse("The reports are refreshing in Power BI and the council's PBI");
  std::vector<std::string> stems;
  for (const auto& t : toks) stems.push_back(t.stem);
  CHECK(stems == std::vector<std::string>{"report", "refresh", "#powerbi", "#powerbi"});
  CHECK(toks[0].surface == "reports");
  CHECK(toks[2].surface == "Power BI");
}

TEST_CASE("TF-IDF matches scikit-learn's sublinear, smooth-idf, L2 weighting") {
  // Worked by hand: docs {a a b}, {b c}; idf(a)=ln(3/2)+1, idf(b)=1, idf(c)=ln(3/2)+1.
  std::vector<std::vector<Token>> docs{{{"a", "a"}, {"a", "a"}, {"b", "b"}}, {{"b", "b"}, {"c", "c"}}};
  auto m = tfidf(docs);
  double ia = std::log(1.5) + 1, wa = (1 + std::log(2.0)) * ia, wb = 1.0;
  double norm = std::sqrt(wa * wa + wb * wb);
  REQUIRE(m.rows[0].index.size() == 2);
  CHECK(m.rows[0].value[0] == doctest::Approx(wa / norm).epsilon(1e-5));
  CHECK(m.rows[0].value[1] == doctest::Approx(wb / norm).epsilon(1e-5));
  CHECK(dot(m.rows[0], m.rows[0]) == doctest::Approx(1.0).epsilon(1e-5));
  CHECK(m.doc_freq == std::vector<std::uint32_t>{1, 2, 1});
}

TEST_CASE("average-link tree cut by silhouette finds well separated groups") {
  std::vector<std::vector<Token>> docs;
  auto doc = [](std::initializer_list<const char*> w) {
    std::vector<Token> t;
    for (auto x : w) t.push_back({x, x});
    return t;
  };
  const char* own[] = {"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "c1", "c2", "c3"};
  for (int i = 0; i < 4; ++i) docs.push_back(doc({"warehous", "load", "fail", "night", own[i]}));
  for (int i = 4; i < 8; ++i) docs.push_back(doc({"ticket", "queue", "week", "chang", own[i]}));
  for (int i = 8; i < 11; ++i) docs.push_back(doc({"ethnic", "miss", "end", "date", own[i]}));
  auto m = tfidf(docs);
  std::vector<const SparseVector*> rows;
  for (const auto& r : m.rows) rows.push_back(&r);
  auto cut = average_link_silhouette_cut(rows);
  CHECK(cut.k == 3);
  CHECK(cut.label == std::vector<int>{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2});
  CHECK(cut.silhouette > 0.5);
  CHECK_FALSE(cut.trace.empty());
}

TEST_CASE("close clusters merge by c-TF-IDF, distinct ones do not") {
  std::vector<std::vector<Token>> docs;
  auto doc = [](std::initializer_list<const char*> w) {
    std::vector<Token> t;
    for (auto x : w) t.push_back({x, x});
    return t;
  };
  docs.push_back(doc({"warehous", "load", "fail"}));
  docs.push_back(doc({"warehous", "load", "slow"}));
  docs.push_back(doc({"ticket", "queue"}));
  auto m = tfidf(docs);
  std::vector<int> label{0, 1, 2};
  CHECK(merge_close_clusters(m, label, 3, 0.35) == 2);
  CHECK(label == std::vector<int>{0, 0, 1});
  std::vector<int> untouched{0, 1, 2};
  CHECK(merge_close_clusters(m, untouched, 3, 1.0) == 3);
}

TEST_CASE("clusters are labelled with the words people wrote, not stems") {
  Vocabulary v;
  std::vector<std::string> texts{"Reports refreshing slowly", "The reports refresh late", "Report refreshing fails",
                                 "Tickets queue for weeks", "Ticket queues are long"};
  auto c = cluster_texts(texts, v);
  REQUIRE(c.clusters.size() == 2);
  const auto& k = c.clusters[0].keywords;
  CHECK(std::find(k.begin(), k.end(), "reports") != k.end());     // most frequent form of "report"
  CHECK(std::find(k.begin(), k.end(), "refreshing") != k.end());  // of "refresh"
  CHECK(std::find(k.begin(), k.end(), "refresh") == k.end());
  CHECK(c.label == std::vector<int>{0, 0, 0, 1, 1});
}

TEST_CASE("odd input: nothing, no words, one note, huge and non-ASCII notes") {
  Vocabulary v;
  CHECK(cluster_texts({}, v).clusters.empty());
  auto c = cluster_texts({"", "the and of", "👍", "Daten über Qualität"}, v);
  CHECK(c.label == std::vector<int>{-1, -1, -1, 0});
  CHECK(c.clusters.size() == 1);
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "warehouse load " + std::to_string(i) + " ";
  auto h = cluster_texts({huge, "warehouse load fails", "tickets queue"}, v);
  CHECK(h.label.size() == 3);
  CHECK(h.label[0] == h.label[1]);
}

TEST_CASE("the method is deterministic and the large-n path places every note") {
  Vocabulary v;
  std::vector<std::string> texts;
  const char* topics[] = {"warehouse load fails overnight", "ticket queue for report changes",
                          "missing ethnicity in early help", "spreadsheets do not match dashboards"};
  for (int i = 0; i < 600; ++i) texts.push_back(std::string(topics[i % 4]) + " note" + std::to_string(i % 37));
  MethodOptions o;
  o.sample_limit = 200;  // force the two-stage method
  auto a = cluster_texts(texts, v, o);
  auto b = cluster_texts(texts, v, o);
  CHECK(a.sampled);
  CHECK(a.label == b.label);
  CHECK(std::none_of(a.label.begin(), a.label.end(), [](int l) { return l < 0; }));
  for (int i = 4; i < 600; ++i) CHECK(a.label[i] == a.label[i % 4]);
}
