#include "extract/run.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.h"
#include "curate/curator.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "knowledge/model.h"
#include "time/edtf.h"

namespace sijill::extract {
namespace {

using knowledge::Entity;
using knowledge::EntityType;

std::optional<Language> LanguageOf(const store::SourceRecord& source) {
  if (!source.language) return std::nullopt;
  std::string_view tag = *source.language;
  if (tag.starts_with("ar")) return Language::kArabic;
  if (tag.starts_with("en")) return Language::kEnglish;
  return std::nullopt;
}

std::optional<time::EdtfDate> DocumentDateOf(const store::SourceRecord& source) {
  if (!source.document_date) return std::nullopt;
  auto value = time::ParseEdtf(*source.document_date);
  if (!value || value->kind != time::ValueKind::kDate) return std::nullopt;
  return value->start;
}

// Code point offset of every byte offset that starts a code point.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : starts_(text.size() + 1, 0) {
    size_t pos = 0, cp = 0;
    while (pos < text.size()) {
      starts_[pos] = cp++;
      size_t next = pos;
      base::DecodeAt(text, &next);
      for (size_t b = pos + 1; b < next; ++b) starts_[b] = cp;  // never a span end
      pos = next;
    }
    starts_[text.size()] = cp;
  }
  uint64_t At(size_t byte) const { return starts_[std::min(byte, starts_.size() - 1)]; }

 private:
  std::vector<uint64_t> starts_;
};

// Persons that are reused only from the source that proposed them: protected ones (joined
// to someone else by a shared name they would lose or spread protection) and those known
// by one word ("Mahmoud" alone may be anyone's father). Their canonical name is recorded
// as an alias seen in the source, so a second run on it finds them and adds nothing; across
// sources a reviewer decides (sijill names --suggest-merges).
bool OnlyBySource(const FoundEntity& found) {
  return found.type == EntityType::kPerson &&
         (found.is_protected || knowledge::NameKey(found.canonical).find(' ') == std::string::npos);
}

// The archive's entity that a found one is: for OnlyBySource persons the one this source
// proposed; otherwise the one entity of its type the archive knows by one of its names
// (persons: a name of two words or more, never a protected entity; events: their canonical
// name).
base::Result<std::optional<base::Id>> KnownEntity(store::KnowledgeStore& knowledge,
                                                  const FoundEntity& found,
                                                  const std::vector<std::string>& names,
                                                  const base::Id& source) {
  if (OnlyBySource(found)) {
    std::string key = knowledge::NameKey(found.canonical);
    ASSIGN_OR_RETURN(auto known, knowledge.FindEntitiesByNameKey(key, found.type, 64));
    for (const Entity& e : known) {
      if (e.is_protected != found.is_protected || e.merged_into) continue;
      for (const auto& alias : e.aliases)
        if (alias.source == source && knowledge::NameKey(alias.name) == key)
          return std::optional<base::Id>(e.id);
    }
  }
  if (found.type == EntityType::kPerson && found.is_protected) return std::optional<base::Id>();
  for (const std::string& name : names) {
    // An event's mentions are the words of one telling ("I was arrested") and name no one:
    // events are known by their canonical name only.
    if (found.type == EntityType::kEvent && &name != &names.front()) break;
    std::string key = knowledge::NameKey(name);
    if (found.type == EntityType::kPerson && key.find(' ') == std::string::npos) continue;
    ASSIGN_OR_RETURN(auto known, knowledge.FindEntitiesByNameKey(key, found.type, 2));
    if (known.size() != 1) continue;
    if (found.type == EntityType::kPerson && known[0].is_protected) continue;
    return std::optional<base::Id>(known[0].id);
  }
  return std::optional<base::Id>();
}

// Whether a surface names its entity rather than pointing back to it: "the brigade", "the
// general", "his unit", "the 47th", "الكتيبة" and "كتيبتنا" do not, and a later source's
// "the brigade" is another brigade. Such surfaces are neither aliases nor looked up.
// English: something after the leading determiners must be capitalized ("the Fourth
// Division"). Arabic script has no capitals: one word names only a place ("حمص"); a
// unit or person needs two words or a number ("اللواء 47", "غسان حيدر").
bool NamesItsEntity(std::string_view surface, EntityType type) {
  static const auto* determiners = new std::set<std::string, std::less<>>{
      "the",   "a",    "an",   "our",   "my",    "his",  "her", "its",
      "their", "this", "that", "these", "those", "same", "your"};
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < surface.size();) {
    size_t end = surface.find(' ', pos);
    if (end == std::string_view::npos) end = surface.size();
    if (end > pos) words.push_back(surface.substr(pos, end - pos));
    pos = end + 1;
  }
  // Arabic letters are U+0600..U+06FF (UTF-8 lead bytes 0xD8..0xDB); Arabic-Indic digits
  // U+0660..U+0669 (0xD9 0xA0..0xA9).
  bool arabic = false, digit = false;
  for (size_t i = 0; i < surface.size(); ++i) {
    auto byte = static_cast<unsigned char>(surface[i]);
    arabic = arabic || (byte >= 0xD8 && byte <= 0xDB);
    digit = digit || (byte >= '0' && byte <= '9') ||
            (byte == 0xD9 && i + 1 < surface.size() &&
             static_cast<unsigned char>(surface[i + 1]) >= 0xA0 &&
             static_cast<unsigned char>(surface[i + 1]) <= 0xA9);
  }
  if (arabic) return type == EntityType::kPlace || words.size() >= 2 || digit;
  size_t first = 0;
  while (first < words.size()) {
    std::string lower(words[first]);
    for (char& ch : lower)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    if (!determiners->contains(lower)) break;
    ++first;
  }
  for (size_t i = first; i < words.size(); ++i)
    if (words[i][0] >= 'A' && words[i][0] <= 'Z') return true;
  return false;
}

bool SameClaim(const knowledge::Claim& a, const knowledge::Claim& b) {
  if (a.predicate != b.predicate || a.object != b.object || a.object_text != b.object_text ||
      a.role != b.role || a.time != b.time)
    return false;
  for (const auto& ca : a.citations) {
    for (const auto& cb : b.citations) {
      if (ca.source == cb.source && ca.cp_begin == cb.cp_begin && ca.cp_end == cb.cp_end)
        return true;
    }
  }
  return false;
}

}  // namespace

base::Result<Gazetteer> ArchiveGazetteer(store::KnowledgeStore& knowledge) {
  Gazetteer gazetteer = Gazetteer::Builtin();
  TRY(knowledge.ForEachEntity(EntityType::kPlace, [&](const Entity& e) {
    if (e.merged_into) return true;
    Place place;
    place.id = "archive:" + e.id.ToString();
    place.name = e.name;
    for (const auto& alias : e.aliases) place.names.push_back(alias.name);
    place.kind = "archive";
    place.latitude = e.latitude;
    place.longitude = e.longitude;
    gazetteer.Add(std::move(place));
    return true;
  }));
  return gazetteer;
}

base::Result<RunSummary> Run(store::Archive& archive, const store::SourceRecord& source) {
  ASSIGN_OR_RETURN(Gazetteer places, ArchiveGazetteer(archive.store().knowledge()));
  return Run(archive, source, places);
}

base::Result<RunSummary> Run(store::Archive& archive, const store::SourceRecord& source,
                             const Gazetteer& places) {
  store::Store& store = archive.store();
  store::KnowledgeStore& knowledge = store.knowledge();
  ASSIGN_OR_RETURN(std::string text, store::ReadWholeBlob(archive.blobs(), source.text_sha256));
  Document doc =
      PrepareDocument(text, LanguageOf(source), DocumentDateOf(source), source.witness, &places);
  // Interviews and testimonies are their speakers' own accounts; anything else is a
  // document whose statements rest on it.
  if (source.kind != "interview" && source.kind != "testimony")
    doc.uncued_evidence = knowledge::Evidence::kDocumentary;
  Extraction found = Extract(doc);
  ASSIGN_OR_RETURN(std::vector<store::PassageRecord> passages, store.GetPassages(source.id));
  CodePoints cps(text);

  RunSummary summary;
  summary.dates = found.dates.size();
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  curate::Curator curator(store, *txn, curate::Actor::Now());
  std::vector<base::Id> ids;
  for (const FoundEntity& f : found.entities) {
    std::vector<std::string> names{f.canonical};
    std::set<std::string> seen_keys{knowledge::NameKey(f.canonical)};
    for (Span s : f.spans) {
      std::string surface(text.substr(s.begin, s.end - s.begin));
      // An event's surfaces are how the text tells it ("I was arrested"): kept as its
      // aliases; events are looked up by their canonical name only (KnownEntity).
      if (f.type != EntityType::kEvent && !NamesItsEntity(surface, f.type)) continue;
      if (seen_keys.insert(knowledge::NameKey(surface)).second) names.push_back(surface);
    }
    ASSIGN_OR_RETURN(auto known, KnownEntity(knowledge, f, names, source.id));
    if (known) {
      ids.push_back(*known);
      ++summary.entities_known;
      continue;
    }
    Entity e;
    e.type = f.type;
    e.name = f.canonical;
    if (OnlyBySource(f)) e.aliases.push_back({f.canonical, source.id});
    for (size_t i = 1; i < names.size(); ++i) e.aliases.push_back({names[i], source.id});
    e.is_protected = f.is_protected;
    if (f.latitude && f.longitude) {
      e.latitude = f.latitude;
      e.longitude = f.longitude;
    }
    e.created_by = "extract:" + f.recognizer;
    ASSIGN_OR_RETURN(Entity added, curator.AddEntity(std::move(e)));
    ids.push_back(added.id);
    ++summary.entities_added;
  }
  for (const FoundClaim& f : found.claims) {
    knowledge::Claim c;
    c.subject = ids[f.subject];
    c.predicate = f.predicate;
    if (f.object) c.object = ids[*f.object];
    c.object_text = f.object_text;
    c.role = f.role;
    c.rank = f.rank;
    c.time = f.time;
    c.evidence = f.evidence;
    c.confidence = knowledge::Confidence::kLow;
    c.status = knowledge::ClaimStatus::kCandidate;
    c.created_by = "extract:" + f.recognizer;
    knowledge::Citation citation;
    citation.source = source.id;
    citation.cp_begin = cps.At(f.quote.begin);
    citation.cp_end = cps.At(f.quote.end);
    auto passage = std::find_if(passages.begin(), passages.end(), [&](const auto& p) {
      return p.cp_begin <= citation.cp_begin && citation.cp_begin < p.cp_end;
    });
    if (passage == passages.end()) continue;  // outside every passage: nothing to cite
    citation.passage = passage->ordinal;
    citation.cp_end = std::min(citation.cp_end, passage->cp_end);  // a quote stays in one
    size_t quote_begin = f.quote.begin, quote_end = f.quote.end;
    {
      // Bytes of the (possibly shortened) quote.
      size_t cp = citation.cp_end;
      quote_end = quote_begin;
      while (quote_end < f.quote.end && cps.At(quote_end) < cp) base::DecodeAt(text, &quote_end);
    }
    citation.quote = text.substr(quote_begin, quote_end - quote_begin);
    c.citations.push_back(std::move(citation));

    store::ClaimFilter same;
    same.subject = c.subject;
    same.predicate = c.predicate;
    same.statuses = {knowledge::ClaimStatus::kCandidate, knowledge::ClaimStatus::kAccepted,
                     knowledge::ClaimStatus::kRejected};
    ASSIGN_OR_RETURN(auto existing, knowledge.FindClaims(same));
    if (std::any_of(existing.begin(), existing.end(),
                    [&](const knowledge::Claim& e) { return SameClaim(e, c); })) {
      ++summary.claims_known;
      continue;
    }
    std::optional<EntityType> object_type;
    if (f.object) object_type = found.entities[*f.object].type;
    if (base::Status ok = knowledge::CheckClaim(c, found.entities[f.subject].type, object_type);
        !ok.ok()) {
      summary.refused.push_back(
          fmt::format("{} {} -> {} ({}: \"{}\"): {}", knowledge::Name(c.predicate),
                      found.entities[f.subject].canonical,
                      f.object ? found.entities[*f.object].canonical : c.object_text.value_or(""),
                      f.recognizer, c.citations.front().quote, ok.message()));
      continue;
    }
    ASSIGN_OR_RETURN(auto added, curator.AddClaim(std::move(c)));
    (void)added;
    ++summary.claims_added;
  }
  TRY(txn->Commit());
  return summary;
}

}  // namespace sijill::extract
