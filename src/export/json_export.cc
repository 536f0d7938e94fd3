// The JSON export (docs/formats/knowledge-json.md), written as one record per line so
// that it streams and diffs well:
//
//   {"format":"sijill-knowledge","version":1,"level":L,"exported_at":T,
//   "sources":[
//   SOURCE,
//   ...],
//   "entities":[ ENTITY lines ],
//   "claims":[ CLAIM lines ],
//   "history":[ EVENT lines ]}          (history: confidential level only; else [])
//
// Records are those of knowledge::ToJson and SourceToJson, keys sorted.
#include <fmt/format.h>

#include "export/source_json.h"
#include "export/writers.h"
#include "knowledge/knowledge_json.h"

namespace sijill::exporter {
namespace {

// Writes the records of one array, one per line.
class ArrayLines {
 public:
  ArrayLines(std::ostream& out, std::string_view key, bool last) : out_(out), last_(last) {
    out_ << '"' << key << "\":[";
  }
  void Add(const nlohmann::json& record) {
    out_ << (first_ ? "\n" : ",\n") << record.dump();
    first_ = false;
  }
  ~ArrayLines() { out_ << (first_ ? "]" : "\n]") << (last_ ? "}\n" : ",\n"); }

 private:
  std::ostream& out_;
  bool last_;
  bool first_ = true;
};

}  // namespace

base::Status WriteJson(WriteContext& ctx) {
  ASSIGN_OR_RETURN(std::ostream * out, ctx.out.Open("export.json"));
  nlohmann::json header = {{"format", "sijill-knowledge"},
                           {"version", 1},
                           {"level", store::AccessLevelName(ctx.view.level())},
                           {"exported_at", ctx.options.exported_at}};
  std::string head = header.dump();
  head.pop_back();  // the closing brace: the arrays follow in the same object
  *out << head << ",\n";
  {
    ArrayLines lines(*out, "sources", false);
    for (const auto& s : ctx.view.sources()) lines.Add(SourceToJson(s));
  }
  {
    ArrayLines lines(*out, "entities", false);
    TRY(ForEachShownEntity(ctx, [&](const knowledge::Entity& e) {
      lines.Add(knowledge::ToJson(e));
      return true;
    }));
  }
  {
    ArrayLines lines(*out, "claims", false);
    TRY(ForEachShownClaim(ctx, Statuses::kAll, [&](const knowledge::Claim& c) {
      lines.Add(knowledge::ToJson(c));
      return true;
    }));
  }
  ArrayLines lines(*out, "history", true);
  if (ctx.view.RevealsProtected()) {
    TRY(ctx.store.knowledge().ForEachHistory([&](const knowledge::HistoryEvent& e) {
      lines.Add(knowledge::ToJson(e));
      return true;
    }));
  }
  return base::Status::Ok();
}

}  // namespace sijill::exporter
