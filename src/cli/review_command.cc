// sijill review: candidate claims one by one — accept, edit then accept, reject, skip.
// Reads one answer per line from standard input, so a reviewer types at the terminal
// and a script can pipe answers; --json prints the queue for tools instead.
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/claim_text.h"
#include "cli/command.h"
#include "cli/curate_session.h"
#include "cli/entity_ref.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"

namespace sijill::cli {
namespace {

using knowledge::Claim;

constexpr std::string_view kPrompt = "[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit? ";
constexpr std::string_view kEditHelp =
    "edit: one FIELD=VALUE per line (time, role, rank, evidence, confidence, subject, object, "
    "note; an empty VALUE clears it; subject and object take a name, an alias or an id), then an "
    "empty line to accept\n";

// Applies "field=value" to `claim`. Errors name the field. A subject or object is read as
// every command reads a name (ResolveEntity): another spelling or a shortening is taken
// when one entity clearly fits, and `console` is told how it was read; an ambiguous name
// is an error listing the choices, never a silent pick.
base::Status ApplyEdit(store::Store& store, Console& console, std::string_view line, Claim* claim) {
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) {
    return base::Status::InvalidArgument(fmt::format("'{}' is not FIELD=VALUE", line));
  }
  std::string field(line.substr(0, eq));
  std::string value(line.substr(eq + 1));
  auto optional = [&]() { return value.empty() ? std::nullopt : std::optional(value); };
  if (field == "time") {
    if (value.empty()) {
      claim->time.reset();
      return base::Status::Ok();
    }
    ASSIGN_OR_RETURN(ReadTime t, ReadClaimTime(value));
    claim->time = t.edtf;
  } else if (field == "role") {
    claim->role = optional();
  } else if (field == "rank") {
    claim->rank = optional();
  } else if (field == "note") {
    claim->note = optional();
  } else if (field == "evidence") {
    auto e = knowledge::ParseEvidence(value);
    if (!e) return base::Status::InvalidArgument("evidence: '" + value + "' is not known");
    claim->evidence = *e;
  } else if (field == "confidence") {
    auto c = knowledge::ParseConfidence(value);
    if (!c) return base::Status::InvalidArgument("confidence: '" + value + "' is not known");
    claim->confidence = *c;
  } else if (field == "subject" || field == "object") {
    auto e = ResolveEntity(store, value, std::nullopt, &console);
    if (!e) return e.error().WithPrefix(field);
    if (field == "subject") {
      claim->subject = e->id;
    } else {
      claim->object = e->id;
      claim->object_text.reset();
    }
  } else {
    return base::Status::InvalidArgument(fmt::format("'{}' is not a field one can edit", field));
  }
  return base::Status::Ok();
}

// Reads FIELD=VALUE lines up to an empty one (or the end of input), applying each to
// `claim` and reporting each that fails on `console`. Returns the fields whose last edit
// failed (a later good edit of the same field makes up for a bad one).
std::vector<std::string> ReadEdits(store::Store& store, Console& console, Claim* claim) {
  std::vector<std::string> failed;
  std::string line;
  while (std::getline(std::cin, line) && !line.empty()) {
    std::string field = line.substr(0, line.find('='));
    std::erase(failed, field);
    if (auto s = ApplyEdit(store, console, line, claim); !s.ok()) {
      console.Err(s.message() + "\n");
      failed.push_back(field);
    }
  }
  return failed;
}

}  // namespace

int RunReview(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Review candidate claims one by one: accept, edit, reject or skip. Answers are read a "
      "line at a time from standard input.",
      "sijill review"};
  ConfigureApp(app);
  std::string dir;
  std::optional<std::string> passphrase_file;
  bool json = false;
  app.add_option("archive", dir, "The archive")->required();
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_flag("--json", json,
               "Print the candidates as JSON and change nothing (decide with 'sijill claim "
               "accept|reject|edit')");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto archive = OpenArchive(dir, json ? store::OpenMode::kReadOnly : store::OpenMode::kReadWrite,
                             passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto queue = store.knowledge().FindClaims({.statuses = {knowledge::ClaimStatus::kCandidate}});
  if (!queue) return Fail(console, queue.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : *queue) {
      auto j = ClaimJson(store, c);
      if (!j) return Fail(console, j.error());
      out.push_back(std::move(*j));
    }
    console.Out(DumpJson(out));
    return kExitOk;
  }
  if (queue->empty()) {
    console.Err("No candidate claims to review.\n");
    return kExitOk;
  }
  size_t accepted = 0, rejected = 0, skipped = 0;
  for (size_t i = 0; i < queue->size(); ++i) {
    Claim claim = (*queue)[i];
    auto text = ClaimText(store, claim);
    if (!text) return Fail(console, text.error());
    console.Out(fmt::format("[{}/{}] {}", i + 1, queue->size(), *text));
    std::string answer;
    bool decided = false;
    while (!decided) {
      console.Out(kPrompt);
      if (!std::getline(std::cin, answer)) answer = "q";
      if (answer == "q") break;
      std::optional<knowledge::ClaimStatus> status;
      if (answer == "a") status = knowledge::ClaimStatus::kAccepted;
      if (answer == "r") status = knowledge::ClaimStatus::kRejected;
      if (answer == "s") {
        ++skipped;
        decided = true;
        continue;
      }
      if (answer == "e") {
        console.Out(kEditHelp);
        if (auto failed = ReadEdits(store, console, &claim); !failed.empty()) {
          // Accepting now would keep what the reviewer meant to change: ask again instead.
          std::string fields;
          for (const auto& f : failed) fields += (fields.empty() ? "" : ", ") + f;
          console.Err(
              fmt::format("not accepted: {} not changed; the claim is as it was\n", fields));
          claim = (*queue)[i];
          continue;
        }
        status = knowledge::ClaimStatus::kAccepted;
      }
      if (!status) continue;  // asked again
      claim.status = *status;
      const char* action =
          *status == knowledge::ClaimStatus::kAccepted ? "claim.accept" : "claim.reject";
      base::Status s =
          Curate(**archive, [&](curate::Curator& c) { return c.EditClaim(claim, action); });
      if (!s.ok()) {
        console.Err(fmt::format("not saved: {}\n", s.message()));
        claim = (*queue)[i];
        continue;
      }
      ++(*status == knowledge::ClaimStatus::kAccepted ? accepted : rejected);
      decided = true;
    }
    if (answer == "q") break;
  }
  console.Err(fmt::format("{} accepted, {} rejected, {} skipped\n", accepted, rejected, skipped));
  return kExitOk;
}

}  // namespace sijill::cli
