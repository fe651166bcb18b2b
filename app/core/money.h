// Money as the UI shows it: one unit system a language, one function a figure.
//   Chinese: 亿元 for investment, 万美元 for foreign direct investment (FDI);
//   English: CNY bn (1 亿元 = CNY 0.1 bn) and USD m (100 万美元 = USD 1 m).
// The model keeps 亿元 (Projects::investment_yi) and million USD (Projects::fdi_musd); these
// functions convert and format for display only (CSV columns and JSON keep the model's units).
#pragma once
#include <string>

#include "core/strings.h"

namespace cm {

// An amount in 亿元 in the language's unit (zh 亿元, en CNY bn) and back.
double yiShown(double yi, Lang l);
double yiFromShown(double v, Lang l);
// The unit's name: "亿元" / "CNY bn"; per km²: "亿元/平方公里" / "CNY bn per km²".
const char* yiUnit(Lang l);
const char* yiPerKm2Unit(Lang l);
// The number alone in the language's unit: 3 significant digits up to 100, whole above
// ("160", "16.0", "0.15"; en groups thousands: "2,390").
std::string formatYiNumber(double yi, Lang l);
// The number with its unit: "160 亿元" / "CNY 16.0 bn".
std::string formatYi(double yi, Lang l);
// A threshold or size class, shortest form, no unit: zh 1 → "1", en 1 → "0.1"; en 10 → "1".
std::string formatYiCompact(double yi, Lang l);
// "≥1亿元" / "≥ CNY 0.1 bn".
std::string formatYiAtLeast(double yi, Lang l);
// Short, for a map label: "141亿" / "CNY 14.1 bn".
std::string shortYi(Lang l, double yi);
// Investment per km² (亿元 per km²): the number alone (small values keep 3 significant digits).
std::string formatYiPerKm2Number(double yi_per_km2, Lang l);

// A count as a caption writes it: "1564" in Chinese, "1,564" in English.
std::string formatCount(long long n, Lang l);

// Foreign direct investment, from million USD: zh in 万美元 (×100; "4790 万美元"), 亿美元 from 1 亿美元 up
// ("62.3 亿美元"); en "USD 47.9 m".
double fdiShown(double musd, Lang l);
const char* fdiUnit(Lang l);  // "万美元" / "USD m"
std::string formatFdiNumber(double musd, Lang l);
std::string formatFdi(double musd, Lang l);

}  // namespace cm
