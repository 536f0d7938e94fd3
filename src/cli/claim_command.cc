// sijill claim add|show|edit|accept|reject|list: claims about entities, each resting on
// a witness's exact words.
#include <fmt/format.h>

#include "cli/claim_text.h"
#include "cli/command.h"
#include "cli/curate_session.h"
#include "cli/entity_ref.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/source_ref.h"
#include "curate/quotes.h"
#include "knowledge/knowledge_json.h"

namespace sijill::cli {
namespace {

using knowledge::Claim;

struct ClaimArgs {
  std::string dir, predicate, claim;
  std::optional<std::string> subject, object, object_text, role, rank, time, evidence, confidence,
      note, passphrase_file, status, id;
  std::vector<std::string> cites;
  bool candidate = false, json = false, clear_time = false;
};

// "<source>:<quote>" -> a citation at the quote's exact place in the source.
base::Result<knowledge::Citation> Cite(store::Store& store, const std::string& typed) {
  size_t colon = typed.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == typed.size()) {
    return base::Error(base::Status::InvalidArgument(fmt::format(
        "--cite: '{}' is not SOURCE:QUOTE (a source id or prefix, a colon, the exact words)",
        typed)));
  }
  ASSIGN_OR_RETURN(base::Id source, ResolveSource(store, typed.substr(0, colon)));
  auto cite = curate::LocateQuote(store, source, typed.substr(colon + 1));
  if (!cite) return base::Error(cite.error().WithPrefix("--cite"));
  return cite;
}

// Applies the options given to `claim` (for add and edit alike).
base::Status ApplyOptions(store::Store& store, const ClaimArgs& a, Claim* claim, Console& console) {
  if (a.subject) {
    ASSIGN_OR_RETURN(auto s, ResolveEntity(store, *a.subject, std::nullopt, &console));
    claim->subject = s.id;
  }
  if (a.object) {
    auto o = ResolveEntity(store, *a.object, std::nullopt, &console);
    if (!o) return o.error().WithPrefix("--object");
    claim->object = o->id;
    claim->object_text.reset();
  }
  if (a.object_text) {
    claim->object_text = a.object_text;
    claim->object.reset();
  }
  if (a.role) claim->role = a.role->empty() ? std::nullopt : a.role;
  if (a.rank) claim->rank = a.rank->empty() ? std::nullopt : a.rank;
  if (a.note) claim->note = a.note->empty() ? std::nullopt : a.note;
  if (a.clear_time) claim->time.reset();
  if (a.time) {
    ASSIGN_OR_RETURN(ReadTime t, ReadClaimTime(*a.time));
    if (t.note) console.Err(*t.note + "\n");
    claim->time = t.edtf;
  }
  if (a.evidence) {
    auto e = knowledge::ParseEvidence(*a.evidence);
    if (!e) {
      return base::Status::InvalidArgument(fmt::format(
          "--evidence: '{}' is not first_hand, hearsay, documentary or open_source", *a.evidence));
    }
    claim->evidence = *e;
  }
  if (a.confidence) {
    auto c = knowledge::ParseConfidence(*a.confidence);
    if (!c) {
      return base::Status::InvalidArgument(
          fmt::format("--confidence: '{}' is not low, medium or high", *a.confidence));
    }
    claim->confidence = *c;
  }
  for (const auto& typed : a.cites) {
    ASSIGN_OR_RETURN(auto cite, Cite(store, typed));
    claim->citations.push_back(std::move(cite));
  }
  return base::Status::Ok();
}

int Add(Console& console, const ClaimArgs& a) {
  auto predicate = knowledge::ParsePredicate(a.predicate);
  if (!predicate) {
    std::string all;
    for (auto p : knowledge::AllPredicates())
      all += std::string(all.empty() ? "" : ", ") + std::string(knowledge::Name(p));
    console.Err(fmt::format("sijill claim add: '{}' is not a predicate ({})\n", a.predicate, all));
    return kExitUsage;
  }
  if (!a.subject || (a.object.has_value() == a.object_text.has_value())) {
    console.Err("sijill claim add: give --subject and one of --object or --object-text\n");
    return kExitUsage;
  }
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadWrite, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  Claim claim;
  claim.predicate = *predicate;
  if (a.id) {
    auto id = base::Id::Parse(*a.id);
    if (!id) {
      console.Err(fmt::format("sijill claim add: --id: '{}' is not an id\n", *a.id));
      return kExitUsage;
    }
    claim.id = *id;
  }
  claim.status =
      a.candidate ? knowledge::ClaimStatus::kCandidate : knowledge::ClaimStatus::kAccepted;
  if (auto s = ApplyOptions(store, a, &claim, console); !s.ok()) return Fail(console, s);
  Claim added;
  base::Status s = Curate(**archive, [&](curate::Curator& c) -> base::Status {
    ASSIGN_OR_RETURN(added, c.AddClaim(claim));
    return base::Status::Ok();
  });
  if (!s.ok()) return Fail(console, s);
  if (a.json) {
    auto j = ClaimJson(store, added);
    if (!j) return Fail(console, j.error());
    console.Out(DumpJson(*j));
  } else {
    console.Out(added.id.ToString() + "\n");
    auto text = ClaimText(store, added);
    if (text) console.Err("added " + *text);
  }
  return kExitOk;
}

int Show(Console& console, const ClaimArgs& a) {
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto id = ResolveClaim(store, a.claim);
  if (!id) return Fail(console, id.error());
  auto claim = store.knowledge().GetClaim(*id);
  auto history = store.knowledge().History(*id);
  if (!claim || !history) return Fail(console, !claim ? claim.error() : history.error());
  if (a.json) {
    auto j = ClaimJson(store, *claim);
    if (!j) return Fail(console, j.error());
    (*j)["history"] = nlohmann::json::array();
    for (const auto& h : *history) (*j)["history"].push_back(knowledge::ToJson(h));
    console.Out(DumpJson(*j));
    return kExitOk;
  }
  auto text = ClaimText(store, *claim);
  if (!text) return Fail(console, text.error());
  for (const auto& h : *history)
    *text += fmt::format("  history {} {} by {}\n", h.at, h.action, h.actor);
  console.Out(*text);
  return kExitOk;
}

int Change(Console& console, const ClaimArgs& a, std::optional<knowledge::ClaimStatus> status) {
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadWrite, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto id = ResolveClaim(store, a.claim);
  if (!id) return Fail(console, id.error());
  auto claim = store.knowledge().GetClaim(*id);
  if (!claim) return Fail(console, claim.error());
  if (auto s = ApplyOptions(store, a, &*claim, console); !s.ok()) return Fail(console, s);
  std::string action = "claim.edit";
  if (status) {
    claim->status = *status;
    action = *status == knowledge::ClaimStatus::kAccepted ? "claim.accept" : "claim.reject";
  }
  base::Status s =
      Curate(**archive, [&](curate::Curator& c) { return c.EditClaim(*claim, action); });
  if (!s.ok()) return Fail(console, s);
  auto text = ClaimText(store, *claim);
  if (text) console.Err(fmt::format("{} {}", action.substr(6) + "ed", *text));
  return kExitOk;
}

int List(Console& console, const ClaimArgs& a) {
  store::ClaimFilter filter;
  if (a.status) {
    auto st = knowledge::ParseClaimStatus(*a.status);
    if (!st) {
      console.Err(fmt::format("sijill claim list: '{}' is not candidate, accepted or rejected\n",
                              *a.status));
      return kExitUsage;
    }
    filter.statuses = {*st};
  }
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  if (a.subject) {
    auto e = ResolveEntity(store, *a.subject, std::nullopt, &console);
    if (!e) return Fail(console, e.error());
    filter.subject = e->id;
  }
  if (a.object) {
    auto e = ResolveEntity(store, *a.object, std::nullopt, &console);
    if (!e) return Fail(console, e.error());
    filter.object = e->id;
  }
  auto claims = store.knowledge().FindClaims(filter);
  if (!claims) return Fail(console, claims.error());
  nlohmann::json out = nlohmann::json::array();
  std::string text;
  for (const auto& c : *claims) {
    if (a.json) {
      auto j = ClaimJson(store, c);
      if (!j) return Fail(console, j.error());
      out.push_back(std::move(*j));
    } else {
      auto t = ClaimText(store, c);
      if (!t) return Fail(console, t.error());
      text += *t;
    }
  }
  console.Out(a.json ? DumpJson(out) : text);
  return kExitOk;
}

void Common(CLI::App* sub, ClaimArgs* a) {
  sub->add_option("archive", a->dir, "The archive")->required();
  AddPassphraseFileOption(*sub, &a->passphrase_file);
}

void Fields(CLI::App* sub, ClaimArgs* a) {
  sub->add_option("--subject", a->subject, "Who or what the claim is about (name, alias or id)");
  sub->add_option("--object", a->object, "The entity it relates to (name, alias or id)");
  sub->add_option("--object-text", a->object_text, "A literal object, where no entity fits");
  sub->add_option("--role", a->role, "Role or post: commander, chief of staff, detainee, ...");
  sub->add_option("--rank", a->rank, "Rank as written: first lieutenant, عميد, ...");
  sub->add_option("--time", a->time,
                  "When: EDTF ('2012-23', '../2012-12-31') or words ('the fall of 2012')");
  sub->add_option("--evidence", a->evidence, "first_hand, hearsay, documentary or open_source");
  sub->add_option("--confidence", a->confidence, "low, medium or high");
  sub->add_option("--cite", a->cites,
                  "SOURCE:QUOTE — a source id (or prefix) and the witness's exact words "
                  "(repeatable)");
  sub->add_option("--note", a->note, "A note");
}

}  // namespace

int RunClaim(Console& console, std::span<const std::string> args) {
  CLI::App app{"Claims about persons, units, places and events, each citing exact words.",
               "sijill claim"};
  ConfigureApp(app);
  app.require_subcommand(1);
  ClaimArgs a;
  auto* add = app.add_subcommand("add", "Add a claim (accepted unless --candidate)");
  Common(add, &a);
  add->add_option("predicate", a.predicate,
                  "commander_of, member_of, subordinate_to, located_at, deployed_to, "
                  "participated_in, occurred_at, relative_of, alias_of, detained_at")
      ->required();
  Fields(add, &a);
  add->add_flag("--candidate", a.candidate, "Leave it for review instead of accepting it");
  add->add_flag("--json", a.json, "Print the claim as JSON");
  add->add_option("--id", a.id, "Use this id (for scripts that keep ids across archives)");
  auto* show = app.add_subcommand("show", "Show a claim and its history");
  Common(show, &a);
  show->add_option("claim", a.claim, "Claim id or prefix")->required();
  show->add_flag("--json", a.json, "Print JSON");
  auto* edit = app.add_subcommand("edit", "Change a claim's fields (an empty value clears one)");
  Common(edit, &a);
  edit->add_option("claim", a.claim, "Claim id or prefix")->required();
  Fields(edit, &a);
  edit->add_flag("--clear-time", a.clear_time, "The time is not known");
  auto* accept = app.add_subcommand("accept", "Accept a claim (it needs a citation)");
  Common(accept, &a);
  accept->add_option("claim", a.claim, "Claim id or prefix")->required();
  auto* reject = app.add_subcommand("reject", "Reject a claim (kept, with its history)");
  Common(reject, &a);
  reject->add_option("claim", a.claim, "Claim id or prefix")->required();
  reject->add_option("--note", a.note, "Why");
  auto* list = app.add_subcommand("list", "List claims");
  Common(list, &a);
  list->add_option("--status", a.status, "candidate, accepted (default) or rejected");
  list->add_option("--subject", a.subject, "Only claims about this entity");
  list->add_option("--object", a.object, "Only claims relating to this entity");
  list->add_flag("--json", a.json, "Print JSON");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (add->parsed()) return Add(console, a);
  if (show->parsed()) return Show(console, a);
  if (list->parsed()) return List(console, a);
  if (accept->parsed()) return Change(console, a, knowledge::ClaimStatus::kAccepted);
  if (reject->parsed()) return Change(console, a, knowledge::ClaimStatus::kRejected);
  return Change(console, a, std::nullopt);
}

}  // namespace sijill::cli
