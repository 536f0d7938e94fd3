// Made-up places for the English recognizer tests, so that they do not depend on the
// shipped gazetteer: Tallbrook, Westmere, Ossington and Karn, all towns.
#pragma once

#include <string>
#include <utility>

#include "extract/gazetteer.h"

namespace sijill::extract::testing {

inline const Gazetteer& TestPlaces() {
  static const Gazetteer* g = [] {
    auto* gz = new Gazetteer();
    for (const char* name : {"Tallbrook", "Westmere", "Ossington", "Karn"}) {
      Place p;
      p.id = std::string("test:") + name;
      p.name = name;
      p.kind = "town";
      gz->Add(std::move(p));
    }
    return gz;
  }();
  return *g;
}

}  // namespace sijill::extract::testing
