// The executive summary Castlebrook puts at the top of every report: how
// many took part, how many themes and which three matter most, how many
// actions and how many have an owner. Built from the Diagnostic, never typed.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace castlebrook {

inline constexpr const char* summary_id = "executive-summary";

/// Themes ordered by how many notes they hold (most first; ties keep the
/// Diagnostic's order), at most `n`.
std::vector<const sdiag::Theme*> top_themes(const sdiag::Diagnostic& d, std::size_t n);

/// The summary: a heading ("At a glance") and its paragraphs and list.
std::vector<sdiag::doc::Block> executive_summary(const sdiag::Diagnostic& d);

/// Puts `summary` before the first heading of `doc` (after the cover).
void insert_at_top(sdiag::doc::Document& doc, std::vector<sdiag::doc::Block> summary);

}  // namespace castlebrook
