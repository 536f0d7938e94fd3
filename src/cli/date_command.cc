#include <fmt/format.h>

#include "cli/command.h"
#include "cli/json_records.h"
#include "time/bounds.h"
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

}  // namespace

int RunDate(Console& console, std::span<const std::string> args) {
  if (!args.empty() && args[0] == "parse") return RunDateParse(console, args.subspan(1));
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    console.Out(
        "usage: sijill date parse EDTF... [--json]\n\n"
        "  parse   check EDTF values and print their day bounds and flags\n");
    return args.empty() ? kExitUsage : kExitOk;
  }
  console.Err(
      fmt::format("sijill date: unknown subcommand '{}'; the subcommand is 'parse'\n", args[0]));
  return kExitUsage;
}

}  // namespace sijill::cli
