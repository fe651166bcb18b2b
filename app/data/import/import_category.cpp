#include "data/import/import_category.h"

#include "core/catalog.h"

namespace cm {

std::optional<int> decidedChain(const CategoryChoice& c) { return c.chain.empty() ? std::nullopt : chainFromId(c.chain); }

Ecosystem IndustryValue::ecosystem() const {
  if (decided) return decided->ecosystem;
  return match.confidence >= kIndustryConfident ? match.ecosystem : Ecosystem::Other;
}

int IndustryValue::chain() const {
  if (decided) return decidedChain(*decided).value_or(-1);
  return match.confidence >= kIndustryConfident ? match.chain : -1;
}

size_t CategoryResolver::value(const std::string& text, Field column) {
  const std::string key = std::to_string(static_cast<int>(column)) + "\x1f" + text;
  auto [it, fresh] = index_.try_emplace(key, values_.size());
  if (fresh) {
    IndustryValue v;
    v.text = text;
    v.column = column;
    v.match = classifyIndustry(text);
    if (const auto d = m_.categories.find(text); d != m_.categories.end()) v.decided = d->second;
    values_.push_back(std::move(v));
  }
  ++values_[it->second].rows;
  return it->second;
}

CategoryResolver::Answer CategoryResolver::resolve(const std::string& eco_text, const std::string& chain_text,
                                                   const std::string& industry_text) {
  Answer a;
  struct Part {
    const IndustryValue* v;
    Field column;
  };
  std::vector<std::pair<size_t, Field>> found;  // most specific first: chain, industry, ecosystem
  if (!chain_text.empty()) found.push_back({value(chain_text, Field::Chain), Field::Chain});
  if (!industry_text.empty()) found.push_back({value(industry_text, Field::Industry), Field::Industry});
  if (!eco_text.empty()) found.push_back({value(eco_text, Field::Ecosystem), Field::Ecosystem});
  if (found.empty()) return a;
  std::vector<Part> parts;  // pointers taken once values_ has stopped growing for this row
  for (const auto& [k, column] : found) parts.push_back({&values_[k], column});
  auto sure = [](const IndustryValue& v) { return v.decided || v.match.confidence >= kIndustryConfident; };
  const IndustryValue* eco_part = nullptr;  // the ecosystem column, when it is sure
  for (const Part& p : parts)
    if (p.column == Field::Ecosystem && sure(*p.v)) eco_part = p.v;
  for (const Part& p : parts)
    if (sure(*p.v) && p.v->chain() >= 0) {
      a.chain = p.v->chain();
      a.chain_from = static_cast<int>(p.column);
      break;
    }
  if (eco_part) a.ecosystem = eco_part->ecosystem();
  else if (a.chain >= 0) a.ecosystem = kChains[a.chain].ecosystem;
  else
    for (const Part& p : parts)
      if (sure(*p.v)) {
        a.ecosystem = p.v->ecosystem();
        break;
      }
  if (a.chain >= 0 && kChains[a.chain].ecosystem != a.ecosystem) {
    a.contradiction = true;  // the office's ecosystem column wins; the chain is left general
    a.chain = -1;
  }
  for (const Part& p : parts) {
    if (sure(*p.v)) a.classified = true;
    else a.undecided = true;
    if (!a.sector && sure(*p.v) && p.v->match.sector && !p.v->decided) a.sector = p.v->match.sector;
  }
  if (a.classified && a.ecosystem != Ecosystem::Other) a.undecided = false;  // another column decided it
  return a;
}

}  // namespace cm
