#include "knowledge/model.h"

#include <array>
#include <cctype>
#include <utility>

#include "text/normalize.h"

namespace sijill::knowledge {
namespace {

template <typename Enum, size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<EntityType, 4> kEntityTypes = {{
    {EntityType::kPerson, "person"},
    {EntityType::kUnit, "unit"},
    {EntityType::kPlace, "place"},
    {EntityType::kEvent, "event"},
}};

constexpr NameTable<Predicate, 10> kPredicates = {{
    {Predicate::kCommanderOf, "commander_of"},
    {Predicate::kMemberOf, "member_of"},
    {Predicate::kSubordinateTo, "subordinate_to"},
    {Predicate::kLocatedAt, "located_at"},
    {Predicate::kDeployedTo, "deployed_to"},
    {Predicate::kParticipatedIn, "participated_in"},
    {Predicate::kOccurredAt, "occurred_at"},
    {Predicate::kRelativeOf, "relative_of"},
    {Predicate::kAliasOf, "alias_of"},
    {Predicate::kDetainedAt, "detained_at"},
}};

constexpr NameTable<Evidence, 4> kEvidence = {{
    {Evidence::kFirstHand, "first_hand"},
    {Evidence::kHearsay, "hearsay"},
    {Evidence::kDocumentary, "documentary"},
    {Evidence::kOpenSource, "open_source"},
}};

constexpr NameTable<Confidence, 3> kConfidence = {{
    {Confidence::kLow, "low"},
    {Confidence::kMedium, "medium"},
    {Confidence::kHigh, "high"},
}};

constexpr NameTable<ClaimStatus, 3> kStatuses = {{
    {ClaimStatus::kCandidate, "candidate"},
    {ClaimStatus::kAccepted, "accepted"},
    {ClaimStatus::kRejected, "rejected"},
}};

template <typename Enum, size_t N>
std::string_view Lookup(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

template <typename Enum, size_t N>
std::optional<Enum> Find(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
std::vector<Enum> Values(const NameTable<Enum, N>& table) {
  std::vector<Enum> out;
  for (const auto& [v, name] : table) out.push_back(v);
  return out;
}

}  // namespace

std::string_view Name(EntityType type) { return Lookup(kEntityTypes, type); }
std::string_view Name(Predicate predicate) { return Lookup(kPredicates, predicate); }
std::string_view Name(Evidence evidence) { return Lookup(kEvidence, evidence); }
std::string_view Name(Confidence confidence) { return Lookup(kConfidence, confidence); }
std::string_view Name(ClaimStatus status) { return Lookup(kStatuses, status); }

std::optional<EntityType> ParseEntityType(std::string_view name) {
  return Find(kEntityTypes, name);
}
std::optional<Predicate> ParsePredicate(std::string_view name) { return Find(kPredicates, name); }
std::optional<Evidence> ParseEvidence(std::string_view name) { return Find(kEvidence, name); }
std::optional<Confidence> ParseConfidence(std::string_view name) { return Find(kConfidence, name); }
std::optional<ClaimStatus> ParseClaimStatus(std::string_view name) { return Find(kStatuses, name); }

const std::vector<EntityType>& AllEntityTypes() {
  static const auto* values = new std::vector<EntityType>(Values(kEntityTypes));
  return *values;
}
const std::vector<Predicate>& AllPredicates() {
  static const auto* values = new std::vector<Predicate>(Values(kPredicates));
  return *values;
}

std::string Pseudonym(const Entity& entity) {
  std::string tag = entity.id.ToString().substr(0, 6);
  for (char& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string word = entity.type == EntityType::kPerson ? "person" : std::string(Name(entity.type));
  return "Protected " + word + " " + tag;
}

std::string NameKey(std::string_view name) {
  std::string folded = text::FoldForSearch(name);
  // Collapse every run of ASCII spaces and punctuation (and the Arabic comma) to one
  // space. Non-ASCII letters are kept as they are; FoldForSearch already unified them.
  std::string key;
  key.reserve(folded.size());
  bool gap = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    auto c = static_cast<unsigned char>(folded[i]);
    bool separator = c < 0x80 ? !std::isalnum(c) : false;
    if (c == 0xD8 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x8C) {
      separator = true;  // U+060C ARABIC COMMA
      ++i;
    }
    if (separator) {
      gap = !key.empty();
      continue;
    }
    if (gap) key.push_back(' ');
    gap = false;
    key.push_back(folded[i]);
  }
  return key;
}

}  // namespace sijill::knowledge
