// Display names of model things in the UI language: ecosystems, chains, districts, parks.
// GL-free lookups shared by panels, tooltips, layers and reports.
#pragma once
#include <string>

#include "core/model.h"
#include "core/money.h"  // shortYi, formatYi: amounts in the language's unit
#include "core/strings.h"

namespace cm {

const char* ecosystemName(Lang l, Ecosystem e);
std::string districtName(const Model& m, Lang l, int district_index);  // "—" when unknown
std::string chainName(const Model& m, Lang l, int chain);              // the id itself when not catalogued
std::string parkName(const Model& m, Lang l, int park_index);          // "—" when unknown
Ecosystem ecosystemOfChain(const Model& m, int chain);                 // from the catalogue; Other when unknown

}  // namespace cm
