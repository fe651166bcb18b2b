// A row's ecosystem and chain from what the office wrote in its ecosystem, chain and industry
// columns (产业领域, 产业链, 产业类别 …): a person's decision for that text first (the category
// dialog, or "categories" in the mapping file), else the industry classifier (data/import/industry.h)
// when it is confident, else "other" until someone decides — and the text is then listed, with the
// classifier's suggestion, in the category dialog and on the command line. Each distinct text is
// classified once (a ledger repeats few values over many rows).
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "data/import/field_mapping.h"
#include "data/import/industry.h"

namespace cm {

// One distinct text of an industry column and what became of it.
struct IndustryValue {
  std::string text;     // as written (trimmed)
  Field column = Field::Industry;
  long rows = 0;        // project rows with it
  IndustryMatch match;  // the classifier's answer (the suggestion when it is not confident)
  std::optional<CategoryChoice> decided;  // a person's answer
  bool needsDecision() const { return !decided && match.confidence < kIndustryConfident; }
  // What the rows with this text get: the decision, the confident match, or other.
  Ecosystem ecosystem() const;
  int chain() const;  // index into kChains, -1 none
};

class CategoryResolver {
 public:
  explicit CategoryResolver(const FieldMapping& m) : m_(m) {}
  struct Answer {
    Ecosystem ecosystem = Ecosystem::Other;
    int chain = -1;                // index into kChains, -1: the ecosystem's catch-all chain
    std::optional<Sector> sector;  // what the industry says, when it does
    bool classified = false;       // decided or confidently matched (also "other" when the text says so)
    bool undecided = false;        // a text below confidence made it other
    bool contradiction = false;    // the chain's ecosystem is not the one the ecosystem column says
    int chain_from = -1;           // the column (Field) the chain came from
  };
  // The row's three texts (any may be empty). Counts each text once per call.
  Answer resolve(const std::string& ecosystem_text, const std::string& chain_text, const std::string& industry_text);
  // Every distinct text met, in order of first appearance.
  const std::vector<IndustryValue>& values() const { return values_; }

 private:
  size_t value(const std::string& text, Field column);  // index into values_, counted
  const FieldMapping& m_;
  std::vector<IndustryValue> values_;
  std::unordered_map<std::string, size_t> index_;  // column-tagged text → values_
};

// The chain id a decision names ("" → none), as an index into kChains.
std::optional<int> decidedChain(const CategoryChoice& c);

}  // namespace cm
