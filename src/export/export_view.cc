#include "export/export_view.h"

namespace sijill::exporter {

using knowledge::Claim;
using knowledge::Entity;

base::Result<ExportView> ExportView::Create(store::Store& store, store::AccessLevel level) {
  ExportView d;
  d.level_ = level;
  ASSIGN_OR_RETURN(auto policy, curate::Disclosure::At(store, level));
  d.policy_.emplace(std::move(policy));
  ASSIGN_OR_RETURN(auto sources, store.ListSources());
  for (auto& s : sources) {
    if (s.access > level) {
      ++d.withheld_.sources;
      continue;
    }
    d.shown_.insert(s.id);
    s.original_name = d.Text(s.original_name);
    s.title = d.OptionalText(s.title);
    s.place = d.OptionalText(s.place);
    s.witness = d.OptionalText(s.witness);
    d.sources_.push_back(std::move(s));
  }
  return d;
}

std::string ExportView::Text(std::string_view text) const { return policy_->Text(text); }

std::optional<std::string> ExportView::OptionalText(const std::optional<std::string>& text) const {
  if (!text) return std::nullopt;
  return Text(*text);
}

Entity ExportView::Show(const Entity& entity) {
  Entity shown = entity;
  if (entity.is_protected && !RevealsProtected()) {
    ++withheld_.pseudonymized;
    shown.name = knowledge::Pseudonym(entity);
    withheld_.aliases += shown.aliases.size();
    shown.aliases.clear();
    shown.note = OptionalText(entity.note);
    shown.created_by = Text(entity.created_by);
    return shown;
  }
  shown.name = Text(entity.name);
  shown.aliases.clear();
  for (const auto& alias : entity.aliases) {
    if (alias.source && !ShowsSource(*alias.source)) {
      ++withheld_.aliases;
      continue;
    }
    shown.aliases.push_back({Text(alias.name), alias.source});
  }
  shown.side = OptionalText(entity.side);
  shown.note = OptionalText(entity.note);
  shown.created_by = Text(entity.created_by);
  return shown;
}

std::optional<Claim> ExportView::Show(const Claim& claim) {
  Claim shown = claim;
  shown.citations.clear();
  for (const auto& c : claim.citations) {
    if (!ShowsSource(c.source)) {
      ++withheld_.citations;
      continue;
    }
    knowledge::Citation visible = c;
    visible.quote = Text(c.quote);
    shown.citations.push_back(std::move(visible));
  }
  if (shown.citations.empty() && !(claim.citations.empty() && RevealsProtected())) {
    ++withheld_.claims;
    return std::nullopt;
  }
  shown.object_text = OptionalText(claim.object_text);
  shown.role = OptionalText(claim.role);
  shown.rank = OptionalText(claim.rank);
  shown.note = OptionalText(claim.note);
  shown.created_by = Text(claim.created_by);
  return shown;
}

}  // namespace sijill::exporter
