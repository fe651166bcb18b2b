// The industry a ledger's free-text column names (产业类别, 行业, 产业领域, 产业链, 所属行业 …): the
// office's own words ("集成电路设计", "创新药研发", "新能源汽车零部件", "跨境电商"), GB/T 4754-2017
// codes and names ("C3973", "3841 锂离子电池制造", "软件和信息技术服务业"), the strategic emerging
// industries' words ("新一代信息技术", "节能环保") and English ("EV parts", "solar") → an ecosystem,
// a chain of kChains when one fits, the sector when the text or code says it, and a confidence.
// GL-free, no I/O, total (any text gives an answer, never a throw) and fast: a ledger has few
// distinct values, but each one costs only a few hundred short comparisons.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ecosystem.h"
#include "core/model.h"

namespace cm {

// How the answer was found, from the surest to the least sure.
//   Exact:     the text is a catalogue term (a chain's or ecosystem's name, a GB/T name), after
//              normalising (case, width, spaces, a trailing 产业/行业/产业链/领域/生态圈/项目 …)
//   Alias:     the text is one of the office's words for a term ("封测", "IVD", "EV parts")
//   Code:      a GB/T 4754-2017 code, with or without its section letter, maybe with its name
//   Contained: the text holds catalogue terms ("集成电路设计" holds 集成电路); the most specific decides
//   Similar:   nothing matched; the nearest term by spelling (a typo: "集成电落"), never confident
//   None:      nothing to go on (blank, "无", "/", "待定", text that resembles no term)
enum class IndustryMethod { None, Exact, Alias, Code, Contained, Similar };

struct IndustryMatch {
  Ecosystem ecosystem = Ecosystem::Other;
  int chain = -1;                // index into kChains; -1: only the ecosystem is known
  std::optional<Sector> sector;  // when the text ("生产基地", "研发中心") or the code's section says
  double confidence = 0;         // 0..1; kIndustryConfident and above: take it without asking
  IndustryMethod method = IndustryMethod::None;
  std::string term;       // the catalogue term that decided, as the catalogue writes it ("集成电路")
  std::string code;       // the GB/T 4754-2017 code of that term when it has one ("3973")
  std::string code_name;  // that code's official name ("集成电路制造")
};

// Below this a human decides (the category dialog offers the match as its first choice).
inline constexpr double kIndustryConfident = 0.75;

IndustryMatch classifyIndustry(std::string_view text);
std::string_view industryMethodId(IndustryMethod m);  // "exact", "alias", "code", "contained", "similar", "none"

// The catalogue, for the category dialog's choices and for tests. `weight` (0..1) is how surely the
// term means its ecosystem/chain ("新能源" 0.9: 新能源汽车 belongs elsewhere; "制造业" 0.3: any
// ecosystem); `broad` terms ("医药", "新能源", "创新药") give way to a more specific term in the same
// text however long they are.
struct IndustryTerm {
  std::string_view term;
  Ecosystem ecosystem;
  int chain;  // index into kChains or -1
  std::optional<Sector> sector;
  std::string_view code;  // GB/T 4754-2017 code ("3973", "39", "C") or empty
  double weight;
  bool alias;  // an office word rather than a name (Alias, not Exact, when it matches)
  bool broad;
};
const std::vector<IndustryTerm>& industryCatalogue();

}  // namespace cm
