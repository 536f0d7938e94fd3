#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "cli/command.h"
#include "cli/json_records.h"
#include "ingest/add.h"
#include "ingest/document_text.h"
#include "time/bounds.h"
#include "time/date_finder.h"
#include "time/edtf.h"

namespace sijill::cli {
namespace {

// A day as ISO 8601 (years outside 0..9999 keep their sign and all digits).
std::string DayText(time::Day day) {
  time::CivilDate d = time::CivilFromDay(day);
  if (d.year >= 0 && d.year <= 9999)
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  return fmt::format("{}{:04}-{:02}-{:02}", d.year < 0 ? "-" : "+", d.year < 0 ? -d.year : d.year,
                     d.month, d.day);
}

nlohmann::json OptionalDay(const std::optional<time::Day>& day) {
  return day ? nlohmann::json(DayText(*day)) : nlohmann::json(nullptr);
}

nlohmann::json ValueJson(std::string_view input, const time::EdtfValue& v) {
  time::Bounds b = time::BoundsOf(v);
  return {{"input", std::string(input)},
          {"edtf", time::ToString(v)},
          {"level", time::Level(v)},
          {"earliest", OptionalDay(b.earliest)},
          {"latest", OptionalDay(b.latest)},
          {"certain_first", OptionalDay(b.certain_first)},
          {"certain_last", OptionalDay(b.certain_last)},
          {"uncertain", b.uncertain},
          {"approximate", b.approximate},
          {"unspecified", b.unspecified}};
}

std::string ValueText(const nlohmann::json& j) {
  auto day = [](const nlohmann::json& d) {
    return d.is_null() ? std::string("open") : d.get<std::string>();
  };
  std::string flags;
  for (const char* f : {"uncertain", "approximate", "unspecified"}) {
    if (j[f].get<bool>()) flags += flags.empty() ? f : std::string(" ") + f;
  }
  std::string certain = j["certain_first"].is_null()
                            ? "no day"
                            : day(j["certain_first"]) + " .. " + day(j["certain_last"]);
  return fmt::format(
      "{}\n  edtf      {}\n  level     {}\n  earliest  {}\n  latest    {}\n  certain   {}\n"
      "  flags     {}\n",
      j["input"].get<std::string>(), j["edtf"].get<std::string>(), j["level"].get<int>(),
      day(j["earliest"]), day(j["latest"]), certain, flags.empty() ? "none" : flags);
}

// Arguments are read by hand, not by CLI11: EDTF values look like CLI11's own list
// syntax ("[a,b]") and like options ("-0099", a negative year).
int RunDateParse(Console& console, std::span<const std::string> args) {
  std::vector<std::string> values;
  bool json = false;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else if (a == "-h" || a == "--help") {
      console.Out(
          "usage: sijill date parse EDTF... [--json]\n\n"
          "Check EDTF values and print their day bounds: the earliest and latest day each may\n"
          "mean, the days it certainly covers, and its uncertain / approximate / unspecified\n"
          "flags. Example: sijill date parse 2012-23 '../2013-12~' '[2012-07-20,2012-07-21]'\n");
      return kExitOk;
    } else if (a.starts_with("--")) {
      console.Err(fmt::format("sijill date parse: unknown option {}\n", a));
      return kExitUsage;
    } else {
      values.push_back(a);
    }
  }
  if (values.empty()) {
    console.Err("sijill date parse: give at least one EDTF value\n");
    return kExitUsage;
  }

  nlohmann::json out = nlohmann::json::array();
  int exit_code = kExitOk;
  for (const auto& text : values) {
    auto value = time::ParseEdtf(text);
    if (!value) {
      exit_code = Fail(console, value.error());
      continue;
    }
    out.push_back(ValueJson(text, *value));
  }
  if (json) {
    console.Out(DumpJson(out));
  } else {
    std::string text;
    for (const auto& j : out) text += ValueText(j);
    console.Out(text);
  }
  return exit_code;
}

constexpr std::string_view kFindHelp =
    "usage: sijill date find FILE [--date DOC_DATE] [--json]\n\n"
    "Find the date expressions in a document (text, Markdown, DOCX or PDF, read as 'sijill\n"
    "add' reads it) in English and Arabic, and print one line per mention:\n"
    "  BEGIN-END <tab> EDTF <tab> TEXT <tab> EARLIEST..LATEST\n"
    "BEGIN-END are code points into the document's normalized text (END exclusive). EDTF\n"
    "and the day bounds are '?' when the date could not be fixed (a month with no year in\n"
    "sight); an open bound is left empty ('2010-01-01..'). In TEXT a tab, line break or\n"
    "backslash is written \\t, \\n or \\\\.\n\n"
    "  --date DOC_DATE  when the document was written or the interview held: YYYY,\n"
    "                   YYYY-MM or YYYY-MM-DD; a year nowhere written in the text is taken\n"
    "                   from it, and \"last November\" is counted back from it. Default:\n"
    "                   the file's own date (header Interviewed:, DOCX or PDF creation date)\n"
    "  --json           print an array of {begin, end, text, edtf, level, earliest, latest,\n"
    "                   certain_first, certain_last, uncertain, approximate, unspecified}\n\n"
    "Example: sijill date find interview.docx --date 2013-06-18\n";

// Why `value` cannot be a document date, or empty: the date finder uses the year and
// month of one plain calendar date.
std::string DocumentDateProblem(std::string_view text, const time::EdtfValue& value) {
  const time::EdtfDate& d = value.start;
  if (value.kind != time::ValueKind::kDate) return fmt::format("{} is not a single date", text);
  if (d.month > 12) return fmt::format("{} is a season or sub-year grouping, not a date", text);
  if (d.year_qualifier || d.month_qualifier || d.day_qualifier)
    return fmt::format("{} is qualified (? ~ %); give the date itself", text);
  if (d.year_unspecified || d.month_unspecified || d.day_unspecified || d.significant_digits != 0 ||
      d.year_form != time::YearForm::kPlain)
    return fmt::format("{} is not one known year, month or day", text);
  return {};
}

// Parses --date. Returns the date, or sets *problem.
std::optional<time::EdtfDate> ParseDocumentDate(std::string_view text, std::string* problem) {
  auto value = time::ParseEdtf(text);
  if (!value) {
    *problem = value.error().message();
    return std::nullopt;
  }
  *problem = DocumentDateProblem(text, *value);
  if (!problem->empty()) {
    *problem += " (use YYYY, YYYY-MM or YYYY-MM-DD)";
    return std::nullopt;
  }
  return value->start;
}

std::string EscapeField(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

// A mention or one end of a range: its span, text, value, bounds and flags.
template <typename Span>
nlohmann::json SpanJson(const Span& m) {
  nlohmann::json j;
  if (m.value) {
    j = ValueJson(m.text, *m.value);
  } else {
    j = {{"edtf", nullptr},    {"level", nullptr},         {"earliest", nullptr},
         {"latest", nullptr},  {"certain_first", nullptr}, {"certain_last", nullptr},
         {"uncertain", false}, {"approximate", false},     {"unspecified", false}};
  }
  j.erase("input");
  j["begin"] = m.cp_begin;
  j["end"] = m.cp_end;
  j["text"] = m.text;
  return j;
}

// With "parts" for a range written as two dates ("from X until Y"): each end alone.
nlohmann::json MentionJson(const time::DateMention& m) {
  nlohmann::json j = SpanJson(m);
  if (!m.parts.empty()) {
    j["parts"] = nlohmann::json::array();
    for (const auto& p : m.parts) j["parts"].push_back(SpanJson(p));
  }
  return j;
}

std::string MentionLine(const time::DateMention& m) {
  std::string edtf = "?", bounds = "?";
  if (m.value) {
    edtf = time::ToString(*m.value);
    time::Bounds b = time::BoundsOf(*m.value);
    bounds = (b.earliest ? DayText(*b.earliest) : "") + ".." + (b.latest ? DayText(*b.latest) : "");
  }
  return fmt::format("{}-{}\t{}\t{}\t{}\n", m.cp_begin, m.cp_end, edtf, EscapeField(m.text),
                     bounds);
}

struct FindArgs {
  std::string file;
  std::optional<std::string> date;
  bool json = false;
};

// Reads the arguments of `date find`. Returns -1 to go on, else the exit code.
int ParseFindArgs(Console& console, std::span<const std::string> args, FindArgs* out) {
  std::vector<std::string> files;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || !a.starts_with("-") || a == "-") {
      files.push_back(a);
    } else if (a == "--") {
      options_done = true;
    } else if (a == "--json") {
      out->json = true;
    } else if (a == "-h" || a == "--help") {
      console.Out(kFindHelp);
      return kExitOk;
    } else if (a == "--date" && i + 1 < args.size()) {
      out->date = args[++i];
    } else if (a.starts_with("--date=")) {
      out->date = a.substr(7);
    } else if (a == "--date") {
      console.Err("sijill date find: --date needs a value (YYYY, YYYY-MM or YYYY-MM-DD)\n");
      return kExitUsage;
    } else {
      console.Err(fmt::format("sijill date find: unknown option {}\n", a));
      return kExitUsage;
    }
  }
  if (files.size() != 1) {
    console.Err(files.empty() ? "sijill date find: give the FILE to search for dates\n"
                              : "sijill date find: give one FILE\n");
    return kExitUsage;
  }
  out->file = files[0];
  return -1;
}

int RunDateFind(Console& console, std::span<const std::string> args) {
  FindArgs a;
  if (int rc = ParseFindArgs(console, args, &a); rc >= 0) return rc;
  time::FindOptions options;
  if (a.date) {
    std::string problem;
    options.document_date = ParseDocumentDate(*a.date, &problem);
    if (!options.document_date) {
      console.Err(fmt::format("sijill date find: --date: {}\n", problem));
      return kExitUsage;
    }
  }

  std::error_code ec;
  (void)std::filesystem::status(a.file, ec);
  if (ec == std::errc::no_such_file_or_directory) {  // worded as `sijill add` words it
    return Fail(console, base::Status::NotFound(a.file + ": no such file or directory"));
  }
  auto doc = ingest::ReadDocumentText(a.file);
  if (!doc) return Fail(console, doc.error());
  if (!a.date) {
    auto file_date = ingest::FileDocumentDate(doc->metadata, a.file);
    if (!file_date) return Fail(console, file_date.error());
    // A checked YYYY[-MM[-DD]] is always valid EDTF.
    if (*file_date) options.document_date = time::ParseEdtf(**file_date)->start;
  }

  std::vector<time::DateMention> mentions = time::FindDates(doc->text, options);
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : mentions) out.push_back(MentionJson(m));
    console.Out(DumpJson(out));
  } else {
    std::string out;
    for (const auto& m : mentions) out += MentionLine(m);
    console.Out(out);
  }
  return kExitOk;
}

}  // namespace

int RunDate(Console& console, std::span<const std::string> args) {
  if (!args.empty() && args[0] == "parse") return RunDateParse(console, args.subspan(1));
  if (!args.empty() && args[0] == "find") return RunDateFind(console, args.subspan(1));
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    console.Out(
        "usage: sijill date parse EDTF... [--json]\n"
        "       sijill date find FILE [--date DOC_DATE] [--json]\n\n"
        "  parse   check EDTF values and print their day bounds and flags\n"
        "  find    find the dates written in a document (English and Arabic) as EDTF\n\n"
        "Examples:\n"
        "  sijill date parse 2012-23 '[2012-07-20,2012-07-21]'\n"
        "  sijill date find interview.txt --date 2013-06-18\n\n"
        "Run 'sijill date parse --help' or 'sijill date find --help' for details.\n");
    return args.empty() ? kExitUsage : kExitOk;
  }
  console.Err(fmt::format(
      "sijill date: unknown subcommand '{}'; the subcommands are 'parse' and 'find'\n", args[0]));
  return kExitUsage;
}

}  // namespace sijill::cli
