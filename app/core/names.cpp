#include <cstdio>
#include "core/names.h"

#include "core/catalog.h"

namespace cm {

Ecosystem ecosystemOfChain(const Model& m, int c) {
  if (c < 0 || c >= static_cast<int>(m.projects.chain_names.size())) return Ecosystem::Other;
  if (auto k = chainFromId(m.projects.chain_names[c])) return kChains[*k].ecosystem;
  return Ecosystem::Other;
}

const char* ecosystemName(Lang l, Ecosystem e) { return tr(l, "eco." + std::string(info(e).id)); }

std::string districtName(const Model& m, Lang l, int d) {
  if (d < 0 || d >= static_cast<int>(m.districts.size())) return "—";
  return l == Lang::Zh ? m.districts[d].name_zh : m.districts[d].name_en;
}

std::string chainName(const Model& m, Lang l, int c) {
  if (c < 0 || c >= static_cast<int>(m.projects.chain_names.size())) return "—";
  const std::string& id = m.projects.chain_names[c];
  if (hasString("chain." + id)) return tr(l, "chain." + id);
  return id;  // a chain the string table does not know: show its name as written in the file
}

std::string parkName(const Model& m, Lang l, int k) {
  if (k < 0 || k >= static_cast<int>(m.parks.size())) return "—";
  return l == Lang::Zh ? m.parks[k].name_zh : m.parks[k].name_en;
}

}  // namespace cm
