#include "core/money.h"

#include <cmath>
#include <cstdio>

namespace cm {

namespace {

// 3 significant digits below 100, whole numbers from 100 on; thousands grouped in English.
std::string number(double v, Lang l) {
  char b[48];
  const double a = std::fabs(v);
  if (a >= 100 || v == 0) std::snprintf(b, sizeof b, "%.0f", v);
  else if (a >= 10) std::snprintf(b, sizeof b, "%.1f", v);
  else if (a >= 1) std::snprintf(b, sizeof b, "%.1f", v);
  else std::snprintf(b, sizeof b, "%.2f", v);
  if (l != Lang::En || a < 1000) return b;
  // Whole numbers only here (from 100 on): group the digits by three.
  const std::string digits = b[0] == '-' ? b + 1 : b;
  std::string out = b[0] == '-' ? "-" : "";
  for (size_t k = 0; k < digits.size(); ++k) {
    if (k && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

std::string compact(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

}  // namespace

std::string formatCount(long long n, Lang l) {
  if (n >= 1000 || n <= -1000) return number(static_cast<double>(n), l);  // whole from 100 on; grouped in English
  return std::to_string(n);
}

double yiShown(double yi, Lang l) { return l == Lang::En ? yi / 10.0 : yi; }
double yiFromShown(double v, Lang l) { return l == Lang::En ? v * 10.0 : v; }
const char* yiUnit(Lang l) { return l == Lang::En ? "CNY bn" : "亿元"; }
const char* yiPerKm2Unit(Lang l) { return l == Lang::En ? "CNY bn per km²" : "亿元/平方公里"; }

std::string formatYiNumber(double yi, Lang l) { return number(yiShown(yi, l), l); }

std::string formatYi(double yi, Lang l) {
  if (l == Lang::En) return "CNY " + formatYiNumber(yi, l) + " bn";
  return formatYiNumber(yi, l) + " 亿元";
}

std::string formatYiCompact(double yi, Lang l) { return compact(yiShown(yi, l)); }

std::string formatYiAtLeast(double yi, Lang l) {
  if (l == Lang::En) return "≥ CNY " + formatYiCompact(yi, l) + " bn";
  return "≥" + formatYiCompact(yi, l) + "亿元";
}

std::string shortYi(Lang l, double yi) {
  char b[32];
  if (l == Lang::Zh) {
    std::snprintf(b, sizeof b, yi >= 10 ? "%.0f亿" : "%.1f亿", yi);
    return b;
  }
  return formatYi(yi, l);
}

std::string formatYiPerKm2Number(double v, Lang l) {
  const double x = yiShown(v, l);
  char b[32];
  if (std::fabs(x) >= 10 || x == 0) return number(x, l);
  std::snprintf(b, sizeof b, "%.3g", x);
  return b;
}

double fdiShown(double musd, Lang l) { return l == Lang::En ? musd : musd * 100.0; }
const char* fdiUnit(Lang l) { return l == Lang::En ? "USD m" : "万美元"; }
std::string formatFdiNumber(double musd, Lang l) { return number(fdiShown(musd, l), l); }
std::string formatFdi(double musd, Lang l) {
  if (l == Lang::En) return "USD " + formatFdiNumber(musd, l) + " m";
  // Chinese writes a large amount in 亿美元 (1 亿美元 = 100 million USD = 10,000 万美元).
  if (std::abs(musd) >= 100) return number(musd / 100.0, l) + " 亿美元";
  return formatFdiNumber(musd, l) + " 万美元";
}

}  // namespace cm
