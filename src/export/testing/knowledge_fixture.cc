#include "export/testing/knowledge_fixture.h"

#include <fstream>

#include "curate/quotes.h"
#include "ingest/add.h"

namespace sijill::exporter::testing {

namespace fs = std::filesystem;
using knowledge::Claim;
using knowledge::Entity;
using knowledge::EntityType;
using knowledge::Predicate;

KnowledgeFixture::KnowledgeFixture(const base::testing::TempDir& dir, Protected with_protected)
    : dir_(dir) {
  if (auto s = Build(with_protected); !s.ok()) error_ = s.message();
}

base::Status KnowledgeFixture::AddSources() {
  struct File {
    const char* name;
    const char* text;
    store::AccessLevel access;
    base::Id* id;
  };
  const File files[] = {
      {"public.txt",
       "Title: A public report\n\nBrigadier General Ghassan Haidar, \"Abu Ali\", commanded the "
       "47th Brigade from 2012-11-01 to 2012-12-31.\n\nThe 47th Brigade had its base in Hama.\n",
       store::AccessLevel::kPublic, &public_source},
      {"restricted.txt",
       "Title: An interview\n\nAbu Karam served in the 47th Brigade in the fall of 2012. "
       "قال أبو كرام إن اللواء 47 انتشر في جوبر.\n\nThe massacre at Jobar was in 2013.\n",
       store::AccessLevel::kRestricted, &restricted_source},
      {"confidential.txt",
       "Title: A confidential statement\n\nMy brother Abu Karam was taken by the brigade.\n",
       store::AccessLevel::kConfidential, &confidential_source},
  };
  for (const File& f : files) {
    std::ofstream(dir_.Path(f.name)) << f.text;
    ingest::SourceOverrides overrides;
    overrides.access = f.access;
    ASSIGN_OR_RETURN(auto added, ingest::AddFile(*archive_, dir_.Path(f.name), overrides,
                                                 ingest::Intake::Now()));
    *f.id = added.source.id;
  }
  return base::Status::Ok();
}

base::Status KnowledgeFixture::Build(Protected with_protected) {
  ASSIGN_OR_RETURN(archive_, store::Archive::Create(dir_.Path("a")));
  TRY(AddSources());
  archive_.reset();  // closed, so that its files can be copied whole
  std::error_code ec;
  fs::copy(dir_.Path("a"), dir_.Path("fresh-template"), fs::copy_options::recursive, ec);
  if (ec) return base::Status::IOError("copy: " + ec.message());
  ASSIGN_OR_RETURN(archive_, store::Archive::Open(dir_.Path("a"), store::OpenMode::kReadWrite));
  ASSIGN_OR_RETURN(auto txn, archive_->store().BeginWrite());
  curate::Curator curator(archive_->store(), *txn, curate::Actor{"tester", "2026-11-27T10:00:00Z"});
  TRY(AddKnowledge(curator, with_protected));
  return txn->Commit();
}

std::unique_ptr<store::Archive> KnowledgeFixture::FreshCopy(const std::string& name) {
  std::error_code ec;
  fs::copy(dir_.Path("fresh-template"), dir_.Path(name), fs::copy_options::recursive, ec);
  if (ec) return nullptr;
  auto opened = store::Archive::Open(dir_.Path(name), store::OpenMode::kReadWrite);
  return opened ? std::move(*opened) : nullptr;
}

base::Status KnowledgeFixture::AddKnowledge(curate::Curator& c, Protected with_protected) {
  auto entity = [&](EntityType type, std::string name, std::vector<knowledge::Alias> aliases,
                    bool is_protected = false) -> base::Result<Entity> {
    Entity e;
    e.type = type;
    e.name = std::move(name);
    e.aliases = std::move(aliases);
    e.is_protected = is_protected;
    if (type == EntityType::kPlace) {
      e.latitude = 35.1318;
      e.longitude = 36.7578;
    }
    return c.AddEntity(e);
  };
  ASSIGN_OR_RETURN(Entity brigade,
                   entity(EntityType::kUnit, "47th Brigade", {{"اللواء 47", restricted_source}}));
  ASSIGN_OR_RETURN(Entity brigade2, entity(EntityType::kUnit, "47 Brigade", {}));
  TRY(c.Merge(brigade2.id, brigade.id));
  ASSIGN_OR_RETURN(Entity division, entity(EntityType::kUnit, "4th Division", {}));
  ASSIGN_OR_RETURN(Entity haidar,
                   entity(EntityType::kPerson, "Ghassan Haidar", {{"Abu Ali", public_source}}));
  ASSIGN_OR_RETURN(Entity hama, entity(EntityType::kPlace, "Hama", {{"حماة", std::nullopt}}));
  ASSIGN_OR_RETURN(Entity jobar, entity(EntityType::kEvent, "Jobar massacre", {}));
  bool with_witness = with_protected == Protected::kWitness;
  ASSIGN_OR_RETURN(witness,
                   entity(EntityType::kPerson, with_witness ? "Abu Karam" : "Soldier K",
                          {{with_witness ? "أبو كرام" : "Jundi K", std::nullopt}}, with_witness));
  store::Store& store = archive_->store();
  auto claim = [&](const Entity& s, Predicate p, std::optional<base::Id> o,
                   std::optional<std::string> time, const base::Id& source,
                   std::string_view quote) -> base::Status {
    Claim cl;
    cl.subject = s.id;
    cl.predicate = p;
    cl.object = o;
    if (!o) cl.object_text = "a checkpoint, \"the 7th\"";
    cl.time = std::move(time);
    ASSIGN_OR_RETURN(auto cite, curate::LocateQuote(store, source, quote));
    cl.citations.push_back(cite);
    if (p == Predicate::kCommanderOf) cl.role = "commander";
    if (p == Predicate::kMemberOf) cl.rank = "first lieutenant, \"mulazim awwal\"";
    auto added = c.AddClaim(cl);
    return added ? base::Status::Ok() : added.error();
  };
  TRY(claim(haidar, Predicate::kCommanderOf, brigade.id, "2012-11-01/2012-12-31", public_source,
            "Ghassan Haidar, \"Abu Ali\", commanded the 47th Brigade"));
  TRY(claim(brigade, Predicate::kLocatedAt, hama.id, std::nullopt, public_source,
            "The 47th Brigade had its base in Hama."));
  TRY(claim(witness, Predicate::kMemberOf, brigade.id, "2012-23", restricted_source,
            "served in the 47th Brigade in the fall of 2012"));
  TRY(claim(brigade, Predicate::kDeployedTo, jobar.id, "2013", restricted_source,
            "قال أبو كرام إن اللواء 47 انتشر في جوبر"));
  TRY(claim(witness, Predicate::kDetainedAt, std::nullopt, "2013?", confidential_source,
            "My brother Abu Karam was taken by the brigade."));
  TRY(claim(brigade, Predicate::kSubordinateTo, division.id, "2012/2013", public_source,
            "commanded the 47th Brigade"));
  // A candidate with no citation yet: exported only at the confidential level.
  Claim candidate;
  candidate.subject = jobar.id;
  candidate.predicate = Predicate::kOccurredAt;
  candidate.object = hama.id;
  candidate.status = knowledge::ClaimStatus::kCandidate;
  candidate.note = "to check; line one\nline two, with a comma";
  auto added = c.AddClaim(candidate);
  return added ? base::Status::Ok() : added.error();
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace sijill::exporter::testing
