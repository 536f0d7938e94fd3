// CheckEntity and CheckClaim: the invariants of model.h, with messages that name the
// field.
#include <fmt/format.h>

#include <cmath>

#include "base/utf8.h"
#include "knowledge/model.h"
#include "time/edtf.h"

namespace sijill::knowledge {
namespace {

base::Status Invalid(std::string_view field, std::string_view problem) {
  return base::Status::InvalidArgument(fmt::format("{}: {}", field, problem));
}

base::Status CheckName(std::string_view field, std::string_view name) {
  if (!base::IsValidUtf8(name)) return Invalid(field, "not valid UTF-8");
  bool blank = true;
  for (char c : name) {
    if (c == '\n' || c == '\r' || c == '\t') return Invalid(field, "a name is one line");
    if (c != ' ') blank = false;
  }
  if (blank) return Invalid(field, "a name cannot be empty");
  if (name.size() > 500) return Invalid(field, "a name is at most 500 bytes");
  return base::Status::Ok();
}

base::Status CheckOptionalText(std::string_view field, const std::optional<std::string>& text) {
  if (text && !base::IsValidUtf8(*text)) return Invalid(field, "not valid UTF-8");
  if (text && text->empty()) return Invalid(field, "give a value or leave it out");
  return base::Status::Ok();
}

// Which entity types a predicate accepts as subject and as object (bit per type).
struct Signature {
  unsigned subjects;
  unsigned objects;  // 0: same type as the subject (alias_of)
};

constexpr unsigned Bit(EntityType t) { return 1u << static_cast<unsigned>(t); }
constexpr unsigned kPerson = Bit(EntityType::kPerson), kUnit = Bit(EntityType::kUnit),
                   kPlace = Bit(EntityType::kPlace), kEvent = Bit(EntityType::kEvent);

Signature SignatureOf(Predicate p) {
  switch (p) {
    case Predicate::kCommanderOf:
    case Predicate::kMemberOf:
      return {kPerson, kUnit};
    case Predicate::kSubordinateTo:
      return {kUnit, kUnit};
    case Predicate::kLocatedAt:
      return {kUnit | kEvent | kPerson | kPlace, kPlace};
    case Predicate::kDeployedTo:
      return {kUnit | kPerson, kPlace | kEvent};
    case Predicate::kParticipatedIn:
      return {kPerson | kUnit, kEvent};
    case Predicate::kOccurredAt:
      return {kEvent, kPlace};
    case Predicate::kRelativeOf:
      return {kPerson, kPerson};
    case Predicate::kAliasOf:
      return {kPerson | kUnit | kPlace | kEvent, 0};
    case Predicate::kDetainedAt:
      return {kPerson, kPlace | kUnit};
  }
  return {0, 0};
}

std::string Allowed(unsigned bits) {
  std::string out;
  for (EntityType t : AllEntityTypes()) {
    if ((bits & Bit(t)) == 0) continue;
    if (!out.empty()) out += " or ";
    out += Name(t);
  }
  return out;
}

}  // namespace

base::Status CheckEntity(const Entity& entity) {
  TRY(CheckName("name", entity.name));
  for (const Alias& alias : entity.aliases) TRY(CheckName("alias", alias.name));
  if (entity.latitude.has_value() != entity.longitude.has_value()) {
    return Invalid("coordinates", "give both latitude and longitude, or neither");
  }
  if (entity.latitude && (!std::isfinite(*entity.latitude) || std::fabs(*entity.latitude) > 90)) {
    return Invalid("latitude", fmt::format("{} is not within -90..90", *entity.latitude));
  }
  if (entity.longitude &&
      (!std::isfinite(*entity.longitude) || std::fabs(*entity.longitude) > 180)) {
    return Invalid("longitude", fmt::format("{} is not within -180..180", *entity.longitude));
  }
  if (entity.latitude && entity.type != EntityType::kPlace) {
    return Invalid("coordinates", "only places have coordinates");
  }
  if (entity.side && entity.type != EntityType::kUnit) {
    return Invalid("side", "only units have a side");
  }
  if (entity.is_protected && entity.type != EntityType::kPerson) {
    return Invalid("protected", "only persons are protected");
  }
  if (entity.merged_into && *entity.merged_into == entity.id) {
    return Invalid("merged_into", "an entity cannot be merged into itself");
  }
  TRY(CheckOptionalText("side", entity.side));
  TRY(CheckOptionalText("note", entity.note));
  return base::Status::Ok();
}

base::Status CheckClaim(const Claim& claim, EntityType subject_type,
                        std::optional<EntityType> object_type) {
  if (claim.object.has_value() == claim.object_text.has_value()) {
    return Invalid("object", "give either an entity or a text, not both or neither");
  }
  if (claim.object_text) TRY(CheckName("object", *claim.object_text));
  Signature sig = SignatureOf(claim.predicate);
  if ((sig.subjects & Bit(subject_type)) == 0) {
    return Invalid("subject",
                   fmt::format("{} needs a {} as subject, not a {}", Name(claim.predicate),
                               Allowed(sig.subjects), Name(subject_type)));
  }
  if (object_type) {
    unsigned objects = sig.objects == 0 ? Bit(subject_type) : sig.objects;
    if ((objects & Bit(*object_type)) == 0) {
      return Invalid("object",
                     fmt::format("{} needs a {} as object, not a {}", Name(claim.predicate),
                                 Allowed(objects), Name(*object_type)));
    }
    if (claim.object && *claim.object == claim.subject) {
      return Invalid("object", "a claim's object cannot be its subject");
    }
  }
  TRY(CheckOptionalText("role", claim.role));
  TRY(CheckOptionalText("rank", claim.rank));
  TRY(CheckOptionalText("note", claim.note));
  if (claim.time) {
    auto value = time::ParseEdtf(*claim.time);
    if (!value) return Invalid("time", value.error().message());
    if (time::ToString(*value) != *claim.time) {
      return Invalid("time", fmt::format("'{}' is not in canonical form ('{}')", *claim.time,
                                         time::ToString(*value)));
    }
  }
  if (claim.status == ClaimStatus::kAccepted && claim.citations.empty()) {
    return Invalid("citations", "an accepted claim needs at least one citation");
  }
  for (const Citation& c : claim.citations) {
    if (c.cp_end <= c.cp_begin) return Invalid("citation", "a quote cannot be empty");
    if (!base::IsValidUtf8(c.quote)) return Invalid("citation", "quote is not valid UTF-8");
  }
  return base::Status::Ok();
}

}  // namespace sijill::knowledge
