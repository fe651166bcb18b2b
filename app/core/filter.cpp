#include "core/filter.h"

#include <algorithm>

#include "core/dates.h"
#include "core/filter_bits.h"

namespace cm {

int projectMonth(const Projects& p, size_t i) {
  return p.signed_day[i] == Projects::kNoDay ? kUndatedMonth : monthOfDay(p.signed_day[i]);
}

static uint32_t mask(const BitField& f) { return f.width >= 32 ? ~0u : (1u << f.width) - 1; }

static void put(FilterWords& w, const BitField& f, uint32_t v) { w[f.word] |= (v & mask(f)) << f.shift; }

uint32_t unpackField(const FilterWords& w, const BitField& f) { return w[f.word] >> f.shift & mask(f); }

FilterWords packFilterWords(const Projects& p, size_t i) {
  FilterWords w{0, 0, 0};
  auto id = [](int v) { return v >= 0 && v < kMaxIds ? static_cast<uint32_t>(v) : kNoId; };
  put(w, kFilterBits[0], static_cast<uint32_t>(p.ecosystem[i]));
  put(w, kFilterBits[1], static_cast<uint32_t>(p.sector[i]));
  put(w, kFilterBits[2], p.in_park[i] ? 1u : 0u);
  put(w, kFilterBits[3], i < p.approx.size() && p.approx[i] ? 1u : 0u);
  const int signed_month = projectMonth(p, i);  // undated: kNoMonth, which the shader passes by u_undated
  put(w, kFilterBits[4], signed_month == kUndatedMonth ? kNoMonth : static_cast<uint32_t>(std::clamp(signed_month, 0, kMaxMonth - 1)));
  put(w, kFilterBits[5], id(p.district_index[i]));
  put(w, kFilterBits[6], id(p.chain[i]));
  // The life-cycle months as lifeStageAt() reads the dates: a production date without a start
  // date counts as started then.
  auto month = [&](const Column<int32_t>& days) {
    return i < days.size() && days[i] != Projects::kNoDay ? static_cast<uint32_t>(std::clamp(monthOfDay(days[i]), 0, kMaxMonth - 1))
                                                          : kNoMonth;
  };
  const uint32_t producing = month(p.producing_day);
  const uint32_t started = month(p.started_day) == kNoMonth ? producing : month(p.started_day);
  put(w, kFilterBits[7], started);
  put(w, kFilterBits[8], producing);
  put(w, kFilterBits[9], foreignInvested(p, i) ? 1u : 0u);
  return w;
}

FilterWords packEcosystemOnly(Ecosystem e) {
  FilterWords w{0, 0, kNoMonth | kNoMonth << 16};
  put(w, kFilterBits[0], static_cast<uint32_t>(e));
  put(w, kFilterBits[5], kNoId);
  put(w, kFilterBits[6], kNoId);
  return w;
}

std::string shaderDefines() {
  std::string s;
  for (const BitField& f : kFilterBits) {
    const std::string n = f.name;
    s += "#define " + n + "_WORD " + std::to_string(f.word) + "\n";
    s += "#define " + n + "_SHIFT " + std::to_string(f.shift) + "u\n";
    s += "#define " + n + "_MASK " + std::to_string(mask(f)) + "u\n";
  }
  s += "#define NO_ID " + std::to_string(kNoId) + "u\n";
  s += "#define NO_MONTH " + std::to_string(kNoMonth) + "u\n";
  return s;
}

}  // namespace cm
