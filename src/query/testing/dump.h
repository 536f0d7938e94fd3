// Answers as text, one line per row, so that tests compare whole answers and show the
// first difference readably.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "query/rows.h"
#include "query/whole_base.h"

namespace sijill::query::testing {

inline std::string Short(const base::Id& id) { return id.ToString().substr(0, 6); }

inline std::string Dump(const ClaimRow& r) {
  return fmt::format("claim {} {} [{}..{}] {}", Short(r.claim.id), knowledge::Name(r.claim.status),
                     FormatDay(r.bounds.earliest), FormatDay(r.bounds.latest), Name(r.certainty));
}

inline std::string Dump(const std::vector<CommanderRow>& rows, std::string indent = "") {
  std::string out;
  for (const CommanderRow& r : rows) {
    out += fmt::format("{}{} by {} role '{}' rank '{}'", indent, Dump(r.row), Short(r.commander.id),
                       r.role, r.rank.value_or(""));
    for (const base::Id& c : r.conflicts) out += " conflict " + Short(c);
    out += "\n";
  }
  return out;
}

inline std::string Dump(const std::vector<EdgeRow>& links) {
  std::string out;
  for (const EdgeRow& e : links) {
    out += fmt::format("link {} -> {} {}\n", Short(e.from), Short(e.to), Dump(e.row));
  }
  return out;
}

inline std::string Dump(const ChainAnswer& a) {
  std::string out = a.person ? "person " + Short(a.person->id) + "\n" : "";
  for (const ClaimRow& r : a.memberships) out += "member " + Dump(r) + "\n";
  for (const ChainUnit& u : a.units) {
    out += fmt::format("unit {} level {} {}\n", Short(u.unit.id), u.level, Name(u.certainty));
    out += Dump(u.commanders, "  ");
  }
  return out + Dump(a.links);
}

inline std::string Dump(const std::vector<PresenceRow>& rows, std::string_view kind) {
  std::string out;
  for (const PresenceRow& r : rows) {
    out += fmt::format("{} {} at {} {} via {}\n", kind, Short(r.subject.id), Short(r.place),
                       Name(r.certainty), Dump(r.row));
  }
  return out;
}

inline std::string Dump(const AtPlaceAnswer& a) {
  std::string out;
  for (const PlaceRow& p : a.places) {
    out += fmt::format("place {} depth {} {}\n", Short(p.place.id), p.depth, Name(p.certainty));
  }
  out += Dump(a.place_links);
  return out + Dump(a.units, "unit") + Dump(a.persons, "person") + Dump(a.events, "event");
}

inline std::string Dump(const std::vector<TimelineRow>& rows) {
  std::string out;
  for (const TimelineRow& r : rows) {
    out += fmt::format("{} {}..{} {} other {}\n", Short(r.claim.id), r.earliest, r.latest,
                       r.side == Side::kSubject ? "subject" : "object",
                       r.other ? Short(r.other->id) : "-");
  }
  return out;
}

inline std::string Dump(const AboutAnswer& a) {
  std::string out = "entity " + Short(a.entity.id) + "\n";
  for (const auto& m : a.members) out += "member " + Short(m.id) + "\n";
  for (const auto& n : a.aliases) out += "alias " + n.name + "\n";
  for (const auto& c : a.accepted) out += "accepted " + Short(c.id) + "\n";
  for (const auto& c : a.candidates) out += "candidate " + Short(c.id) + "\n";
  for (const auto& c : a.rejected) out += "rejected " + Short(c.id) + "\n";
  return out;
}

inline std::string Dump(const std::vector<CorroborationGroup>& groups) {
  std::string out;
  for (const CorroborationGroup& g : groups) {
    out += fmt::format("{} {} {}{}:", Short(g.subject), knowledge::Name(g.predicate),
                       g.object ? Short(*g.object) : "", g.object_key.value_or(""));
    for (const base::Id& c : g.claims) out += " " + Short(c);
    out += " |";
    for (const std::string& k : g.independent_keys) out += " " + k;
    out += "\n";
  }
  return out;
}

inline std::string Dump(const std::vector<Contradiction>& list) {
  std::string out;
  for (const Contradiction& c : list) {
    out += fmt::format("{} {} about {} {} {}", Name(c.kind), Name(c.certainty), Short(c.about),
                       Short(c.claim_a), Short(c.claim_b));
    if (c.distance_km) out += fmt::format(" {:.3f} km", *c.distance_km);
    if (c.side_a) out += fmt::format(" sides '{}' '{}'", *c.side_a, c.side_b.value_or(""));
    out += "\n";
  }
  return out;
}

}  // namespace sijill::query::testing
